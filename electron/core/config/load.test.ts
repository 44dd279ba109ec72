import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfigPath, loadKioskConfig, parseKioskConfigText } from './load';

// Every temp folder of this file lives under one, removed after its tests.
const testRoot = mkdtempSync(path.join(tmpdir(), 'infomat-config-test-'));
afterAll(() => rmSync(testRoot, { recursive: true, force: true }));

const problemsOf = (text: string) => {
  const r = parseKioskConfigText(text, 'config.json');
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('defaultConfigPath', () => {
  it('is machine-wide per platform', () => {
    expect(defaultConfigPath('win32', { ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\Infomat\\config.json');
    expect(defaultConfigPath('linux', {})).toBe('/etc/infomat/config.json');
    expect(defaultConfigPath('darwin', {})).toBe('/Library/Application Support/Infomat/config.json');
  });
  it('INFOMAT_CONFIG overrides it', () => {
    expect(defaultConfigPath('linux', { INFOMAT_CONFIG: '/tmp/x.json' })).toBe('/tmp/x.json');
    expect(defaultConfigPath('win32', { INFOMAT_CONFIG: 'D:\\k.json', ProgramData: 'C:\\ProgramData' })).toBe('D:\\k.json');
  });
});

describe('loadKioskConfig', () => {
  const dir = mkdtempSync(path.join(testRoot, 'cfg-'));

  it('missing file → demo mode with a warning (default)', () => {
    const r = loadKioskConfig({ path: path.join(dir, 'none.json') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source).toBe('missing');
    expect(r.config.demo).toBe(true);
    expect(r.warnings[0]).toMatch(/не найден.*демонстрационный/);
  });

  it('missing file → a problem when onMissing is "problem" (packaged builds)', () => {
    const r = loadKioskConfig({ path: path.join(dir, 'none.json'), onMissing: 'problem' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toContain('none.json');
  });

  it('reads the file named by INFOMAT_CONFIG and applies defaults', () => {
    const f = path.join(dir, 'ok.json');
    writeFileSync(f, '\uFEFF' + JSON.stringify({ kioskId: 'K-7', api: { baseUrl: 'https://mis.example.ru/api' } }));
    const r = loadKioskConfig({ env: { INFOMAT_CONFIG: f } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.path).toBe(f);
    expect(r.config.kioskId).toBe('K-7');
    expect(r.config.printer.transport).toMatchObject({ type: 'tcp', port: 9100 });
    expect(r.warnings).toEqual([]);
  });
});

describe('problems a technician can act on', () => {
  it('invalid JSON names the line', () => {
    const p = problemsOf('{\n  "kioskId": "A",\n  "demo": true,\n}');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/не JSON.*строке 4/);
  });

  it('port as a string: path, Russian expectation and the field description', () => {
    const p = problemsOf(JSON.stringify({ demo: true, printer: { transport: { type: 'tcp', host: 'p1', port: '9100' } } }));
    expect(p).toEqual([
      'printer.transport.port: ожидается целое число от 1 до 65535 без кавычек (TCP-порт принтера, обычно 9100)',
    ]);
  });

  it('out-of-range number', () => {
    const p = problemsOf(JSON.stringify({ demo: true, printer: { transport: { type: 'tcp', host: 'p1', port: 70000 } } }));
    expect(p[0]).toBe('printer.transport.port: ожидается целое число от 1 до 65535 (TCP-порт принтера, обычно 9100)');
  });

  it('unknown transport type, unknown top-level key, wrong enum, bad GUID, schema messages kept', () => {
    const p = problemsOf(
      JSON.stringify({
        printr: {},
        screen: { orientation: 'up' },
        clinics: ['nope'],
        printer: { transport: { type: 'usb' } },
      }),
    );
    const all = p.join('\n');
    expect(all).toContain('лишний параметр «printr»');
    expect(all).toContain('screen.orientation: ожидается одно из: "auto", "portrait", "landscape" (Ориентация экрана)');
    expect(all).toContain('clinics[0]: ожидается GUID');
    expect(all).toContain('printer.transport.type: ожидается одно из: "tcp", "device", "os"');
    expect(all).not.toMatch(/Invalid|expected|received/);
  });

  it('refinements written in the schema come through as they are', () => {
    expect(problemsOf('{}')).toEqual(['api.baseUrl: не указан адрес МИС (или включите demo) (Адрес API МИС, например https://mis.example.ru/api (в демо-режиме не нужен))']);
  });

  it('a missing required field says so', () => {
    const p = problemsOf(JSON.stringify({ demo: true, printer: { transport: { type: 'tcp' } } }));
    expect(p[0]).toBe('printer.transport.host: параметр обязателен, ожидается непустая строка (IP-адрес или имя принтера в сети)');
  });

  it('unknown keys inside sections are warnings, not failures', () => {
    const r = parseKioskConfigText(JSON.stringify({ demo: true, printer: { transport: { type: 'tcp', host: 'h', prot: 9101 } } }), 'c.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual(['printer.transport.prot: неизвестный параметр, он не учитывается (проверьте написание)']);
  });

  it('a non-object file', () => {
    expect(problemsOf('[1,2]')[0]).toMatch(/объект JSON/);
  });
});
