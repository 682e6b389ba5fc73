'use strict';
// An independent MQTT subscriber for the tests, on MQTT.js: connects with a persistent session (clean: false,
// fixed client id), subscribes at QoS 1 and prints one JSON line per event:
//   {"event":"subscribed","granted":[1]}
//   {"topic":"...","payload":"<UTF-8 text>","payloadHex":"<exact bytes>","retain":false,"qos":1}
// Usage: node mqtt-subscribe.js --url mqtt://127.0.0.1:1883 --topic 'a/#' --client-id id
//        [--ca ca.crt] [--cert client.crt --key client.key] [--count N]
// With --ca the URL should be mqtts://; the CA given is the only one trusted. Exits after --count messages, or
// when killed. Errors go to stderr as {"event":"error","message":...}.
const fs = require('fs');
const path = require('path');

const peers = process.env.OCCUPANCY_TEST_PEERS || path.join(__dirname, 'node_modules');
const mqtt = require(path.join(peers, 'mqtt'));

function parseArguments(argv) {
  const options = {};
  for (let i = 2; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) {
      throw new Error('expected --name value pairs, got ' + argv.slice(2).join(' '));
    }
    options[argv[i].slice(2)] = argv[i + 1];
  }
  for (const required of ['url', 'topic', 'client-id']) {
    if (!options[required]) {
      throw new Error('missing --' + required);
    }
  }
  return options;
}

const options = parseArguments(process.argv);
const connectOptions = {
  clientId: options['client-id'],
  clean: false,
  protocolVersion: 4,
  reconnectPeriod: 500,
};
if (options.ca) {
  connectOptions.ca = fs.readFileSync(options.ca);
  connectOptions.rejectUnauthorized = true;
}
if (options.cert) {
  connectOptions.cert = fs.readFileSync(options.cert);
  connectOptions.key = fs.readFileSync(options.key);
}

const limit = options.count ? parseInt(options.count, 10) : Infinity;
let received = 0;
const client = mqtt.connect(options.url, connectOptions);

function print(object) {
  process.stdout.write(JSON.stringify(object) + '\n');
}

client.on('connect', () => {
  client.subscribe(options.topic, { qos: 1 }, (error, granted) => {
    if (error) {
      process.stderr.write(JSON.stringify({ event: 'error', message: String(error) }) + '\n');
      process.exit(2);
    }
    print({ event: 'subscribed', granted: granted.map((g) => g.qos) });
  });
});

client.on('message', (topic, payload, packet) => {
  print({ topic, payload: payload.toString('utf8'), payloadHex: payload.toString('hex'), retain: packet.retain, qos: packet.qos });
  received++;
  if (received >= limit) {
    client.end(false, () => process.exit(0));
  }
});

client.on('error', (error) => {
  process.stderr.write(JSON.stringify({ event: 'error', message: String(error && error.message || error) }) + '\n');
});
