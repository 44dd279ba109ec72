// What goes on the slip and where, independent of how it is printed. The ESC/POS encoder,
// the HTML slip and the tests all read this model, so a line that fits here fits on paper.
// Lines are wrapped here (not by the printer or the encoder) because only here do we know the
// words: a name must never be cut in the middle on a slip an elderly patient has to read.
import { hoursOnDayText } from '../common/clinic-hours';
import { clinicTime, clinicYmd, clinicDateTimeNumeric, dayLong, dayNumeric } from '../common/clinic-time';
import type { Translate } from '../common/i18n/catalog';
import { localeTag, t as translatorFor } from '../common/i18n/locales';
import { placeText } from '../common/place';
import { typograph } from '../common/typograph';
import type { SlipData } from '../core/ports';
import { summaryBlocks } from './summary-layout';

export type Align = 'left' | 'center' | 'right';
/** 1 = normal, 2 = double width and height (`GS ! 0x11`). */
export type TextSize = 1 | 2;

export interface TextLine {
  kind: 'text';
  /** One printed line, already wrapped: at most columns / size characters. */
  text: string;
  align: Align;
  bold: boolean;
  size: TextSize;
}
export interface QrBlock {
  kind: 'qr';
  data: string;
}
export interface RuleLine {
  kind: 'rule';
}
export type SlipBlock = TextLine | QrBlock | RuleLine;

export interface SlipLayout {
  columns: number;
  blocks: SlipBlock[];
}

// CP866 has no «» and no dashes; WPC1251 has «», the en and em dash and the no-break space
// (checked against the encoder: 0xAB, 0xBB, 0x96, 0x97, 0xA0). What the slip's code page cannot
// print is replaced here, before wrapping, one character for one, so line widths stay true.
// The HTML slip (a browser) prints everything.
export type SlipCharset = 'cp866' | 'wpc1251' | 'unicode';

const SUBSTITUTES: Record<string, string> = {
  '«': '"', '»': '"', '„': '"', '“': '"', '”': '"', '‟': '"',
  '‘': "'", '’': "'", '‚': "'", '`': "'",
  '–': '-', '—': '-', '‒': '-', '―': '-', '‑': '-', '−': '-',
  '…': '...',
};

const NBSP = '\u00a0';

/**
 * Text as the printer can show it. A no-break space survives (it glues «тел. 8-496-…» and a
 * dash to its word for the wrapper) and becomes a plain space in `wrapWords`' output.
 */
export function toSlipText(value: string, charset: SlipCharset = 'cp866'): string {
  const unsafe = charset === 'cp866' ? /[«»„“”‟‘’‚`–—‒―‑−…]/g : charset === 'wpc1251' ? /[„“”‟‚`‒―‑−]/g : /[‑]/g;
  return typograph(value)
    .replace(unsafe, (c) => (charset === 'wpc1251' && '„“”‟'.includes(c) ? '"' : (SUBSTITUTES[c] ?? c)))
    .replace(/[\s\u2000-\u200b\u202f\u205f\u3000]+/g, (ws) => (ws.includes(NBSP) && !/[\t\n ]/.test(ws) ? NBSP : ' '))
    // Control bytes in MIS text would be printer commands on the wire.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    // A dash that stood between words stays at the end of the line, never starts the next one.
    .replace(/ - /g, `${NBSP}- `)
    .trim();
}

/**
 * A unit longer than a whole line: break after its own hyphens and no-break spaces first,
 * hyphenate by force only what is still too long.
 */
