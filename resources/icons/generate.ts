/**
 * Draws the app icon (icon.png, 512×512) without image tools: a rounded indigo square with three bars,
 * widest on top, for the three lead tiers. electron-builder derives .icns/.ico from this PNG.
 *   npx tsx resources/icons/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Coverage of a rounded rectangle at a pixel, with a one-pixel soft edge for anti-aliasing. */
function roundRect(
  x: number,
  y: number,
  r: { x: number; y: number; w: number; h: number; radius: number },
): number {
  const cx = Math.min(Math.max(x, r.x + r.radius), r.x + r.w - r.radius);
  const cy = Math.min(Math.max(y, r.y + r.radius), r.y + r.h - r.radius);
  const d = Math.hypot(x - cx, y - cy) - r.radius;
  return Math.min(Math.max(0.5 - d, 0), 1);
}

const rows: Buffer[] = [];
const tile = { x: 32, y: 32, w: 448, h: 448, radius: 96 };
const bars = [
  { x: 128, y: 148, w: 256, h: 52, radius: 26 },
  { x: 128, y: 230, w: 200, h: 52, radius: 26 },
  { x: 128, y: 312, w: 136, h: 52, radius: 26 },
];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    const t = py / SIZE; // vertical gradient, indigo to violet
    let [r, g, b] = [79 + 30 * t, 70 - 10 * t, 229 - 10 * t];
    const bar = Math.max(...bars.map((s) => roundRect(px, py, s)));
    [r, g, b] = [r + (255 - r) * bar, g + (255 - g) * bar, b + (255 - b) * bar];
    const a = roundRect(px, py, tile);
    row.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], 1 + x * 4);
  }
  rows.push(row);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
