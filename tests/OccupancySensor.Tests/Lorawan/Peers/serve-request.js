// The peers' shared request loop: one JSON request on stdin, {op, ...}; the answer of ops[op] as JSON on stdout.
'use strict';
module.exports = function serveRequest(ops) {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (c) => { input += c; });
  process.stdin.on('end', () => {
    const req = JSON.parse(input);
    const op = ops[req.op];
    if (!op) {
      throw new Error('unknown op ' + req.op);
    }
    process.stdout.write(JSON.stringify(op(req)));
  });
};