function breakLongWord(word: string, width: number): string[] {
  const segments = word.split(/(?<=[-\u00a0–—])/);
  const out: string[] = [];
  let cur = '';
  for (const seg of segments) {
    if (cur && cur.length + seg.length <= width) {
      cur += seg;
      continue;
    }
    if (cur) out.push(cur);
    cur = seg;
    while (cur.length > width) {
      const cut = Math.max(1, width - 1);
      out.push(`${cur.slice(0, cut)}-`);
      cur = cur.slice(cut);
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Greedy word wrap. Words are never split unless a single word is longer than `width`. */
export function wrapWords(text: string, width: number, charset: SlipCharset = 'cp866'): string[] {
  if (width < 1) throw new RangeError(`width must be positive: ${width}`);
  const lines: string[] = [];
  let cur = '';
  for (const word of toSlipText(text, charset).split(' ')) {
    if (!word) continue;
    if (word.length > width) {
      if (cur) lines.push(cur);
      const pieces = breakLongWord(word, width);
      lines.push(...pieces.slice(0, -1));
      cur = pieces[pieces.length - 1] ?? '';
    } else if (!cur) {
      cur = word;
    } else if (cur.length + 1 + word.length <= width) {
      cur += ` ${word}`;
    } else {
      lines.push(cur);
      cur = word;
    }
  }
  if (cur) lines.push(cur);
  return lines.map((l) => l.replaceAll(NBSP, ' ').trimEnd());
}

export class LayoutBuilder {
  readonly blocks: SlipBlock[] = [];
  constructor(
    readonly columns: number,
    readonly charset: SlipCharset,
  ) {}

  para(text: string, opts: { align?: Align; bold?: boolean; size?: TextSize } = {}): this {
    const size = opts.size ?? 1;
    for (const line of wrapWords(text, Math.floor(this.columns / size), this.charset)) {
      this.blocks.push({ kind: 'text', text: line, align: opts.align ?? 'left', bold: opts.bold ?? false, size });
    }
    return this;
  }
  rule(): this {
    this.blocks.push({ kind: 'rule' });
    return this;
  }
  blank(): this {
    this.blocks.push({ kind: 'text', text: '', align: 'left', bold: false, size: 1 });
    return this;
  }
  qr(data: string): this {
    // A blank line above gives the symbol its quiet zone; the encoder feeds one after it.
    this.blank();
    this.blocks.push({ kind: 'qr', data });
    return this;
  }
}

/** How to cancel: on the kiosk («Мои записи») or by the clinic's phone, else at the registry. */
export function cancelText(phone: string, t: Translate): string {
  const p = phone.trim();
  return p ? t('slip.cancelByPhone', { phone: p.replace(/ /g, NBSP) }) : t('slip.cancelAtRegistry');
}

/**
 * The slip's content. Deliberately without the policy number, and without the patient's name:
 * slips get lost in the lobby, and the MIS answers the kiosk reads (the COD token, the booking,
 * the visit list) carry no patient name to print initials from, so none are invented.
 * Room and time, what the patient looks for, are double size. The slip's own words are in the
 * session's language (`slip.locale`); the MIS's data (clinic, doctor, room) as the MIS wrote it.
 */
export function buildSlipLayout(slip: SlipData, columns: number, charset: SlipCharset = 'cp866'): SlipLayout {
  const tz = slip.timeZone;
  const tr = translatorFor(slip.locale);
  const tag = localeTag(slip.locale);
  const b = new LayoutBuilder(columns, charset);

  // A test slip says so at both ends: a torn half must not pass for a ticket either.
  const mark = (text: string) => b.para(columns >= text.length + 8 ? `*** ${text} ***` : text, { align: 'center', bold: true });
  if (slip.test) mark(tr('slip.test'));
  if (slip.reprint) mark(tr('slip.reprint'));
  if (!slip.ticket) {
    summaryBlocks(b, slip.summary, { timeZone: tz, t: tr, tag });
    b.rule();
    b.para(tr('slip.printedAt', { when: clinicDateTimeNumeric(slip.printedAt, tz) }));
    b.para(tr('slip.kiosk', { id: slip.kioskId }));
    return { columns, blocks: b.blocks };
  }
  const t = slip.ticket;
  const ymd = clinicYmd(t.beginTime, tz);
  const clinicName = t.clinic.name || t.clinic.fullName;
  // Another building than the kiosk's: its address is what the patient must not miss.
  const elsewhere = Boolean(slip.homeClinicGuid) && slip.homeClinicGuid!.toLowerCase() !== t.clinic.guid.toLowerCase();
  b.para(clinicName, { align: 'center', bold: true });
  b.para(tr('slip.title'), { align: 'center' });
  b.rule();
  // Read at a glance, in this order: the day in words, the time, where. The ticket number the
  // registry asks for comes after, smaller and labelled, so it is not taken for the room.
  const day = dayLong(ymd, tag);
  if (day !== '—') b.para(capitalizeFirst(day), { align: 'center', bold: true, size: 2 });
  b.para(dayNumeric(ymd), { align: 'center' });
  b.para(clinicTime(t.beginTime, tz), { align: 'center', bold: true, size: 2 });
  const room = placeText(t.room, t.floor, tr);
  if (room) b.para(room, { align: 'center', bold: true, size: 2 });
  b.rule();
  if (t.doctorName) b.para(t.resType === 'Doctor' ? tr('slip.doctor', { name: t.doctorName }) : t.doctorName, { bold: true });
  // The speciality and the position say the same thing more often than not: once.
  const role = t.doctorRole.trim();
  const spec = t.speciality.trim();
  const what = role && spec && !role.toLocaleLowerCase('ru-RU').includes(spec.toLocaleLowerCase('ru-RU').slice(0, 5)) ? `${role} (${spec})` : role || spec;
  if (what) b.para(what);
  if (t.number) b.para(tr('slip.number', { number: t.number }), { align: 'center', bold: true });
  if (elsewhere) {
    b.rule();
    b.para(tr('slip.otherBuilding'), { bold: true });
    b.para(clinicName, { bold: true });
    if (t.clinic.address) b.para(t.clinic.address, { bold: true });
    b.rule();
  } else if (t.clinic.address) {
    b.para(t.clinic.address);
  }
  b.para(tr('slip.comeEarly'), { bold: true });
  const hours = hoursOnDayText(t.clinic.hours, ymd, tr);
  if (hours) b.para(hours);
  b.rule();

  b.para(tr('slip.qr'), { align: 'center' });
  b.qr(t.ticketGuid);
  b.para(cancelText(t.clinic.phone, tr), { align: 'center' });
  b.rule();
  b.para(tr('slip.printedAt', { when: clinicDateTimeNumeric(slip.printedAt, tz) }));
  b.para(tr('slip.kiosk', { id: slip.kioskId }));
  if (slip.test) mark(tr('slip.test'));
  return { columns, blocks: b.blocks };
}

/** Plain-text rendering of a layout (logs, tests, the HTML fallback's alt text). */
export function layoutToText(layout: SlipLayout): string {
  const out: string[] = [];
  for (const block of layout.blocks) {
    if (block.kind === 'rule') out.push('-'.repeat(layout.columns));
    else if (block.kind === 'qr') out.push(`[QR: ${block.data}]`);
    else {
      const width = Math.floor(layout.columns / block.size);
      const pad = width - block.text.length;
      const left = block.align === 'center' ? Math.floor(pad / 2) : block.align === 'right' ? pad : 0;
      out.push(' '.repeat(left) + block.text);
    }
  }
  return out.join('\n');
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
