/**
 * jsdom lacks globals that browsers and Node have and the product uses: TextEncoder/TextDecoder
 * (payload sizes in the simulated Excel, the docx writer) and structuredClone (settings).
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

const g = globalThis as { TextEncoder?: unknown; TextDecoder?: unknown; structuredClone?: unknown };
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
