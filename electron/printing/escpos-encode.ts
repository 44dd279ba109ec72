// Layout model → ESC/POS bytes through @point-of-sale/receipt-printer-encoder. The library
// does the byte work (code page tables, GS ( k, padding for alignment); we only pin what it
// would otherwise guess: the code page and its `ESC t` number come from the resolved profile,
// never from `auto`, which may switch pages mid-line on printers with a different table.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { SlipData } from '../core/ports';
import type { ResolvedProfile, SlipCodepage } from './profiles';
import { buildSlipLayout, type SlipLayout } from './slip-layout';

const LIBRARY_CODEPAGE: Record<SlipCodepage, 'cp866' | 'windows1251'> = {
  cp866: 'cp866',
  wpc1251: 'windows1251',
};

export function encodeLayout(layout: SlipLayout, profile: ResolvedProfile): Uint8Array {
  const libPage = LIBRARY_CODEPAGE[profile.codepage];
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: layout.columns,
    // A one-entry mapping makes the library emit exactly our `ESC t n` and refuse any other page.
    codepageMapping: { [libPage]: profile.codepageNumber },
    // LF alone: CR is a no-op at best on ESC/POS printers and an extra blank line at worst.
    newline: '\n',
    feedBeforeCut: profile.feedBeforeCut,
  });
  encoder.initialize().codepage(libPage);

  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'rule':
        encoder.align('left').line('-'.repeat(layout.columns));
        break;
      case 'qr':
        encoder.align('center').qrcode(block.data, { model: 2, size: profile.qrModule, errorlevel: 'm' }).align('left');
        break;
      case 'text':
        encoder.align(block.align).bold(block.bold).size(block.size, block.size).line(block.text);
        if (block.size !== 1) encoder.size(1, 1);
        if (block.bold) encoder.bold(false);
        break;
    }
  }
  encoder.cut('partial');
  const bytes = encoder.encode();
  // The library ends with a newline after `GS V`; on the next slip that is a blank line above
  // the clinic's name, so the cut stays the last command.
  const n = bytes.length;
  if (n >= 4 && bytes[n - 1] === 0x0a && bytes[n - 4] === 0x1d && bytes[n - 3] === 0x56) return bytes.subarray(0, n - 1);
  return bytes;
}

export function encodeSlip(slip: SlipData, profile: ResolvedProfile): Uint8Array {
  return encodeLayout(buildSlipLayout(slip, profile.columns, profile.codepage), profile);
}
