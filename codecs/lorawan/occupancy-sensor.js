// OccupancySensor LoRaWAN payload codec (LoRa Alliance TS013: decodeUplink, encodeDownlink, decodeDownlink).
// ES5.1 only, no require, no globals besides the three functions: network servers (The Things Stack, ChirpStack v4)
// run codecs in ES5 engines. The formats are documented in firmware/OccupancySensor.Core/Lorawan/README.md.
//
// Uplink FPort 1: one or more reading records, each [kind<<4 | zone][seq 24 bits][age 16 bits][values]; kind 8 is a
// run of periodic counts of one zone, decoded into one count reading each.
// Uplink FPort 3: the answer to a command: [command][status][setting].
// Downlink FPort 2: a command, named as over MQTT: {cmd: 'report'}, {cmd: 'history', since: N},
// {cmd: 'config', set: {'reporting.period_s': 900}} (configuration keys).

var READING_PORT = 1;
var COMMAND_PORT = 2;
var ANSWER_PORT = 3;

var KINDS = {
  1: { name: 'presence', length: 7 },
  2: { name: 'count', length: 8 },
  3: { name: 'inout', length: 11 },
  4: { name: 'alert', length: 8 },
  5: { name: 'health', length: 11 },
  6: { name: 'ambient', length: 11 },
  7: { name: 'dropped', length: 11 }
};

// A count run: the common header (of its first count), the number of counts n, the interval in seconds, then n
// entries of [sequence step 4 bits][count 12 bits]. Its length follows from n.
var COUNT_RUN = 8;
var COUNT_RUN_HEADER = 9;

var COMMANDS = { 1: 'report', 2: 'history', 3: 'config' };

var STATUS = ['accepted', 'empty', 'unknown_command', 'wrong_length', 'unknown_setting', 'out_of_range',
  'repeated_setting', 'wrong_port', 'not_applied'];

// Setting ids, named by their configuration file keys (as in the MQTT "config" command), with the ranges the
// unit's configuration file allows for them.
var SETTINGS = [
  null,
  { name: 'reporting.period_s', min: 60, max: 86400 },
  { name: 'reporting.health_period_s', min: 300, max: 86400 },
  { name: 'sensors.ambient.period_s', min: 10, max: 3600 },
  { name: 'thresholds.vacant_hold_s', min: 10, max: 86400 }
];

var MAX_SETTINGS = 4;

function settingId(name) {
  for (var id = 1; id < SETTINGS.length; id++) {
    if (SETTINGS[id].name === name) {
      return id;
    }
  }
  return 0;
}

function u16(bytes, at) {
  return (bytes[at] << 8) | bytes[at + 1];
}

function u24(bytes, at) {
  return (bytes[at] << 16) | (bytes[at + 1] << 8) | bytes[at + 2];
}

function ageSeconds(code) {
  if (code === 0xFFFF) {
    return null;
  }
  return (code & 0x8000) !== 0 ? (code & 0x7FFF) * 60 : code;
}

function reading(kindName, seq, zone, age, recvTime) {
  var r = {
    kind: kindName,
    seq: seq,
    zone: zone === 15 ? null : zone,
    age_s: age
  };
  if (recvTime !== undefined && recvTime !== null && age !== null) {
    r.taken_at = new Date(new Date(recvTime).getTime() - age * 1000).toISOString();
  }
  return r;
}

// Sequence numbers are the low 24 bits: a run's steps wrap with them.
function decodeCountRun(bytes, at, recvTime, readings) {
  var n = bytes[at + 6];
  var interval = u16(bytes, at + 7);
  var age = ageSeconds(u16(bytes, at + 4));
  var seq = u24(bytes, at + 1);
  for (var i = 0; i < n; i++) {
    var entry = u16(bytes, at + COUNT_RUN_HEADER + 2 * i);
    seq = (seq + (entry >> 12)) % 16777216;
    var r = reading('count', seq, bytes[at] & 0x0F, age === null ? null : age - i * interval, recvTime);
    r.count = entry & 0x0FFF;
    readings.push(r);
  }
}

