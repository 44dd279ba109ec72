#!/usr/bin/env node
// Generates the app icons from one SVG (a white medical cross on a teal ticket):
// build/icons/icon.svg, build/icons/png/<size>x<size>.png (Linux), build/icons/icon.png (512),
// build/icons/icon.ico (Windows; PNG-compressed entries 16…256, valid since Windows Vista).
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build', 'icons');

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <defs>
    <mask id="notches">
      <rect width="512" height="512" fill="#fff"/>
      <circle cx="40" cy="256" r="38" fill="#000"/>
      <circle cx="472" cy="256" r="38" fill="#000"/>
    </mask>
  </defs>
  <rect x="16" y="64" width="480" height="384" rx="56" fill="#0f7c8c" mask="url(#notches)"/>
  <line x1="96" y1="256" x2="136" y2="256" stroke="#7fd0da" stroke-width="8" stroke-dasharray="8 10"/>
  <line x1="376" y1="256" x2="416" y2="256" stroke="#7fd0da" stroke-width="8" stroke-dasharray="8 10"/>
  <path d="M214 136h84v78h78v84h-78v78h-84v-78h-78v-84h78z" fill="#ffffff"/>
</svg>
`;

function png(size) {
  return new Resvg(ICON_SVG, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/** ICO with PNG entries. */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const dir = Buffer.alloc(16 * images.length);
  let offset = 6 + dir.length;
  images.forEach(({ size, data }, i) => {
    const o = i * 16;
    dir.writeUInt8(size >= 256 ? 0 : size, o);
    dir.writeUInt8(size >= 256 ? 0 : size, o + 1);
    dir.writeUInt8(0, o + 2); // palette
    dir.writeUInt8(0, o + 3);
    dir.writeUInt16LE(1, o + 4); // planes
    dir.writeUInt16LE(32, o + 6); // bpp
    dir.writeUInt32LE(data.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += data.length;
  });
  return Buffer.concat([header, dir, ...images.map((i) => i.data)]);
}

mkdirSync(path.join(out, 'png'), { recursive: true });
writeFileSync(path.join(out, 'icon.svg'), ICON_SVG);
for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(path.join(out, 'png', `${size}x${size}.png`), png(size));
writeFileSync(path.join(out, 'icon.png'), png(512));
writeFileSync(path.join(out, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: png(size) }))));
console.log(`icons written to ${path.relative(root, out)}`);
