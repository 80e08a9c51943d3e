// Draws images/icon.png, the extension's 128x128 icon: a white speech bubble with an orange question
// mark on a dark blue tile ("who said so?"). Geometry only, 4x4 supersampled for smooth edges, written
// as an RGBA PNG with node's zlib. Run: node scripts/make-icon.mjs [out.png]
import {writeFileSync, mkdirSync} from 'node:fs';
import {deflateSync} from 'node:zlib';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const SIZE = 128;
const SAMPLES = 4;
const TILE = [0x1f, 0x3a, 0x5f];
const BUBBLE = [0xff, 0xff, 0xff];
const MARK = [0xe0, 0x5a, 0x1a];

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function triangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const side = (px, py, qx, qy) => (qx - px) * (y - py) - (qy - py) * (x - px);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
}

/** The colour at a point, or null outside the tile. */
function paint(x, y) {
  if (!roundedRect(x, y, 4, 4, 124, 124, 22)) return null;
  const bubble = roundedRect(x, y, 18, 20, 110, 90, 20) || triangle(x, y, [34, 84], [60, 84], [26, 110]);
  if (!bubble) return TILE;
  // The question mark: a hook (part of a ring), a stem, a dot.
  const dx = x - 64;
  const dy = y - 45;
  const radius = Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  const hook = radius >= 9 && radius <= 18 && !(angle > 80 && angle < 180);
  const stem = x >= 59.5 && x <= 68.5 && y >= 55 && y <= 68;
  const dot = (x - 64) ** 2 + (y - 77) ** 2 <= 5.5 ** 2;
  return hook || stem || dot ? MARK : BUBBLE;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = paint(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a++;
      }
    }
    const o = 1 + px * 4;
    if (a > 0) {
      row[o] = Math.round(r / a);
      row[o + 1] = Math.round(g / a);
      row[o + 2] = Math.round(b / a);
    }
    row[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), {level: 9})),
  chunk('IEND', Buffer.alloc(0))
]);
const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(out), {recursive: true});
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
