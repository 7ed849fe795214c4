#!/usr/bin/env node
'use strict';
// Thin launcher: the command line is bundled to dist/cli.cjs by `npm run prepare` (run by npm ci).
const path = require('node:path');

function loadCli() {
  try {
    return require(path.join(__dirname, '..', 'dist', 'cli.cjs'));
  } catch (error) {
    process.stderr.write('未找到命令行程序 dist/cli.cjs，请先运行 npm ci 或 npm run prepare。\n');
    process.stderr.write(String(error && error.message ? error.message : error) + '\n');
    return null;
  }
}

// A reader that stops early (`scorecard check x.xlsx --json | head`) closes the pipe: the rest of
// the output has nowhere to go, which is no error of the run. Drop it quietly instead of letting
// Node print an EPIPE stack; any other stream error still surfaces.
const closed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr']) {
  process[name].on('error', (error) => {
    if (error && error.code === 'EPIPE') {
      closed[name] = true;
      return;
    }
    throw error;
  });
}
const writeTo = (name) => (s) => {
  if (!closed[name]) process[name].write(s);
};

const cli = loadCli();
if (cli === null) {
  process.exitCode = 2;
} else {
  cli
    .runCli(process.argv.slice(2), {
      stdout: writeTo('stdout'),
      stderr: writeTo('stderr'),
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        writeTo('stderr')(`处理失败：${error && error.stack ? error.stack : error}\n`);
        process.exitCode = 2;
      },
    );
}
