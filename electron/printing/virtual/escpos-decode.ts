// A decoder for the ESC/POS subset our encoder emits (plus the common commands around it, so
// a slip from another tool does not derail it). No npm package turns an ESC/POS stream back
// into text or an image; this is what lets tests and the demo see the slip the patient gets.
import iconv from 'iconv-lite';

export type DecodedAlign = 'left' | 'center' | 'right';
export interface DecodedRun {
  text: string;
  bold: boolean;
  /** Width and height multipliers from GS ! / ESC !. */
  w: number;
  h: number;
}
export type DecodedLine =
  | { kind: 'text'; align: DecodedAlign; runs: DecodedRun[] }
  | { kind: 'qr'; align: DecodedAlign; data: string; moduleSize: number }
  | { kind: 'cut'; partial: boolean };

export interface DecodedSlip {
  lines: DecodedLine[];
  /** Code pages selected with ESC t, in order, as «17=cp866». */
  codepages: string[];
  /** Commands we skipped without understanding, as hex, for the test output. */
  unknown: string[];
}

/** `ESC t n` → iconv-lite encoding. Defaults to Epson's table. */
export type CodepageTable = Record<number, string>;
export const EPSON_CODEPAGES: CodepageTable = { 0: 'cp437', 2: 'cp850', 17: 'cp866', 46: 'win1251' };

const decodeTables = new Map<string, string[]>();
function charTable(encoding: string): string[] {
  let t = decodeTables.get(encoding);
  if (!t) {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    t = [...iconv.decode(all, encoding)];
    // iconv yields one char per byte for single-byte pages; guard against a page that does not.
    if (t.length !== 256) t = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i));
    decodeTables.set(encoding, t);
  }
  return t;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

