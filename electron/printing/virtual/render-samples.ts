// `npx tsx electron/printing/virtual/render-samples.ts [outDir]`: prints the sample slips
// through the whole path (layout → ESC/POS → TCP → virtual printer) at both roll widths, so
// a person can look at the PNGs after any change to the layout or the encoder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrinterConfigSchema } from '../../core/config/schema';
import { createSlipPrinter, renderSlipHtml } from '../index';
import { longTicket, sampleAppointmentsSlip, sampleSlip, sampleWaitingListSlip } from '../sample-slips';
import { startVirtualPrinter } from './server';

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? 'artifacts/slips');
  for (const [widthMm, profile] of [[80, 'epson-tm-t20'], [58, 'generic-58']] as const) {
    const printer = await startVirtualPrinter({ outDir: path.join(outDir, `${widthMm}mm`), widthMm, quiet: true });
    const journalDir = await mkdtemp(path.join(os.tmpdir(), 'slip-samples-'));
    const config = PrinterConfigSchema.parse({ profile, transport: { type: 'tcp', host: printer.host, port: printer.port } });
    const slips = createSlipPrinter(config, { journalDir });
    for (const slip of [sampleSlip(), sampleSlip({ ticket: longTicket, reprint: true, homeClinicGuid: '00000000-0000-4000-8000-0000000000aa' }), sampleAppointmentsSlip(), sampleWaitingListSlip()]) {
      const outcome = await slips.printSlip(slip);
      if (outcome.state !== 'printed') throw new Error(`sample print failed: ${outcome.fault}`);
      const job = await printer.waitForJob();
      console.log(`${widthMm} mm: ${job.pngPath} (${job.bytes} bytes)`);
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
