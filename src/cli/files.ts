/** File access for the CLI (Node only): reading the input, writing the output atomically. */
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';

/** The few file operations the CLI needs; tests hand in a failing one to prove no partial file is left. */
export interface CliFileSystem {
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: Uint8Array, options: { flag: string }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  stat(file: string): Promise<{ dev: number; ino: number; isDirectory(): boolean }>;
  /** Does not follow a symlink: what sits at the path itself. */
  lstat(file: string): Promise<{ isFile(): boolean; isSymbolicLink(): boolean; isDirectory(): boolean }>;
  readdir(dir: string): Promise<string[]>;
}

export const nodeFileSystem: CliFileSystem = {
  readFile: (file) => nodeFs.readFile(file),
  writeFile: (file, data, options) => nodeFs.writeFile(file, data, options),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (file) => nodeFs.unlink(file),
  stat: (file) => nodeFs.stat(file),
  lstat: (file) => nodeFs.lstat(file),
  readdir: (dir) => nodeFs.readdir(dir),
};

/** Why an existing --out cannot be replaced, or null when it is absent or a regular file. */
export type OutputProblem = 'symlink' | 'directory' | 'special';

/**
 * An output path that already exists must be a regular file. The write renames a new file over
 * the path, so a symlink (say to /proc/self/fd/1) would itself be replaced, and a device such as
 * /dev/stdout would be swapped for a plain file when run as root.
 */
export async function outputProblem(fs: CliFileSystem, target: string): Promise<OutputProblem | null> {
  let st: Awaited<ReturnType<CliFileSystem['lstat']>>;
  try {
    st = await fs.lstat(target);
  } catch {
    return null; // absent: it will be created (a missing folder fails later, with its own message)
  }
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'directory';
  return st.isFile() ? null : 'special';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The temporary name writeFileAtomic uses for `target`, for process `pid`. */
function temporaryName(target: string, pid: number): string {
  return `.${path.basename(target)}.${pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
}

/** True unless the process is known to be gone (ESRCH); a process of another user (EPERM) is alive. */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Remove temporaries of this same output left by a run that was killed mid-write (SIGKILL
 * leaves no chance to clean up). Only files named as writeFileAtomic names them, only regular
 * files, and only when the process that wrote them is gone: a run still writing keeps its file.
 */
export async function removeStaleTemporaries(fs: CliFileSystem, target: string): Promise<string[]> {
  const dir = path.dirname(path.resolve(target));
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)\\.[0-9a-z]+\\.tmp$`);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const file = path.join(dir, name);
    try {
      if (!(await fs.lstat(file)).isFile()) continue;
      await fs.unlink(file);
      removed.push(file);
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

/** True when both paths name the same file: same resolved path, or (both existing) same inode. */
export async function isSameFile(fs: CliFileSystem, a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // the output does not exist yet
  }
}

/**
 * Write next to the target, then rename over it: readers see the old file or the whole new
 * one, never half of it. The temporary file is removed when anything fails.
 */
export async function writeFileAtomic(fs: CliFileSystem, target: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await removeStaleTemporaries(fs, target);
  const tmp = path.join(dir, temporaryName(target, process.pid));
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' });
    await fs.rename(tmp, target);
  } catch (error) {
    await fs.unlink(tmp).catch(() => undefined);
    throw error;
  }
}

export type InputKind = 'xlsx' | 'cfb' | 'other';

/**
 * What the bytes look like: an .xlsx is a zip (PK\3\4); an OLE compound file (D0 CF 11 E0) is
 * either a password-protected .xlsx (Office encrypts into that container) or an old .xls.
 */
export function sniffInput(data: Uint8Array): InputKind {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) return 'xlsx';
  if (data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0 && data[4] === 0xa1 && data[5] === 0xb1 && data[6] === 0x1a && data[7] === 0xe1) return 'cfb';
  return 'other';
}
