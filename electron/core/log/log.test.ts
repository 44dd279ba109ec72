import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileLogger } from './file-logger';
import { redact, redactString } from './redact';

const POLICY = '7700123456781234';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjb2QifQ.c2lnbmF0dXJlLXNlY3JldA';
const OPAQUE = 'c0d-t0ken-9f8e7d6c5b4a';
// Every folder of this file lives under one temp folder, removed at the end.
const root = mkdtempSync(path.join(tmpdir(), 'infomat-log-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('redact', () => {
  it('masks policy numbers anywhere, in any form', () => {
    expect(redactString(`policy ${POLICY} ok`)).toBe('policy ••••1234 ok');
    expect(redactString('7700 1234 5678 1234')).toBe('••••1234');
    expect(redact({ n: 7700123456781234 })).toEqual({ n: '••••1234' });
    expect(redactString('12345678901234567')).toBe('12345678901234567'); // 17 digits: not a policy
  });
  it('drops secrets by key at any depth and by shape in text', () => {
    const out = JSON.stringify(
      redact({
        codToken: OPAQUE,
        headers: { Authorization: `Bearer ${OPAQUE}`, accept: 'json' },
        nested: [{ access_token: OPAQUE, password: 'p', birthDate: '1980-01-01', ok: 1 }],
        msg: `GET /x?token=${OPAQUE}&a=1 with Bearer ${OPAQUE} jwt ${TOKEN}`,
        err: Object.assign(new Error(`failed for ${POLICY} token: ${OPAQUE}`), { code: 'E1' }),
      }),
    );
    expect(out).not.toContain(OPAQUE);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(POLICY);
    expect(out).not.toContain('1980-01-01');
    expect(out).toContain('"accept":"json"');
    expect(out).toContain('"ok":1');
    expect(out).toContain('"code":"E1"');
  });
  it('never touches GUIDs (clinic, ticket) while still masking a policy next to them', () => {
    const clinic = '3c1e7b2a-0000-4000-8000-000000000002';
    const ticket = '5b0c8f0e-0000-4000-8000-000000000101';
    const upper = 'A1F0C6D2-0000-4000-8000-0000000000D1';
    const line = `lpu ${clinic} ticket=${ticket} res ${upper} policy ${POLICY}/${clinic}`;
    expect(redactString(line)).toBe(`lpu ${clinic} ticket=${ticket} res ${upper} policy ••••1234/${clinic}`);
    expect(redact({ lpuGuid: clinic, ticketGuid: ticket, url: `/api/v2/directions/${ticket}/schedule?lpu=${clinic}` })).toEqual({
      lpuGuid: clinic,
      ticketGuid: ticket,
      url: `/api/v2/directions/${ticket}/schedule?lpu=${clinic}`,
    });
    expect(redactString('7700-1234-5678-1234')).toBe('••••1234'); // a dashed policy is still a policy
  });
  it('hides what the MIS\'s free text may say about a person: a full name, a SNILS, a phone, a written date', () => {
    const fault = 'CheckPatient: SOAP fault a:X: Пациент Сидоров Алексей Николаевич, 12.03.1956 г.р., СНИЛС 123-456-789 01, тел. +7 (912) 345-67-89, не найден; СНИЛС 12345678901';
    const out = redactString(fault);
    for (const personal of ['Алексей', 'Николаевич', '12.03.1956', '123-456-789 01', '345-67-89', '12345678901']) expect(out).not.toContain(personal);
    expect(out).toContain('CheckPatient: SOAP fault');
    // The kiosk's own ISO dates and times stay: they are what a technician reads a log by.
    expect(redactString('booking 2026-11-30 09:15 at 5b0c8f0e-0000-4000-8000-000000000101')).toBe('booking 2026-11-30 09:15 at 5b0c8f0e-0000-4000-8000-000000000101');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(redact(a)).toEqual({ x: 1, self: '[cycle]' });
  });
});

