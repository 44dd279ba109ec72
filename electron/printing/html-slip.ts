// The slip as one self-contained HTML page, for the OS-printer fallback in the Electron shell
// (`electron/main/os-printer.ts`). It renders the same layout model as the ESC/POS path, in a
// monospace font sized so a layout line is exactly the roll's printable width: what fits on
// the thermal slip fits here, and the two look alike for the registry staff.
// No external resources (the QR is a data: URL, styles are inline) because the print window
// is loaded from a string with no network and a strict CSP.
import type { SlipData } from '../core/ports';
import { t } from '../common/i18n/locales';
import { qrSvgDocument } from '../common/qr-svg';
import { buildSlipLayout } from './slip-layout';

/** Printable width of a roll: 48 mm on 58 mm paper, 72 mm on 80 mm paper. */
const PRINTABLE_MM = { 58: 48, 80: 72 } as const;
const COLUMNS = { 58: 32, 80: 48 } as const;
/** DejaVu Sans Mono / Courier advance width in em. */
const MONO_ADVANCE_EM = 0.6;
const LINE_HEIGHT = 1.3;
const QR_MM = { 58: 26, 80: 30 } as const;
const MARGIN_MM = 3;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function rollOf(widthMm: number): 58 | 80 {
  return widthMm < 69 ? 58 : 80;
}

function metrics(widthMm: 58 | 80) {
  const columns = COLUMNS[widthMm];
  const printable = PRINTABLE_MM[widthMm];
  const fontMm = printable / columns / MONO_ADVANCE_EM;
  return { columns, printable, fontMm, lineMm: fontMm * LINE_HEIGHT, sideMm: (widthMm - printable) / 2 };
}

/**
 * Page size for `webContents.print({ pageSize })`: roll printers drivers otherwise assume A4
 * (electron#9780). Height is an upper estimate of the content.
 */
export function slipPageSizeMm(slip: SlipData, roll: 58 | 80 | number): { widthMm: number; heightMm: number } {
  const widthMm = rollOf(roll);
  const m = metrics(widthMm);
  let height = MARGIN_MM * 2;
  for (const b of buildSlipLayout(slip, m.columns, 'unicode').blocks) {
    if (b.kind === 'qr') height += QR_MM[widthMm] + m.lineMm;
    else height += m.lineMm * (b.kind === 'text' ? b.size : 1);
  }
  return { widthMm, heightMm: Math.ceil(height + 10) };
}

/**
 * `widthMm` is 58 or 80; it is typed `number` so the shell can pass its config value as is,
 * and anything else snaps to the nearer roll.
 */
export function renderSlipHtml(slip: SlipData, widthMm: 58 | 80 | number): string {
  return renderForRoll(slip, rollOf(widthMm));
}

function renderForRoll(slip: SlipData, widthMm: 58 | 80): string {
  const m = metrics(widthMm);
  const layout = buildSlipLayout(slip, m.columns, 'unicode');
  const body: string[] = [];
  for (const b of layout.blocks) {
    if (b.kind === 'rule') body.push('<div class="rule"></div>');
    else if (b.kind === 'qr') {
      const src = `data:image/svg+xml;base64,${Buffer.from(qrSvgDocument(b.data)).toString('base64')}`;
      body.push(`<div class="qr"><img src="${src}" alt="QR"></div>`);
    } else {
      const cls = [`a-${b.align}`, b.bold ? 'b' : '', b.size === 2 ? 'x2' : ''].filter(Boolean).join(' ');
      body.push(`<div class="${cls}">${escapeHtml(b.text)}</div>`);
    }
  }
  const page = slipPageSizeMm(slip, widthMm);
  return `<!doctype html>
<html lang="${slip.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(pageTitle(slip))}</title>
<style>
@page { size: ${widthMm}mm ${page.heightMm}mm; margin: 0; }
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { width: ${widthMm}mm; background: #fff; color: #000; }
body { padding: ${MARGIN_MM}mm ${m.sideMm.toFixed(2)}mm; font-family: "DejaVu Sans Mono", Consolas, "Courier New", monospace;
  font-size: ${m.fontMm.toFixed(3)}mm; line-height: ${LINE_HEIGHT}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
div { white-space: pre; overflow: hidden; }
.a-left { text-align: left; } .a-center { text-align: center; } .a-right { text-align: right; }
.b { font-weight: bold; }
.x2 { font-size: 2em; line-height: ${LINE_HEIGHT}; }
.rule { border-top: 0.3mm dashed #000; margin: ${(m.lineMm / 2).toFixed(2)}mm 0; }
.qr { text-align: center; padding: 1mm 0; }
.qr img { width: ${QR_MM[widthMm]}mm; height: ${QR_MM[widthMm]}mm; image-rendering: pixelated; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function pageTitle(slip: SlipData): string {
  const tr = t(slip.locale);
  if (slip.ticket) return tr('slip.pageTitle', { number: slip.ticket.number });
  return tr(slip.summary.kind === 'appointments' ? 'slip.summaryPageTitle' : 'slip.waitTitle');
}
