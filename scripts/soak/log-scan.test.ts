import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTokens, LogScanner } from './log-scan';

const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-logscan-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('the kiosk log scanner', () => {
  it('finds a token alone or inside a longer run, and nothing else', () => {
    const set = new Set([TOKEN]);
    expect(findTokens(`{"note":"Bearer ${TOKEN}"}`, set)).toBe(1);
    expect(findTokens(`xx${TOKEN}yy`, set)).toBe(1);
    expect(findTokens('{"ticketGuid":"5b0c8f0e-0000-4000-8000-000000000101"}', set)).toBe(0);
    expect(findTokens(TOKEN, new Set())).toBe(0);
  });

  it('reads each line once, across a rotation, and counts render errors', () => {
    const log = path.join(dir, 'infomat.log');
    writeFileSync(log, '{"event":"session.start"}\n{"event":"renderer.error","where":"ticket"}\n');
    const scan = new LogScanner([dir]);
    const set = new Set([TOKEN]);
    expect(scan.scan(set)).toMatchObject({ rendererErrors: 1, tokensFound: 0 });
    expect(scan.scan(set)).toMatchObject({ rendererErrors: 0, bytes: 0 });
    appendFileSync(log, `{"event":"x","t":"${TOKEN}"}\n{"event":"half`);
    renameSync(log, `${log}.1`);
    writeFileSync(log, '{"event":"renderer.error"}\n');
    const r = scan.scan(set);
    expect(r).toMatchObject({ rendererErrors: 1, tokensFound: 1 });
    // The half line is read once it is whole.
    appendFileSync(`${log}.1`, ' line"}\n');
    expect(scan.scan(set).bytes).toBeGreaterThan(0);
  });
});
