// `npm run mis:check -- --base-url URL [--kind softrust|n3] [--policy P --birth-date D]
//   [--referral N --surname S] [--client-application GUID] [--n3-guid G --n3-lpu ID] [--book]`
// Conformance probe for integrators: see scripts/mis-check/probe.ts and the README section
// «Before you connect a kiosk to your MIS». Exit 0 only when every endpoint the flow needs
// answers and parses.
import { parseArgs } from 'node:util';
import { formatTable, runProbe, type ProbeOptions } from './mis-check/probe';
import { MIS_KINDS, isMisKind } from '../electron/common/mis-kinds';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      kind: { type: 'string', default: 'softrust' },
      policy: { type: 'string' },
      'birth-date': { type: 'string' },
      referral: { type: 'string' },
      surname: { type: 'string' },
      'client-application': { type: 'string' },
      'n3-guid': { type: 'string' },
      'n3-lpu': { type: 'string' },
      'timeout-ms': { type: 'string' },
      book: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const baseUrl = values['base-url'];
  if (!baseUrl || !URL.canParse(baseUrl)) {
    console.error(`usage: npm run mis:check -- --base-url https://mis.example.ru/api [--kind ${MIS_KINDS.join('|')}] [--policy P --birth-date YYYY-MM-DD] [--book]`);
    return 2;
  }
  if (!isMisKind(values.kind)) {
    console.error(`--kind: ${MIS_KINDS.join(' or ')}, not ${values.kind}`);
    return 2;
  }
  const opts: ProbeOptions = {
    baseUrl,
    kind: values.kind,
    policy: values.policy,
    birthDate: values['birth-date'],
    referral: values.referral,
    surname: values.surname,
    book: values.book ?? false,
    clientApplication: values['client-application'],
    n3: values['n3-guid'] && values['n3-lpu'] ? { guid: values['n3-guid'], idLpu: Number(values['n3-lpu']) } : undefined,
    timeoutMs: values['timeout-ms'] ? Number(values['timeout-ms']) : undefined,
  };
  if (opts.book) {
    console.log('ВНИМАНИЕ: --book ИЗМЕНЯЕТ ДАННЫЕ МИС — создаёт записи пациента (по направлению и без него, с переносом) и затем отменяет их.');
    console.log('WARNING: --book CHANGES DATA in the MIS: it books real cells (by referral, and without one, moved once) and then cancels them.\n');
  }
  const report = await runProbe(opts);
  console.log(formatTable(report.rows));
  const failed = report.rows.filter((r) => r.verdict === 'FAIL').map((r) => r.step);
  console.log('');
  if (report.changedData) console.log('Data changed: test bookings were made' + (report.leftBooked ? ' and NOT all cancelled — cancel them at the registry.' : ' and cancelled.'));
  console.log(report.exitCode === 0 ? 'RESULT: OK — every endpoint the kiosk flow needs answers and parses.' : `RESULT: NOT READY — failed: ${failed.join(', ') || 'a needed endpoint was not checked'}.`);
  return report.exitCode;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
