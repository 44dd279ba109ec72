// The soak's supervisor of the kiosk process (kiosk-child.ts): it starts it as systemd would
// (own process group, restarted after a pause when it dies), kills it the way a crash or a
// power cut does (the whole group, so its Chromium goes too, as systemd's control-group kill
// does), attaches to the kiosk's own Chromium over its DevTools port, and times a cold start
// from the spawn to Welcome ready to touch.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

export interface KioskProcessOptions {
  /** XDG_STATE_HOME of the kiosk: its state folder is `<xdg>/infomat`. */
  xdgStateHome: string;
  configPath: string;
  /** The kiosk process's (and its Chromium's) zone. */
  tz: string;
  /** Where the kiosk process's stdout and stderr go (appended). */
  consoleLog: string;
  /** The virtual clock's offset at start (ms). */
  clockOffsetMs: () => number;
  /** The supervisor's pause before a restart (systemd RestartSec). */
  restartDelayMs: number;
  viewport: { width: number; height: number };
}

export interface ColdStart {
  /** spawn → the prerendered Welcome painted (first contentful paint): ready to touch. */
  welcomeMs: number;
  /** spawn → React's own Welcome in place, as the driver first saw it. */
  reactMs: number;
}

export interface Attached {
  browser: Browser;
  page: Page;
  /** The Chromium profile folder of this launch. */
  profileDir: string;
}

const READY_TIMEOUT_MS = 60_000;
const WELCOME = '.app:not([data-prerendered]) [data-testid="screen-welcome"]';

export class KioskProcess {
  child: ChildProcess | null = null;
  attached: Attached | null = null;
  private exited: Promise<void> = Promise.resolve();
  private replies: Array<(m: Record<string, unknown>) => void> = [];

  constructor(private readonly opts: KioskProcessOptions) {}

