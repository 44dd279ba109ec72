// `npx tsx electron/printing/virtual/render-samples.ts [outDir] [--docs dir]`: prints the sample
// slips through the whole path (layout → ESC/POS → TCP → virtual printer) at both roll widths,
// so a person can look at the PNGs after any change to the layout or the encoder. Each sample
// is also copied as `<outDir>/<name>.png` (and with `--docs`, as `<dir>/slip-<name>.png` with
// its decoded text), so the images in docs/slips are made by this script, not by hand.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrinterConfigSchema } from '../../core/config/schema';
import type { SlipData } from '../../core/ports';
import { createSlipPrinter, renderSlipHtml } from '../index';
import { longTicket, sampleAppointmentsSlip, sampleSlip, sampleTicket, sampleWaitingListSlip } from '../sample-slips';
import { startVirtualPrinter } from './server';

/** The kiosk's building is the sample ticket's clinic; the long ticket is «in another building». */
const HOME = sampleTicket.clinic.guid;
const ELSEWHERE = { ticket: { ...longTicket, clinic: { ...longTicket.clinic, guid: '00000000-0000-4000-8000-0000000000aa' } }, homeClinicGuid: HOME };

/** Named samples: normal and large print × the kiosk's own building and another one. */
function samples(): Array<[string, SlipData]> {
  return [
    ['normal-same-building', sampleSlip({ homeClinicGuid: HOME })],
    ['large-same-building', sampleSlip({ homeClinicGuid: HOME, largePrint: true })],
    ['normal-other-building', sampleSlip({ ...ELSEWHERE, reprint: true })],
    ['large-other-building', sampleSlip({ ...ELSEWHERE, largePrint: true })],
    ['all-appointments', sampleAppointmentsSlip()],
    ['large-all-appointments', sampleAppointmentsSlip({ largePrint: true })],
    ['waiting-list', sampleWaitingListSlip()],
  ];
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--docs');
  const outDir = path.resolve(positional[0] ?? 'artifacts/slips');
  const docsDir = argValue('--docs');
  if (docsDir) await mkdir(docsDir, { recursive: true });
  for (const [widthMm, profile] of [[80, 'epson-tm-t20'], [58, 'generic-58']] as const) {
    const printer = await startVirtualPrinter({ outDir: path.join(outDir, `${widthMm}mm`), widthMm, quiet: true });
    const journalDir = await mkdtemp(path.join(os.tmpdir(), 'slip-samples-'));
    const config = PrinterConfigSchema.parse({ profile, transport: { type: 'tcp', host: printer.host, port: printer.port } });
    const slips = createSlipPrinter(config, { journalDir });
    for (const [name, slip] of samples()) {
      // Its own journal key: the same ticket in another size is not a copy of the first.
      const outcome = await slips.printSlip({ ...slip, printKey: name });
      if (outcome.state !== 'printed') throw new Error(`sample print failed: ${outcome.fault}`);
      const job = await printer.waitForJob();
      const named = `${widthMm}mm-${name}`;
      if (job.pngPath) await copyFile(job.pngPath, path.join(outDir, `${named}.png`));
      if (docsDir && job.pngPath) {
        await copyFile(job.pngPath, path.join(docsDir, `slip-${named}.png`));
        await writeFile(path.join(docsDir, `slip-${named}.txt`), job.text);
      }
      console.log(`${named}: ${job.pngPath} (${job.bytes} bytes)`);
    }
    // The OS-printer fallback's page, to compare with the thermal slip.
    const htmlPath = path.join(outDir, `${widthMm}mm`, 'os-printer-sample.html');
    await writeFile(htmlPath, renderSlipHtml(sampleSlip({ ticket: longTicket }), widthMm));
    console.log(`${widthMm} mm: ${htmlPath}`);
    await printer.close();
    slips.close();
    await rm(journalDir, { recursive: true, force: true });
  }
}

// No top-level await: the repo's .ts files run as CommonJS under tsx.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
