// Resources of the kiosk, read between sessions (the screen on Welcome):
// - the renderer over CDP after a forced GC: JS heap used, DOM nodes, event listeners, documents;
// - the kiosk process (core + browser host) from /proc: RSS, open fds; its heap after GC (IPC);
// - every Chromium process under it: summed RSS and how many;
// - the disk (du, in blocks) of the kiosk's logs, print journal, slips and Chromium profiles.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { heapParts, heapSummary, type HeapParts } from './heap-snapshot';
import type { KioskProcess } from './kiosk-process';
import type { PageGlobal } from './page-types';
import type { Sample } from './stats';

const MB = 2 ** 20;

export interface RendererMetrics {
  heapMB: number;
  nodes: number;
  listeners: number;
  documents: number;
  /** Null when the heap snapshot could not be taken. */
  parts: HeapParts | null;
}

/**
 * The renderer's metrics after two forced GCs (the CDP session is opened and closed here), read
 * on a settled Welcome. Welcome's notice (paper out, MIS down) comes and goes with the faults:
 * its nodes are left out of the count, so a notice on at one sample and off at the next is
 * not taken for growth.
 */
export async function rendererMetrics(page: Page): Promise<RendererMetrics | null> {
  try {
    const noticeNodes = await page.evaluate(async () => {
      const w = globalThis as unknown as PageGlobal;
      const until = performance.now() + 5000;
      while (performance.now() < until) {
        const welcome = w.document.querySelector('.app:not([data-prerendered]) [data-testid="screen-welcome"]');
        if (welcome && !w.document.querySelector('[data-settling]') && !w.document.querySelector('[role="dialog"], [role="alertdialog"]')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const notice = w.document.querySelector('[data-testid="welcome-notice"]');
      if (!notice) return 0;
      // Every node under it, text nodes included (NodeFilter.SHOW_ALL), and itself.
      const walker = w.document.createTreeWalker(notice, 0xffffffff);
      let n = 1;
      while (walker.nextNode()) n++;
      return n;
    });
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = new Map(metrics.map((x) => [x.name, x.value]));
      await cdp.send('Performance.disable');
      // The total above counts the JIT's code with the page's data; a snapshot (after the same
      // GCs) tells them apart.
      const parts = await heapSummary(cdp).then(heapParts, () => null);
      await cdp.send('HeapProfiler.disable');
      return {
        parts,
        heapMB: (m.get('JSHeapUsedSize') ?? Number.NaN) / MB,
        nodes: (m.get('Nodes') ?? Number.NaN) - noticeNodes,
        listeners: m.get('JSEventListeners') ?? Number.NaN,
        documents: m.get('Documents') ?? Number.NaN,
      };
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  } catch {
    return null;
  }
}

/** ppid of every process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of safeReaddir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), Number(rest[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** Chromium's process type from its command line (`--type=renderer`); '' for the browser process, 'crashpad' for its crash handlers. */
export function chromiumType(pid: number): string | null {
  try {
    // Chromium retitles its processes: the arguments may be one space-separated string.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (/^\S*crashpad_handler/.test(cmdline)) return 'crashpad';
    return /(?:^|[\0 ])--type=([^\0 ]+)/.exec(cmdline)?.[1] ?? '';
  } catch {
    return null;
  }
}

/** Every process below `root` (children, grandchildren …). */
export function descendants(root: number): number[] {
  const ppid = parents();
  const kids = new Map<number, number[]>();
  for (const [pid, parent] of ppid) kids.set(parent, [...(kids.get(parent) ?? []), pid]);
  const out: number[] = [];
  const stack = [...(kids.get(root) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return out;
}

export function rssMB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function openFds(pid: number): number | null {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

/** Disk used under `p` (allocated blocks, like du), bytes; 0 when missing. */
export function du(p: string): number {
  let st;
  try {
    st = lstatSync(p);
  } catch {
    return 0;
  }
  let total = st.blocks * 512;
  if (st.isDirectory()) for (const name of safeReaddir(p)) total += du(path.join(p, name));
  return total;
}

export interface DiskUse {
  logsMB: number;
  journalMB: number;
  slipsMB: number;
  profileMB: number;
  profileDirs: number;
}

export function diskUse(stateDir: string): DiskUse {
  const profiles = safeReaddir(stateDir).filter((n) => n.startsWith('chromium-'));
  return {
    logsMB: du(path.join(stateDir, 'logs')) / MB,
    journalMB: du(path.join(stateDir, 'print-journal')) / MB,
    slipsMB: du(path.join(stateDir, 'demo-slips')) / MB,
    profileMB: profiles.reduce((a, n) => a + du(path.join(stateDir, n)), 0) / MB,
    profileDirs: profiles.length,
  };
}

export async function takeSample(kiosk: KioskProcess, page: Page | null, at: { session: number; t: number; day: number }): Promise<Sample> {
  const pid = kiosk.pid;
  const renderer = page ? await rendererMetrics(page) : null;
  const mem = pid ? await kiosk.memory() : null;
  const procs = pid ? descendants(pid) : [];
  const chromiumRss = procs.map(rssMB).filter((x): x is number => x !== null);
  const types = new Map(procs.map((p) => [p, chromiumType(p)]));
  const rssOf = (type: string): number | null => {
    const rss = procs.filter((p) => types.get(p) === type).map(rssMB).filter((x): x is number => x !== null);
    return rss.length ? rss.reduce((a, b) => a + b, 0) : null;
  };
  const disk = diskUse(kiosk.stateDir);
  return {
    ...at,
    rendererHeapMB: renderer?.heapMB ?? null,
    rendererJsDataMB: renderer?.parts?.jsDataMB ?? null,
    rendererCodeMB: renderer?.parts?.codeMB ?? null,
    rendererNativeMB: renderer?.parts?.nativeMB ?? null,
    domNodes: renderer?.nodes ?? null,
    listeners: renderer?.listeners ?? null,
    documents: renderer?.documents ?? null,
    hostRssMB: pid ? rssMB(pid) : null,
    hostHeapMB: mem ? mem.heapUsed / MB : null,
    hostFds: pid ? openFds(pid) : null,
    chromiumRssMB: chromiumRss.length ? chromiumRss.reduce((a, b) => a + b, 0) : null,
    chromiumProcs: pid ? procs.length : null,
    rendererProcRssMB: rssOf('renderer'),
    browserProcRssMB: rssOf(''),
    diskLogsMB: disk.logsMB,
    diskJournalMB: disk.journalMB,
    diskSlipsMB: disk.slipsMB,
    diskProfileMB: disk.profileMB,
    profileDirs: disk.profileDirs,
  };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
