/** Starts `node scripts/demo.mjs --port 0` (which builds dist/ when stale) and returns its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface DemoServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startDemoServer(timeoutMs: number): Promise<DemoServer> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'demo.mjs'), '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`demo server did not start in ${timeoutMs} ms:\n${stderr.slice(-2000)}`));
    }, timeoutMs);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /Demo: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo server exited with ${code}:\n${stderr.slice(-4000)}`));
    });
  });
}
