// The decoded slip drawn as the printer would: one SVG pixel per printer dot (203 dpi), font A
// cells of 12×24 dots in DejaVu Sans Mono, QR modules at the module size the job asked for.
// resvg turns it into a PNG with only the DejaVu files, so the image is the same on every CI
// machine and never depends on the fonts of the developer's desktop.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { qrGeometry } from '../../common/qr-svg';
import { lineColumns, type DecodedSlip } from './escpos-decode';

export const FONT_DIR = process.env.INFOMAT_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
const FONT_FILES = ['DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf'].map((f) => path.join(FONT_DIR, f));

const CELL_W = 12;
const CELL_H = 24;
/** ESC 2 default line spacing is 30 dots: 24 for the glyphs, 6 between lines. */
const LINE_GAP = 6;
/** DejaVu Sans Mono advances 1233/2048 em; this size makes one glyph exactly one 12-dot cell. */
const FONT_SIZE = CELL_W / (1233 / 2048);
/** Baseline inside a 24-dot cell: ascent of the font at FONT_SIZE, rounded. */
const BASELINE = 19;
const MARGIN_Y = 16;

function esc(c: string): string {
  return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c;
}

export function slipToSvg(slip: DecodedSlip, dots: number): string {
  const columns = Math.floor(dots / CELL_W);
  const parts: string[] = [];
  let y = MARGIN_Y;
  for (const line of slip.lines) {
    if (line.kind === 'cut') {
      parts.push(`<line x1="0" y1="${y + 12}" x2="${dots}" y2="${y + 12}" stroke="#888" stroke-width="2" stroke-dasharray="10 8"/>`);
      y += 24;
      continue;
    }
    if (line.kind === 'qr') {
      const probe = qrGeometry(line.data, line.moduleSize);
      const x = line.align === 'center' ? Math.floor((dots - probe.side) / 2) : line.align === 'right' ? dots - probe.side : 0;
      const g = qrGeometry(line.data, line.moduleSize, x, y);
      parts.push(`<path d="${g.path}" fill="#000" shape-rendering="crispEdges"/>`);
      y += g.side;
      continue;
    }
    const lineH = Math.max(1, ...line.runs.map((r) => r.h));
    const used = lineColumns(line.runs);
    const free = Math.max(0, columns - used);
    let col = line.align === 'center' ? Math.floor(free / 2) : line.align === 'right' ? free : 0;
    const baseline = y + BASELINE * lineH;
    for (const run of line.runs) {
      const weight = run.bold ? ' font-weight="bold"' : '';
      for (const ch of run.text) {
        if (ch !== ' ') {
          const x = col * CELL_W;
          const scale = run.w === 1 && run.h === 1 ? '' : ` scale(${run.w} ${run.h})`;
          parts.push(`<text transform="translate(${x} ${baseline})${scale}"${weight}>${esc(ch)}</text>`);
        }
        col += run.w;
      }
    }
    y += CELL_H * lineH + LINE_GAP;
  }
  const height = Math.ceil(y + MARGIN_Y);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${dots}" height="${height}" viewBox="0 0 ${dots} ${height}">
<rect width="${dots}" height="${height}" fill="#fff"/>
<g font-family="DejaVu Sans Mono" font-size="${FONT_SIZE.toFixed(3)}" fill="#000">
${parts.join('\n')}
</g>
</svg>`;
}

type ResvgModule = { Resvg: typeof ResvgClass };
let resvgModule: Promise<ResvgModule> | null = null;

function loadResvg(): Promise<ResvgModule> {
  // The name sits in a variable so esbuild leaves the import alone: a native addon cannot be
  // bundled into the Electron main file, and only the demo's virtual printer needs it.
  const name = '@resvg/resvg-js';
  resvgModule ??= (import(name) as Promise<ResvgModule & { default?: ResvgModule }>).then((m) => (m.Resvg ? m : (m.default ?? m)));
  return resvgModule;
}

export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await loadResvg();
  const haveFonts = FONT_FILES.every((f) => existsSync(f));
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: {
      fontFiles: haveFonts ? FONT_FILES : [],
      loadSystemFonts: !haveFonts,
      defaultFontFamily: 'DejaVu Sans Mono',
      monospaceFamily: 'DejaVu Sans Mono',
    },
  });
  return resvg.render().asPng();
}

export function slipToPng(slip: DecodedSlip, dots: number): Promise<Buffer> {
  return svgToPng(slipToSvg(slip, dots));
}
