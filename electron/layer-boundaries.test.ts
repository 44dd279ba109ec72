// The layer rules in eslint.config.mjs, proven: each guarded direction fails `npm run lint`
// with a bad import, and the imports each layer is meant to use still pass.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function boundaryErrors(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as m from '${specifier}';\nexport const x = m;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries fail the lint', () => {
  it.each([
    ['core → electron', 'electron/core/booking/probe.ts', 'electron'],
    ['core → simulator', 'electron/core/booking/probe.ts', '../../../simulator/server'],
    ['core → printing', 'electron/core/booking/probe.ts', '../../printing'],
    ['core → printing internals', 'electron/core/booking/probe.ts', '../../printing/print-journal'],
    ['core → composition root', 'electron/core/probe.ts', '../compose/kiosk-core'],
    ['common → core', 'electron/common/probe.ts', '../core/ports'],
    ['common → Node', 'electron/common/probe.ts', 'node:fs'],
    ['printing → renderer', 'electron/printing/probe.ts', '../../renderer/src/bridge'],
    ['printing → simulator', 'electron/printing/probe.ts', '../../simulator/server'],
    ['printing → virtual printer', 'electron/printing/probe.ts', './virtual/server'],
    ['compose → simulator', 'electron/compose/probe.ts', '../../simulator/server'],
    ['compose → virtual printer', 'electron/compose/probe.ts', '../printing/virtual/server'],
    ['host → demo backends', 'electron/host/probe.ts', '../demo/demo-backends'],
    ['host → simulator', 'electron/host/probe.ts', '../../simulator/server'],
    ['main → demo backends', 'electron/main/probe.ts', '../demo/demo-backends'],
    ['main → simulator', 'electron/main/probe.ts', '../../simulator/fault-proxy'],
    ['preload → core', 'electron/preload/probe.ts', '../core/ports'],
    ['preload → contract at run time', 'electron/preload/probe.ts', '../common/bridge-contract'],
    ['renderer → core', 'renderer/src/probe.ts', '../../electron/core/api/mis-client'],
    ['renderer → printing', 'renderer/src/probe.ts', '../../electron/printing/slip-layout'],
    ['renderer → electron', 'renderer/src/probe.ts', 'electron'],
    ['simulator → kiosk code', 'simulator/probe.ts', '../electron/core/ports'],
  ])('%s', async (_name, file, specifier) => {
    expect(await boundaryErrors(file, specifier)).not.toEqual([]);
  });
});

describe('the imports each layer is meant to use pass', () => {
  it.each([
    ['core → common', 'electron/core/booking/probe.ts', '../../common/texts'],
    ['printing → core ports', 'electron/printing/probe.ts', '../core/ports'],
    ['compose → core and printing', 'electron/compose/probe.ts', '../printing'],
    ['host → compose', 'electron/host/probe.ts', '../compose/boot'],
    ['main → compose', 'electron/main/probe.ts', '../compose/boot'],
    ['host → the serving surface', 'electron/host/probe.ts', '../core/serving'],
    ['main → the serving surface', 'electron/main/probe.ts', '../core/serving'],
    ['demo → simulator', 'electron/demo/probe.ts', '../../simulator/server'],
    ['preload → method list', 'electron/preload/probe.ts', '../common/channels'],
    ['renderer → contract', 'renderer/src/probe.ts', '../../electron/common/bridge-contract'],
    ['a test may assemble layers', 'electron/core/booking/probe.test.ts', '../../../simulator/server'],
  ])('%s', async (_name, file, specifier) => {
    expect(await boundaryErrors(file, specifier)).toEqual([]);
  });
});
