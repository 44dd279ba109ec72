// What the soak's own DevTools connection costs the renderer: the same page makes N fetches of a
// schedule-sized JSON answer in Debian's Chromium, once with no DevTools client and once with
// Playwright attached over CDP (as the soak is: it enables the Network domain, whose buffers keep
// every request and its body for Network.getResponseBody until the page reloads). The renderer
// process's RSS after forced GCs is printed for both.
//   npx tsx scripts/soak/cdp-observer.ts [fetches=6000]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumType, descendants, rssMB } from './sampler';

const BODY = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ i, name: `Врач-терапевт участковый ${i}`, room: 100 + i })) });

async function once(fetches: number, attached: boolean): Promise<{ before: number; after: number; ms: number }> {
  let go = false;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const page = `<script>(async () => {
    while (!(await (await fetch('/go')).json())) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < ${fetches}; i++) await (await fetch('/answer', { method: 'POST', body: '{}' })).json();
    for (let k = 0; k < 5; k++) { gc(); await new Promise((r) => setTimeout(r, 200)); }
    await fetch('/done');
  })()</script>`;
  const server = http.createServer((req, res) => {
    if (req.url === '/') return res.end(page);
    if (req.url === '/go') return res.end(JSON.stringify(go));
    if (req.url === '/done') return (res.end('1'), finish());
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(BODY);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const profile = mkdtempSync(path.join(os.tmpdir(), 'infomat-cdp-observer-'));
  const child = spawn(
    '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--js-flags=--expose-gc', '--remote-debugging-port=0', `--user-data-dir=${profile}`, `http://127.0.0.1:${port}/`],
    { stdio: 'ignore', detached: true },
  );
  const renderer = (): number =>
    descendants(child.pid!)
      .filter((p) => chromiumType(p) === 'renderer')
      .map((p) => rssMB(p) ?? 0)
      .reduce((a, b) => a + b, 0);
  try {
    const portFile = path.join(profile, 'DevToolsActivePort');
    for (let i = 0; !existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n'); i++) {
      if (i > 100) throw new Error('chromium did not open its DevTools port');
      await new Promise((r) => setTimeout(r, 100));
    }
    const browser = attached ? await chromium.connectOverCDP(`http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}`) : null;
    await new Promise((r) => setTimeout(r, 1500));
    const before = renderer();
    const t = Date.now();
    go = true;
    await finished;
    const ms = Date.now() - t;
    await new Promise((r) => setTimeout(r, 1000));
    const after = renderer();
    await browser?.close().catch(() => undefined);
    return { before, after, ms };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
    server.close();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
}

async function main(): Promise<void> {
  const fetches = Number(process.argv[2] ?? 6000);
  for (const attached of [false, true]) {
    const r = await once(fetches, attached);
    console.log(
      `${attached ? 'Playwright attached over CDP' : 'no DevTools client        '}: ${fetches} answers of ${(BODY.length / 1024).toFixed(1)} KB in ${(r.ms / 1000).toFixed(1)} s, ` +
        `renderer RSS ${r.before.toFixed(0)} → ${r.after.toFixed(0)} MB (+${(r.after - r.before).toFixed(0)} MB)`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
