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
}

export const nodeFileSystem: CliFileSystem = {
  readFile: (file) => nodeFs.readFile(file),
  writeFile: (file, data, options) => nodeFs.writeFile(file, data, options),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (file) => nodeFs.unlink(file),
  stat: (file) => nodeFs.stat(file),
};

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
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
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
