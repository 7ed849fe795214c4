// Draws the add-in's icons (a rounded green tile with a rising bar chart) as PNG files in
// assets/, with zlib only: no image library and no download. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Coverage of a pixel by a shape, 4x4 supersampled so small sizes stay smooth.
function coverage(x, y, inside) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
  return hits / 16;
}

function draw(size) {
  const s = size;
  const radius = s * 0.18;
  const tile = (x, y) => {
    const cx = Math.min(Math.max(x, radius), s - radius);
    const cy = Math.min(Math.max(y, radius), s - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  // Three bars rising left to right, on a baseline: a ranking at a glance.
  const bars = [
    [0.2, 0.55],
    [0.42, 0.38],
    [0.64, 0.2],
  ].map(([left, top]) => ({ x0: left * s, x1: (left + 0.16) * s, y0: top * s, y1: 0.78 * s }));
  const bar = (x, y) => bars.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
  const rgba = Buffer.alloc(s * s * 4);
  const green = [16, 124, 65]; // Excel green
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const a = coverage(x, y, tile);
      const w = coverage(x, y, bar);
      const i = (y * s + x) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(green[c] * (1 - w) + 255 * w);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return png(s, rgba);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, draw(size));
  process.stdout.write(`${file}\n`);
}
