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

const cli = loadCli();
if (cli === null) {
  process.exitCode = 2;
} else {
  cli
    .runCli(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(`处理失败：${error && error.stack ? error.stack : error}\n`);
        process.exitCode = 2;
      },
    );
}
