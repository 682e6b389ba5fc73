// The in-test LoRaWAN "network server": lora-packet (npm) checks and builds frames for the C# tests.
// Reads one JSON request on stdin, writes one JSON answer on stdout. Keys and frames are hex strings; DevAddr,
// EUIs, nonces and NetID are hex as lora-packet presents them (most significant byte first).
'use strict';
const path = require('path');
const peers = process.env.OCCUPANCY_TEST_PEERS;
if (!peers) {
  throw new Error('OCCUPANCY_TEST_PEERS is not set');
}
const lora = require(path.join(peers, 'lora-packet'));

const hex = (b) => Buffer.from(b).toString('hex');
const buf = (h) => Buffer.from(h || '', 'hex');
// The upper 16 bits of a 32-bit frame counter, in the order lora-packet puts them in B0/A_i (little-endian).
const msb = (fcnt) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(Math.floor((fcnt || 0) / 65536) & 0xffff, 0);
  return b;
};

function dataFrames(req) {
  const nwk = buf(req.nwkSKey);
  const app = buf(req.appSKey);
  return req.frames.map((f) => {
    const p = lora.fromWire(buf(f.hex));
    const port = p.getFPort();
    return {
      mtype: p.getMType(),
      dir: p.getDir(),
      devAddr: hex(p.DevAddr),
      fcnt: p.getFCnt(),
      fport: port,
      adr: p.getFCtrlADR(),
      ack: p.getFCtrlACK(),
      adrAckReq: p.getDir() === 'up' ? p.getFCtrlADRACKReq() : null,
      fpending: p.getDir() === 'down' ? p.getFCtrlFPending() : null,
      fopts: hex(p.FOpts),
      micOk: lora.verifyMIC(p, nwk, undefined, msb(f.fcnt)),
      payload: port === null ? null : hex(lora.decrypt(p, app, nwk, msb(f.fcnt))),
    };
  });
}

function joinRequest(req) {
  const p = lora.fromWire(buf(req.hex));
  return {
    mtype: p.getMType(),
    appEui: hex(p.AppEUI),
    devEui: hex(p.DevEUI),
    devNonce: hex(p.DevNonce),
    micOk: lora.verifyMIC(p, undefined, buf(req.appKey)),
  };
}

function joinAccept(req) {
  const appKey = buf(req.appKey);
  const fields = {
    MType: 'Join Accept',
    AppNonce: buf(req.appNonce),
    NetID: buf(req.netId),
    DevAddr: buf(req.devAddr),
    DLSettings: req.dlSettings,
    RxDelay: req.rxDelay,
    CFList: buf(req.cfList),
  };
  const p = lora.fromFields(fields, undefined, undefined, appKey);
  const keys = lora.generateSessionKeys10(appKey, buf(req.netId), buf(req.appNonce), buf(req.devNonce));
  return { hex: hex(p.getPHYPayload()), nwkSKey: hex(keys.NwkSKey), appSKey: hex(keys.AppSKey) };
}

function downlink(req) {
  const fields = {
    MType: req.confirmed ? 'Confirmed Data Down' : 'Unconfirmed Data Down',
    DevAddr: buf(req.devAddr),
    FCtrl: { ADR: !!req.adr, ACK: !!req.ack, FPending: !!req.fpending },
    FCnt: req.fcnt & 0xffff,
    FOpts: buf(req.fopts),
    payload: buf(req.payload),
  };
  const hasPort = req.fport !== null && req.fport !== undefined;
  if (hasPort) {
    fields.FPort = req.fport;
  }
  const p = lora.fromFields(fields, buf(req.appSKey), buf(req.nwkSKey), undefined, msb(req.fcnt));
  if (!hasPort) {
    // fromFields computes the MIC only where it encrypts a payload: a frame with only FOpts needs it asked for.
    lora.recalculateMIC(p, buf(req.nwkSKey), undefined, msb(req.fcnt));
    p._mergeGroupFields();
  }
  return { hex: hex(p.getPHYPayload()) };
}

function joinRequests(req) {
  return req.frames.map((hex) => joinRequest({ appKey: req.appKey, hex: hex }));
}

function downlinks(req) {
  return req.items.map(downlink);
}

const ops = {
  'data-frames': dataFrames,
  'join-request': joinRequest,
  'join-requests': joinRequests,
  'join-accept': joinAccept,
  downlink: downlink,
  downlinks: downlinks,
};
require('./serve-request')(ops);
