/**
 * The words of a command line, split the one way every command reads them: options that take a
 * value (`--out x` or `--out=x`), flags (--force, --json, --help), short aliases, and everything
 * else in order (the command, then the inputs). A mistake is returned, not thrown, so each command
 * reports it in its own form.
 */
import type { Locale } from '../i18n';
import type { AnyMessageKey } from '../i18n/cli';

export interface SplitArgs {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
  locale: Locale;
}

export interface UsageProblem {
  problem: { key: AnyMessageKey; params: Record<string, string> };
}

const FLAGS = new Set(['--force', '--json', '--help']);

export function splitArgs(argv: readonly string[], valueOptions: ReadonlySet<string>, aliases: Readonly<Record<string, string>>, extraFlags: ReadonlySet<string> = new Set()): SplitArgs | UsageProblem {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const long = eq > 0 && arg.startsWith('--');
    const raw = long ? arg.slice(0, eq) : arg;
    const name = aliases[raw] ?? raw;
    if (valueOptions.has(name)) {
      const value = long ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return { problem: { key: 'cli.usage.missingValue', params: { option: name } } };
      values.set(name, value);
    } else if (FLAGS.has(name) || extraFlags.has(name)) {
      flags.add(name);
    } else {
      return { problem: { key: 'cli.usage.unknownOption', params: { option: arg } } };
    }
  }
  const lang = values.get('--lang');
  if (lang !== undefined && lang !== 'zh-CN' && lang !== 'en-US') return { problem: { key: 'cli.usage.badLang', params: { value: lang } } };
  return { positional, values, flags, locale: lang ?? 'zh-CN' };
}
