import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KioskConfigSchema } from '../core/config/schema';
import { silentLogger } from '../core/ports';
import { bootKiosk, DEMO_REFUSED, DemoRefusedError, demoDecision } from './boot';

describe('demo mode only where the entry point brought the demo backends', () => {
  it('decides off / on / refused', () => {
    const starter = async () => {
      throw new Error('not started in this test');
    };
    expect(demoDecision(false, undefined)).toBe('off');
    expect(demoDecision(false, starter)).toBe('off');
    expect(demoDecision(true, starter)).toBe('on');
    expect(demoDecision(true, undefined)).toBe('refused');
  });

  it('a production boot refuses a demo config and --demo before starting anything', async () => {
    const base = { demoSlipsDir: '/nonexistent', userDataDir: '/nonexistent', log: silentLogger };
    await expect(bootKiosk({ ...base, config: KioskConfigSchema.parse({ demo: true }), demoFlag: false })).rejects.toBeInstanceOf(DemoRefusedError);
    await expect(
      bootKiosk({ ...base, config: KioskConfigSchema.parse({ api: { baseUrl: 'https://mis.example.ru/api' } }), demoFlag: true }),
    ).rejects.toThrow(DEMO_REFUSED);
  });

  it('the production host entry point prints one refusal line for --demo and exits', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--demo'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([DEMO_REFUSED]);
    expect(r.stdout).toBe('');
  });
});
