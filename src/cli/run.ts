/** The command line: `notice` and `year` have modules of their own; the rest is scoring (./main). */
import { runScoring, type CliDeps, type CliIo } from './main';
import { commandOf } from './companions';
import { nodeFileSystem } from './files';
import { runNotice } from './notice';
import { runYear } from './year';
import { loadLocale } from '../i18n/cli';

/** Run the command line. Resolves to the exit status; never throws. */
export async function runCli(argv: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  // The command line carries both languages (nothing is fetched): ready before any command speaks.
  await loadLocale('en-US');
  // `scorecard year <in.xlsx>...` reads several files and has its own options.
  if (argv[0] === 'year') return runYear(argv.slice(1), io, deps);
  if (commandOf(argv) === 'notice') return runNotice(argv, io, deps.fs ?? nodeFileSystem);
  return runScoring(argv, io, deps);
}