  get stateDir(): string {
    return path.join(this.opts.xdgStateHome, 'infomat');
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Starts the kiosk process and waits for Welcome; returns the cold-start times. */
  async start(): Promise<ColdStart> {
    const started = Date.now();
    const out = openSync(this.opts.consoleLog, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.resolve('scripts/soak/kiosk-child.ts')], {
        detached: true,
        stdio: ['ignore', out, out, 'ipc'],
        env: {
          ...process.env,
          XDG_STATE_HOME: this.opts.xdgStateHome,
          INFOMAT_CONFIG: this.opts.configPath,
          TZ: this.opts.tz,
          SOAK_CLOCK_OFFSET_MS: String(this.opts.clockOffsetMs()),
          SOAK_CHROMIUM_ARGS: `--window-size=${this.opts.viewport.width},${this.opts.viewport.height}`,
        },
      });
    } finally {
      closeSync(out);
    }
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('message', (m: Record<string, unknown>) => {
      const r = this.replies.shift();
      r?.(m);
    });
    child.on('error', () => undefined);
    this.attached = await this.attach(started, this.deadProfiles);
    const page = this.attached.page;
    await page.locator(WELCOME).waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
    const reactAt = Date.now();
    const fcp = await page.evaluate(() => {
      const e = performance.getEntriesByName('first-contentful-paint')[0];
      return e ? performance.timeOrigin + e.startTime : null;
    });
    return { welcomeMs: (fcp ?? reactAt) - started, reactMs: reactAt - started };
  }

  /**
   * Finds this launch's Chromium (a DevTools port file written since `since`, in a profile that
   * is not one of `gone`) and attaches. A profile being removed (the kiosk clears a dead
   * browser's at launch, which touches its folder) may still show its old port file: a port
   * that refuses is skipped, not fatal.
   */
  private async attach(since: number, gone: ReadonlySet<string> = new Set()): Promise<Attached> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (this.child?.exitCode !== null || this.child?.signalCode !== null) throw new Error(`the kiosk process exited during start (see ${this.opts.consoleLog})`);
      const dir = this.newestProfile(since, gone);
      const portFile = dir && path.join(dir, 'DevToolsActivePort');
      if (portFile && existsSync(portFile) && safeMtime(portFile) >= since - 1000) {
        const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
        if (port > 0) {
          try {
            const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 10_000 });
            const page = await this.kioskPage(browser, deadline);
            return { browser, page, profileDir: dir };
          } catch {
            /* not this one (yet) */
          }
        }
      }
      if (Date.now() > deadline) throw new Error('the kiosk did not start its Chromium within 60 s');
      await sleep(25);
    }
  }

  private async kioskPage(browser: Browser, deadline: number): Promise<Page> {
    for (;;) {
      for (const ctx of browser.contexts()) {
        for (const p of ctx.pages()) if (p.url().startsWith('http://127.0.0.1:')) return p;
      }
      if (Date.now() > deadline) throw new Error('no kiosk page in the kiosk Chromium');
      await sleep(25);
    }
  }

  /** The newest `chromium-*` profile made since `since` in the state folder (not one of `gone`). */
  newestProfile(since = 0, gone: ReadonlySet<string> = new Set()): string | null {
    let best: { dir: string; t: number } | null = null;
    for (const name of safeReaddir(this.stateDir)) {
      if (!name.startsWith('chromium-')) continue;
      const dir = path.join(this.stateDir, name);
      if (gone.has(dir)) continue;
      const t = safeMtime(dir);
      if (t >= since - 1000 && (!best || t > best.t)) best = { dir, t };
    }
    return best?.dir ?? null;
  }

  /** Profiles of browsers this supervisor saw die: never attached to again. */
  private readonly deadProfiles = new Set<string>();

  /** The kiosk's Chromium was replaced by the kiosk itself (a relaunch): attach to the new one. */
  async reattach(since: number): Promise<Attached> {
    if (this.attached) this.deadProfiles.add(this.attached.profileDir);
    await this.attached?.browser.close().catch(() => undefined);
    this.attached = await this.attach(since, this.deadProfiles);
    return this.attached;
  }

  /** A crash or a power cut: the whole process group, at once. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    if (this.attached) this.deadProfiles.add(this.attached.profileDir);
    await this.attached?.browser.close().catch(() => undefined);
    this.attached = null;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await this.exited;
    this.child = null;
    this.replies = [];
  }

  /** The supervisor brings it back after its pause; returns the cold start of the new process. */
  async restart(beforeStart?: () => void): Promise<ColdStart> {
    await this.kill();
    await sleep(this.opts.restartDelayMs);
    beforeStart?.();
    return this.start();
  }

  /** A clean stop (SIGTERM): the kiosk closes its Chromium and removes its profile. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    await this.attached?.browser.close().catch(() => undefined);
    this.attached = null;
    child.kill('SIGTERM');
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 10_000);
    await this.exited;
    clearTimeout(killer);
    // Whatever of the group is left (a Chromium helper) goes too.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    this.child = null;
  }

  private ask(msg: Record<string, unknown>, timeoutMs = 10_000): Promise<Record<string, unknown> | null> {
    const child = this.child;
    if (!child?.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = this.replies.indexOf(done);
        if (i >= 0) this.replies.splice(i, 1);
        resolve(null);
      }, timeoutMs);
      const done = (m: Record<string, unknown>): void => {
        clearTimeout(timer);
        resolve(m);
      };
      this.replies.push(done);
      child.send(msg);
    });
  }

  /** Moves the kiosk's wall clock (virtual offset, ms); resolves once the process has it. */
  async setClock(offsetMs: number): Promise<void> {
    await this.ask({ type: 'clock', offsetMs });
  }

  /** The kiosk process's heap after a full GC and its RSS, in bytes; null if it did not answer. */
  async memory(): Promise<{ heapUsed: number; rss: number } | null> {
    const m = await this.ask({ type: 'mem' });
    return m ? { heapUsed: Number(m.heapUsed), rss: Number(m.rss) } : null;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeMtime(p: string): number {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}