export function decodeEscPos(input: Uint8Array, table: CodepageTable = EPSON_CODEPAGES): DecodedSlip {
  const out: DecodedSlip = { lines: [], codepages: [], unknown: [] };
  let align: DecodedAlign = 'left';
  let bold = false;
  let w = 1;
  let h = 1;
  let chars = charTable('cp437');
  let runs: DecodedRun[] = [];
  let lineAlign: DecodedAlign | null = null;
  const qr = { data: '', moduleSize: 3 };

  const reset = (): void => {
    align = 'left';
    bold = false;
    w = 1;
    h = 1;
    chars = charTable(table[0] ?? 'cp437');
  };
  const pushChar = (c: string): void => {
    lineAlign ??= align;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.w === w && last.h === h) last.text += c;
    else runs.push({ text: c, bold, w, h });
  };
  const endLine = (): void => {
    out.lines.push({ kind: 'text', align: lineAlign ?? align, runs });
    runs = [];
    lineAlign = null;
  };
  const flushPartial = (): void => {
    if (runs.length) endLine();
  };
  const hex = (from: number, to: number): string => Buffer.from(input.subarray(from, to)).toString('hex');
  const byte = (k: number): number => input[k] ?? 0;
  const toAlign = (n: number): DecodedAlign => (n === 1 || n === 49 ? 'center' : n === 2 || n === 50 ? 'right' : 'left');

  let i = 0;
  while (i < input.length) {
    const b = byte(i);
    if (b === LF) {
      endLine();
      i++;
    } else if (b === ESC) {
      const c = byte(i + 1);
      const n = byte(i + 2);
      switch (c) {
        case 0x40: // @ initialize
          reset();
          i += 2;
          break;
        case 0x74: // t code page
          chars = charTable(table[n] ?? 'cp437');
          out.codepages.push(`${n}=${table[n] ?? 'unknown (cp437)'}`);
          i += 3;
          break;
        case 0x61: // a alignment
          align = toAlign(n);
          i += 3;
          break;
        case 0x45: // E emphasis
        case 0x47: // G double strike looks bold on paper
          bold = (n & 1) === 1;
          i += 3;
          break;
        case 0x21: // ! print mode
          bold = (n & 0x08) !== 0;
          h = n & 0x10 ? 2 : 1;
          w = n & 0x20 ? 2 : 1;
          i += 3;
          break;
        case 0x64: // d feed n lines
          flushPartial();
          for (let k = 0; k < n; k++) endLine();
          i += 3;
          break;
        case 0x32: // 2 default line spacing
          i += 2;
          break;
        case 0x70: // p drawer pulse m t1 t2
          i += 5;
          break;
        case 0x24: // $ absolute position
        case 0x5c: // \ relative position
          i += 4;
          break;
        case 0x63: // c 3 n / c 4 n / c 5 n panel and sensor settings
          i += 4;
          break;
        case 0x2d: // - underline
        case 0x33: // 3 line spacing
        case 0x4a: // J feed dots
        case 0x4d: // M font
        case 0x52: // R international set
        case 0x56: // V rotate
        case 0x7b: // { upside down
        case 0x20: // SP right spacing
        case 0x3d: // = peripheral
        case 0x72: // r colour
        case 0x55: // U unidirectional
          i += 3;
          break;
        default:
          out.unknown.push(hex(i, i + 2));
          i += 2;
      }
    } else if (b === GS) {
      const c = byte(i + 1);
      const n = byte(i + 2);
      if (c === 0x21) {
        w = ((n >> 4) & 0x07) + 1;
        h = (n & 0x07) + 1;
        i += 3;
      } else if (c === 0x56) {
        flushPartial();
        out.lines.push({ kind: 'cut', partial: n === 1 || n === 49 || n === 66 || n === 98 || n === 104 });
        i += n >= 65 ? 4 : 3;
      } else if (c === 0x28) {
        // GS ( fn pL pH data: every function carries its own length.
        const fnc = byte(i + 2);
        const len = byte(i + 3) + byte(i + 4) * 256;
        const body = input.subarray(i + 5, i + 5 + len);
        if (fnc === 0x6b && body[0] === 49) {
          const fn = body[1];
          if (fn === 67) qr.moduleSize = body[2] ?? 3;
          else if (fn === 80) qr.data = Buffer.from(body.subarray(3)).toString('latin1');
          else if (fn === 81) {
            flushPartial();
            out.lines.push({ kind: 'qr', align, data: qr.data, moduleSize: qr.moduleSize });
          }
        } else if (fnc !== 0x6b) {
          out.unknown.push(hex(i, i + 3));
        }
        i += 5 + len;
      } else if (c === 0x76 && n === 0x30) {
        // GS v 0 raster image: skip its bitmap
        const bytesWide = byte(i + 4) + byte(i + 5) * 256;
        const rows = byte(i + 6) + byte(i + 7) * 256;
        flushPartial();
        out.unknown.push('raster image');
        i += 8 + bytesWide * rows;
      } else if (c === 0x6b) {
        // GS k barcode: m < 7 is NUL-terminated, otherwise length-prefixed
        if (n < 7) {
          let j = i + 3;
          while (j < input.length && input[j] !== 0) j++;
          i = j + 1;
        } else i += 4 + byte(i + 3);
        out.unknown.push('barcode');
      } else if ([0x4c, 0x57].includes(c)) {
        i += 4; // GS L / GS W: nL nH
      } else if ([0x42, 0x48, 0x66, 0x68, 0x77, 0x61, 0x62, 0x49, 0x72].includes(c)) {
        i += 3;
      } else {
        out.unknown.push(hex(i, i + 2));
        i += 2;
      }
    } else if (b === FS) {
      const c = byte(i + 1);
      // FS . cancels and FS & selects Kanji mode; FS C n picks a Kanji code system.
      i += c === 0x43 || c === 0x21 || c === 0x2d ? 3 : 2;
    } else if (b === DLE) {
      const c = byte(i + 1);
      i += c === 0x14 ? 5 : 3; // DLE EOT / DLE ENQ n; DLE DC4 fn m t
    } else if (b === 0x09) {
      pushChar(' ');
      i++;
    } else if (b < 0x20 || b === 0x7f) {
      i++; // CR and other controls print nothing
    } else {
      pushChar(chars[b] ?? '?');
      i++;
    }
  }
  flushPartial();
  return out;
}

/** Printed width of a line in font-A columns. */
export function lineColumns(runs: DecodedRun[]): number {
  return runs.reduce((sum, r) => sum + [...r.text].length * r.w, 0);
}

/** The slip as text: alignment by padding, QR as `[QR: data]`, cut as `--- cut ---`. */
export function decodedToText(slip: DecodedSlip, columns: number): string {
  const pad = (align: DecodedAlign, used: number): string => {
    const free = Math.max(0, columns - used);
    return ' '.repeat(align === 'center' ? Math.floor(free / 2) : align === 'right' ? free : 0);
  };
  const lines = slip.lines.map((l) => {
    if (l.kind === 'cut') return '--- cut ---';
    if (l.kind === 'qr') {
      const s = `[QR: ${l.data}]`;
      return pad(l.align, s.length) + s;
    }
    const text = l.runs.map((r) => r.text).join('');
    return (pad(l.align, lineColumns(l.runs)) + text).replace(/\s+$/, '');
  });
  return `${lines.join('\n')}\n`;
}
