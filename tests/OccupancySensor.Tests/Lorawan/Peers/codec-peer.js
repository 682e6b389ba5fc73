// Runs the network-server payload codec for the C# tests, the way a network server would: the file's text is
// evaluated in a fresh context with no require, no module and no process. Also proves it is ES5 (acorn) and checks
// the Device Repository examples (js-yaml). One JSON request on stdin, one JSON answer on stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const peers = process.env.OCCUPANCY_TEST_PEERS;
if (!peers) {
  throw new Error('OCCUPANCY_TEST_PEERS is not set');
}

function loadCodec(file) {
  const context = vm.createContext({});
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: path.basename(file) });
  return context;
}

// JSON round trip: objects made in the codec's context compare equal to plain ones, Dates become strings.
const plain = (value) => JSON.parse(JSON.stringify(value));

function call(req) {
  const codec = loadCodec(req.codec);
  const fn = codec[req.fn];
  if (typeof fn !== 'function') {
    throw new Error(req.fn + ' is not a function of the codec');
  }
  return req.inputs.map((input) => plain(fn(input)));
}

function es5(req) {
  const acorn = require(path.join(peers, 'acorn'));
  const source = fs.readFileSync(req.codec, 'utf8');
  const results = { codec: check(source) };
  // The same parser must refuse ES2015 syntax, or passing proves nothing.
  results.probes = (req.probes || []).map(check);
  return results;

  function check(text) {
    try {
      acorn.parse(text, { ecmaVersion: 5, sourceType: 'script' });
      return { ok: true };
    } catch (e) {
      return { ok: false, error: e.message };
    }
  }
}

function examples(req) {
  const yaml = require(path.join(peers, 'js-yaml'));
  const doc = yaml.load(fs.readFileSync(req.yaml, 'utf8'));
  const sections = { uplinkDecoder: 'decodeUplink', downlinkEncoder: 'encodeDownlink', downlinkDecoder: 'decodeDownlink' };
  const out = [];
  for (const section of Object.keys(sections)) {
    const entry = doc[section];
    if (!entry) {
      out.push({ section, missing: true });
      continue;
    }
    const codec = loadCodec(path.join(path.dirname(req.yaml), entry.fileName));
    for (const example of entry.examples || []) {
      const actual = plain(codec[sections[section]](plain(example.input)));
      const expected = plain(example.output);
      out.push({
        section,
        fileName: entry.fileName,
        description: example.description,
        expected,
        actual,
        equal: JSON.stringify(sortKeys(actual)) === JSON.stringify(sortKeys(expected)),
      });
    }
  }
  return out;
}

function sortKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value && typeof value === 'object') {
    const sorted = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys(value[key]);
    }
    return sorted;
  }
  return value;
}

const ops = { call, es5, examples };
require('./serve-request')(ops);
