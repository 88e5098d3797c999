// Draws the add-in's icons (an ageing bar chart: green, amber, orange, red) as PNG files, so
// the repository needs no binary made by hand. Run once: node scripts/make-icons.js
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const zlib = require('node:zlib');

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function icon(size) {
  const bars = [
    [0x2e, 0x7d, 0x32, 0.45],
    [0xf9, 0xa8, 0x25, 0.65],
    [0xef, 0x6c, 0x00, 0.8],
    [0xc6, 0x28, 0x28, 1.0],
  ];
  const rows = [];
  const margin = Math.max(1, Math.round(size / 8));
  const width = (size - 2 * margin) / bars.length;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const index = Math.floor((x - margin) / width);
      const bar = bars[index];
      const inBar = bar && x >= margin && x < size - margin && (x - margin) % width < width - Math.max(1, size / 32);
      const top = bar ? size - margin - bar[3] * (size - 2 * margin) : size;
      if (inBar && y >= top && y < size - margin) row.push(bar[0], bar[1], bar[2], 255);
      else row.push(255, 255, 255, 0);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, '..', 'addin', 'assets', `icon-${size}.png`), icon(size));