function decodeRecord(bytes, at, recvTime) {
  var kind = KINDS[bytes[at] >> 4];
  var r = reading(kind.name, u24(bytes, at + 1), bytes[at] & 0x0F, ageSeconds(u16(bytes, at + 4)), recvTime);
  var v = at + 6;
  switch (kind.name) {
    case 'presence':
      r.occupied = bytes[v] !== 0;
      break;
    case 'count':
      r.count = u16(bytes, v);
      break;
    case 'alert':
      r.raised = (bytes[v] & 0x80) !== 0;
      r.count = u16(bytes, v) & 0x7FFF;
      break;
    case 'inout':
      r['in'] = (bytes[v] << 12) | (bytes[v + 1] << 4) | (bytes[v + 2] >> 4);
      r.out = ((bytes[v + 2] & 0x0F) << 16) | (bytes[v + 3] << 8) | bytes[v + 4];
      break;
    case 'dropped':
      r.dropped = (bytes[v] << 12) | (bytes[v + 1] << 4) | (bytes[v + 2] >> 4);
      r.dropped_total = ((bytes[v + 2] & 0x0F) << 16) | (bytes[v + 3] << 8) | bytes[v + 4];
      break;
    case 'health':
      r.faults = (bytes[v] << 4) | (bytes[v + 1] >> 4);
      r.uptime_s = ((bytes[v + 1] & 0x0F) << 24) | u24(bytes, v + 2);
      break;
    case 'ambient':
      var t = u16(bytes, v);
      var h = (bytes[v + 2] << 2) | (bytes[v + 3] >> 6);
      var p = ((bytes[v + 3] & 0x3F) << 8) | bytes[v + 4];
      r.temperature_c = t === 0x8000 ? null : (t >= 0x8000 ? t - 0x10000 : t) / 100;
      r.humidity_pct = h === 1023 ? null : h / 10;
      r.pressure_hpa = p === 16383 ? null : (3000 + p) / 10;
      break;
  }
  return r;
}

function decodeReadings(bytes, recvTime) {
  var readings = [];
  var errors = [];
  var at = 0;
  if (bytes.length === 0) {
    errors.push('empty payload');
  }
  while (at < bytes.length) {
    if (bytes[at] >> 4 === COUNT_RUN) {
      var runLength = at + 7 <= bytes.length ? COUNT_RUN_HEADER + 2 * bytes[at + 6] : COUNT_RUN_HEADER;
      if (at + runLength > bytes.length) {
        errors.push('count run at byte ' + at + ' needs ' + runLength + ' bytes, ' + (bytes.length - at) + ' left');
        break;
      }
      decodeCountRun(bytes, at, recvTime, readings);
      at += runLength;
      continue;
    }
    var kind = KINDS[bytes[at] >> 4];
    if (!kind) {
      errors.push('unknown reading kind ' + (bytes[at] >> 4) + ' at byte ' + at);
      break;
    }
    if (at + kind.length > bytes.length) {
      errors.push(kind.name + ' record at byte ' + at + ' needs ' + kind.length + ' bytes, ' + (bytes.length - at) + ' left');
      break;
    }
    readings.push(decodeRecord(bytes, at, recvTime));
    at += kind.length;
  }
  var result = { data: { readings: readings } };
  if (errors.length > 0) {
    result.errors = errors;
  }
  return result;
}

function decodeAnswer(bytes) {
  if (bytes.length !== 3) {
    return { errors: ['a command answer is 3 bytes, got ' + bytes.length] };
  }
  var setting = SETTINGS[bytes[2]];
  return {
    data: {
      answer: {
        cmd: COMMANDS[bytes[0]] || null,
        command_code: bytes[0],
        status: STATUS[bytes[1]] || 'status_' + bytes[1],
        setting: setting ? setting.name : null
      }
    }
  };
}

