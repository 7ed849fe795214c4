/** jsdom lacks globals the simulated Excel uses (browsers and Node have them): TextEncoder for payload sizes, structuredClone for settings. */
import { TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

const g = globalThis as { TextEncoder?: unknown; structuredClone?: unknown };
g.TextEncoder ??= TextEncoder;
g.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
