/**
 * Built-ins the WPS bundle may meet missing in the Chromium WPS embeds (the bundle's syntax
 * is lowered to chrome69 by scripts/build-wps.mjs; these are the library calls syntax
 * lowering cannot add). Some WPS 12.1 builds lack crypto.randomUUID (Chromium 92).
 * Each one is installed only where missing.
 */
const g = (typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : window) as unknown as Record<string, unknown>;
if (!('globalThis' in g)) g.globalThis = g;

if (!Object.fromEntries) {
  Object.fromEntries = <T>(entries: Iterable<readonly [PropertyKey, T]>) => {
    const out: Record<PropertyKey, T> = {};
    for (const [k, v] of entries) out[k] = v;
    return out;
  };
}

const ArrayProto = Array.prototype as unknown as Record<string, unknown>;
if (!ArrayProto.at) {
  ArrayProto.at = function at(this: unknown[], index: number) {
    const i = Math.trunc(index) || 0;
    return this[i < 0 ? this.length + i : i];
  };
}

const StringProto = String.prototype as unknown as Record<string, unknown>;
if (!StringProto.replaceAll) {
  StringProto.replaceAll = function replaceAll(this: string, search: string | RegExp, replacement: string) {
    if (search instanceof RegExp) return this.replace(search, replacement);
    return this.split(search).join(replacement);
  };
}

const P = Promise as unknown as Record<string, unknown>;
if (!P.allSettled) {
  P.allSettled = (items: Iterable<unknown>) =>
    Promise.all([...items].map((p) => Promise.resolve(p).then((value) => ({ status: 'fulfilled', value }), (reason: unknown) => ({ status: 'rejected', reason }))));
}

const c = g.crypto as (Crypto & { randomUUID?: () => string }) | undefined;
if (c && typeof c.getRandomValues === 'function' && typeof c.randomUUID !== 'function') {
  // RFC 4122 version 4 from getRandomValues, which every Chromium WPS embeds has.
  c.randomUUID = () => {
    const b = c.getRandomValues(new Uint8Array(16));
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

export {};