describe('createFileLogger', () => {
  it('a token or policy passed in any field never reaches the files', () => {
    const dir = mkdtempSync(path.join(root, 'log-'));
    const log = createFileLogger({ dir, kioskId: 'K1' });
    log.info(`identify ${POLICY}`, { policy: POLICY, token: OPAQUE, authorization: `Bearer ${OPAQUE}` });
    log.warn('api.error', { url: `https://mis/x?codToken=${OPAQUE}`, body: { codToken: OPAQUE, text: TOKEN } });
    log.error('bridge.internal', { error: new Error(`boom ${POLICY} Bearer ${OPAQUE}`) });
    log.audit('booking.created', { ticket: '037.91', policy: POLICY, Cookie: OPAQUE });
    log.close();
    const main = readFileSync(log.files.log, 'utf8');
    const audit = readFileSync(log.files.audit, 'utf8');
    for (const text of [main, audit]) {
      expect(text).not.toContain(OPAQUE);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(POLICY);
    }
    const lines = main.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.level)).toEqual(['info', 'warn', 'error']);
    expect(lines[0]).toMatchObject({ event: 'identify ••••1234', policy: '••••1234', kioskId: 'K1' });
    const a = JSON.parse(audit.trim()) as Record<string, unknown>;
    expect(a).toMatchObject({ level: 'audit', event: 'booking.created', ticket: '037.91', policy: '••••1234' });
  });

  it('rotates by size and keeps N files', () => {
    const dir = mkdtempSync(path.join(root, 'rot-'));
    const log = createFileLogger({ dir, maxBytes: 1000, keep: 2, auditKeep: 1 });
    for (let i = 0; i < 100; i++) log.info('tick', { i, pad: 'x'.repeat(60) });
    for (let i = 0; i < 40; i++) log.audit('print', { i, pad: 'y'.repeat(60) });
    log.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['audit.log', 'audit.log.1', 'infomat.log', 'infomat.log.1', 'infomat.log.2']);
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1000);
      for (const l of text.trim().split('\n')) JSON.parse(l); // whole lines only
    }
    const last = readFileSync(path.join(dir, 'infomat.log'), 'utf8').trim().split('\n').pop() as string;
    expect(JSON.parse(last)).toMatchObject({ i: 99 });
  });

  it('appends to an existing file after a restart and counts its size', () => {
    const dir = mkdtempSync(path.join(root, 're-'));
    const a = createFileLogger({ dir, maxBytes: 500, keep: 1 });
    for (let i = 0; i < 4; i++) a.info('a', { pad: 'z'.repeat(60) });
    a.close();
    const b = createFileLogger({ dir, maxBytes: 500, keep: 1 });
    for (let i = 0; i < 4; i++) b.info('b', { pad: 'z'.repeat(60) });
    b.close();
    expect(readdirSync(dir).sort()).toEqual(['infomat.log', 'infomat.log.1']); // audit.log is created on first use
  });

  it('keeps its files private: folder 0700, files 0600', () => {
    const dir = path.join(root, 'private', 'logs');
    const log = createFileLogger({ dir });
    log.info('x');
    log.audit('y');
    log.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(log.files.log).mode & 0o777).toBe(0o600);
    expect(statSync(log.files.audit).mode & 0o777).toBe(0o600);
  });

  it('refuses a log folder others can write to', () => {
    const dir = mkdtempSync(path.join(root, 'shared-'));
    chmodSync(dir, 0o777);
    expect(() => createFileLogger({ dir })).toThrow(/могут писать другие пользователи/);
  });

  it('deletes log files older than the retention period, at start and daily', () => {
    const dir = mkdtempSync(path.join(root, 'age-'));
    mkdirSync(dir, { recursive: true });
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (const f of ['infomat.log', 'infomat.log.1', 'audit.log.3', 'notes.txt']) {
      writeFileSync(path.join(dir, f), '{}\n');
      utimesSync(path.join(dir, f), old, old);
    }
    writeFileSync(path.join(dir, 'infomat.log.2'), '{}\n'); // recent
    const log = createFileLogger({ dir, retentionDays: 30 });
    expect(readdirSync(dir).sort()).toEqual(['infomat.log.2', 'notes.txt']);
    log.info('after');
    log.close();
    expect(readFileSync(path.join(dir, 'infomat.log'), 'utf8')).toContain('"after"');
  });
});
