import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generate } from 'selfsigned';
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

describe('MIS transport settings', () => {
  it('http:// for a real MIS is a problem that names the way out', () => {
    const p = problemsOf(JSON.stringify({ api: { baseUrl: 'http://mis.example.ru/api' } }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^api\.baseUrl: адрес МИС должен начинаться с https:\/\/.*api\.allowInsecureHttp/);
  });

  it('http:// is accepted with api.allowInsecureHttp or in demo mode', () => {
    expect(parseKioskConfigText(JSON.stringify({ api: { baseUrl: 'http://mis.example.ru/api', allowInsecureHttp: true } }), 'c.json').ok).toBe(true);
    expect(parseKioskConfigText(JSON.stringify({ demo: true, api: { baseUrl: 'http://127.0.0.1:8787/' } }), 'c.json').ok).toBe(true);
  });

  it('other schemes are refused', () => {
    expect(problemsOf(JSON.stringify({ api: { baseUrl: 'ftp://mis.example.ru/' } }))[0]).toMatch(/^api\.baseUrl: адрес МИС должен начинаться с https:\/\//);
  });

  it('maxResponseBytes defaults to 2 MiB', () => {
    const r = parseKioskConfigText(JSON.stringify({ demo: true }), 'c.json');
    expect(r.ok && r.config.api.maxResponseBytes).toBe(2 * 1024 * 1024);
  });

  describe('api.caFile', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'infomat-ca-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const load = (caFile: string) => {
      const f = path.join(dir, 'config.json');
      writeFileSync(f, JSON.stringify({ api: { baseUrl: 'https://mis.example.ru/api', caFile } }));
      return loadKioskConfig({ path: f });
    };
    const problem = (caFile: string) => {
      const r = load(caFile);
      if (r.ok) throw new Error('expected a problem');
      expect(r.problems).toHaveLength(1);
      return r.problems[0]!;
    };

    it('a relative path is taken from the config folder and stored resolved', async () => {
      const { cert } = await generate([{ name: 'commonName', value: 'Clinic CA' }], { keySize: 2048, algorithm: 'sha256' });
      writeFileSync(path.join(dir, 'mis-ca.pem'), cert);
      const r = load('mis-ca.pem');
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.config.api.caFile).toBe(path.join(dir, 'mis-ca.pem'));
    });

    it('missing file', () => {
      expect(problem('nope.pem')).toBe(`api.caFile: сертификат УЦ МИС ${path.join(dir, 'nope.pem')}: файл не найден`);
    });

    it('a folder instead of a file', () => {
      expect(problem('.')).toMatch(/^api\.caFile: .*это папка, а не файл$/);
    });

    it('not PEM (a DER file or anything else)', () => {
      writeFileSync(path.join(dir, 'ca.der'), Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x82]));
      expect(problem('ca.der')).toMatch(/^api\.caFile: в файле .*ca\.der нет сертификатов в формате PEM/);
    });

    it('a PEM block that is not a certificate', () => {
      writeFileSync(path.join(dir, 'bad.pem'), '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n');
      expect(problem('bad.pem')).toMatch(/^api\.caFile: в файле .*bad\.pem сертификат №1 повреждён/);
    });
  });
});
