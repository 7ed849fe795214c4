/**
 * The name index: which unit first had a given name key, so a duplicate is found the moment it
 * is read. An open-addressing hash table over unit indexes: each slot holds a unit index + 1
 * (0 is free), each unit its key's hash, and strings are compared only when hashes agree.
 * It is sized once for every row of the table, at twice as many slots as names, so it never
 * grows and a free slot always turns up.
 */
export interface NameIndex {
  /** Record unit `index` under `key`; returns the index the key was first recorded under (`index` when new). */
  add(key: string, index: number): number;
}

/** An index for up to `capacity` units; `keyOf` gives the key a recorded unit was added under. */
export function createNameIndex(capacity: number, keyOf: (index: number) => string): NameIndex {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(Math.max(capacity, 1));
  const mask = size - 1;
  return {
    add(key, index) {
      if (index >= hashes.length) throw new RangeError(`name index holds ${hashes.length} units, not ${index + 1}`);
      const hash = hashOf(key);
      hashes[index] = hash;
      // The bound turns a broken invariant (more names than capacity) into an error, not an endless loop.
      for (let probes = 0, slot = hash & mask; probes <= mask; probes++, slot = (slot + 1) & mask) {
        const held = slots[slot]!;
        if (held === 0) {
          slots[slot] = index + 1;
          return index;
        }
        if (hashes[held - 1] === hash && keyOf(held - 1) === key) return held - 1;
      }
      throw new RangeError('name index full');
    },
  };
}

/** FNV-1a over the UTF-16 code units of the key. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash;
}
