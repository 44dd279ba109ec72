import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSP } from '../common/csp';
import { createAppRequestHandler, resolveAppPath } from './protocol';

// The renderer root sits inside a temp folder of its own, next to the secret it must not serve.
const outer = mkdtempSync(path.join(tmpdir(), 'infomat-protocol-test-'));
afterAll(() => rmSync(outer, { recursive: true, force: true }));
const root = path.join(outer, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Инфомат</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'top secret');

describe('resolveAppPath', () => {
  it('maps app://kiosk paths into the root', () => {
    expect(resolveAppPath('app://kiosk/', root)).toEqual({ ok: true, rel: 'index.html', file: path.join(root, 'index.html') });
    expect(resolveAppPath('app://kiosk/assets/app.js?v=1#x', root)).toEqual({ ok: true, rel: 'assets/app.js', file: path.join(root, 'assets', 'app.js') });
    expect(resolveAppPath('app://kiosk/assets/%D0%B0.png', root)).toEqual({ ok: true, rel: 'assets/а.png', file: path.join(root, 'assets', 'а.png') });
  });
  it.each(['app://kiosk/../secret.txt', 'app://kiosk/%2e%2e/secret.txt', 'app://kiosk/assets/%2e%2e/%2e%2e/secret.txt'])(
    'URL parsing folds dot segments of %s, so it stays inside the root',
    (url) => {
      const r = resolveAppPath(url, root);
      if (r.ok) expect(r.file).toBe(path.join(root, 'secret.txt'));
    },
  );
  it.each([
    'app://kiosk/..%2fsecret.txt',
    'app://kiosk/..%5csecret.txt',
    'app://kiosk/assets/..\\..\\secret.txt',
    'app://kiosk/%00index.html',
    'app://other/index.html',
    'https://kiosk/index.html',
    'app://kiosk/%E0%A4%A',
  ])('refuses %s', (url) => {
    const r = resolveAppPath(url, root);
    expect(r.ok).toBe(false);
  });
});

describe('createAppRequestHandler', () => {
  const handle = createAppRequestHandler({ root });
  it('serves files with the CSP and a MIME type', async () => {
    const res = await handle(new Request('app://kiosk/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Инфомат');
    const js = await handle(new Request('app://kiosk/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
  it('lets the hashed files under /assets/ be kept; the page and every refusal are no-store', async () => {
    expect((await handle(new Request('app://kiosk/assets/app.js'))).headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    for (const url of ['app://kiosk/', 'app://kiosk/index.html', 'app://kiosk/assets/missing.js', 'app://kiosk/..%2fsecret.txt']) {
      expect((await handle(new Request(url))).headers.get('cache-control'), url).toBe('no-store');
    }
  });
  it('404s missing files, 403s traversal, 405s writes — all with the CSP', async () => {
    const missing = await handle(new Request('app://kiosk/nope.js'));
    expect(missing.status).toBe(404);
    const trav = await handle(new Request('app://kiosk/..%2fsecret.txt'));
    expect(trav.status).toBe(403);
    const dotted = await handle(new Request('app://kiosk/../secret.txt'));
    expect(dotted.status).toBe(404); // folded to <root>/secret.txt, which does not exist
    const post = await handle(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    for (const r of [missing, trav, dotted, post]) {
      expect(r.headers.get('content-security-policy')).toBe(CSP);
      expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await r.text()).not.toContain('top secret');
    }
  });
  it('answers HEAD with the headers and no body', async () => {
    const res = await handle(new Request('app://kiosk/assets/app.js', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.body).toBeNull();
  });
});