function decodeUplink(input) {
  var bytes = input.bytes || [];
  if (input.fPort === READING_PORT) {
    return decodeReadings(bytes, input.recvTime);
  }
  if (input.fPort === ANSWER_PORT) {
    return decodeAnswer(bytes);
  }
  return { errors: ['unknown fPort ' + input.fPort] };
}

function isWhole(value) {
  return typeof value === 'number' && isFinite(value) && Math.floor(value) === value;
}

function encodeDownlink(input) {
  var data = input.data || {};
  var errors = [];
  var bytes = [];
  if (data.cmd === 'report') {
    bytes.push(1);
  } else if (data.cmd === 'history') {
    var since = data.since;
    if (!isWhole(since) || since < 0 || since > 4294967295) {
      errors.push('out_of_range: since must be a whole number from 0 to 4294967295');
    } else {
      bytes.push(2, Math.floor(since / 16777216) & 0xFF, (since >> 16) & 0xFF, (since >> 8) & 0xFF, since & 0xFF);
    }
  } else if (data.cmd === 'config') {
    var settings = data.set || {};
    var count = 0;
    bytes.push(3);
    for (var name in settings) {
      if (Object.prototype.hasOwnProperty.call(settings, name) && settingId(name) === 0) {
        errors.push('unknown_setting: ' + name);
      }
    }
    for (var id = 1; id < SETTINGS.length; id++) {
      var s = SETTINGS[id];
      if (!Object.prototype.hasOwnProperty.call(settings, s.name)) {
        continue;
      }
      var value = settings[s.name];
      if (!isWhole(value) || value < s.min || value > s.max) {
        errors.push('out_of_range: ' + s.name + ' must be a whole number from ' + s.min + ' to ' + s.max);
        continue;
      }
      count++;
      bytes.push(id, (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
    }
    if (count === 0 && errors.length === 0) {
      errors.push('wrong_length: config needs at least one setting in set');
    }
  } else {
    errors.push('unknown_command: ' + data.cmd);
  }
  if (errors.length > 0) {
    return { errors: errors };
  }
  return { bytes: bytes, fPort: COMMAND_PORT };
}

function decodeDownlink(input) {
  var bytes = input.bytes || [];
  if (input.fPort !== COMMAND_PORT) {
    return { errors: ['wrong_port: commands use fPort ' + COMMAND_PORT + ', got ' + input.fPort] };
  }
  if (bytes.length === 0) {
    return { errors: ['empty: no command'] };
  }
  var command = COMMANDS[bytes[0]];
  if (!command) {
    return { errors: ['unknown_command: code ' + bytes[0]] };
  }
  if (command === 'report') {
    return bytes.length === 1 ? { data: { cmd: command } } : { errors: ['wrong_length: report is 1 byte'] };
  }
  if (command === 'history') {
    if (bytes.length !== 5) {
      return { errors: ['wrong_length: history is 5 bytes'] };
    }
    return { data: { cmd: command, since: bytes[1] * 16777216 + u24(bytes, 2) } };
  }
  var count = (bytes.length - 1) / 4;
  if ((bytes.length - 1) % 4 !== 0 || count < 1 || count > MAX_SETTINGS) {
    return { errors: ['wrong_length: config is 1 + 4 bytes per setting, 1 to ' + MAX_SETTINGS + ' settings'] };
  }
  var settings = {};
  for (var i = 0; i < count; i++) {
    var at = 1 + i * 4;
    var s = SETTINGS[bytes[at]];
    var value = u24(bytes, at + 1);
    if (!s) {
      return { errors: ['unknown_setting: id ' + bytes[at]] };
    }
    if (Object.prototype.hasOwnProperty.call(settings, s.name)) {
      return { errors: ['repeated_setting: ' + s.name] };
    }
    if (value < s.min || value > s.max) {
      return { errors: ['out_of_range: ' + s.name + ' must be from ' + s.min + ' to ' + s.max + ', got ' + value] };
    }
    settings[s.name] = value;
  }
  return { data: { cmd: command, set: settings } };
}
