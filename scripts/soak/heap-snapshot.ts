// Renderer heap snapshots for the soak (`--heap-at 300,1000`): written over CDP on a settled
// Welcome, then compared by what the objects are (V8's node type and constructor or string
// name), so a slope over budget comes with the names of what grew instead of a guess.
import { createWriteStream, readFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

/**
 * The heap snapshot of a CDP session's page, chunk by chunk to `sink`. The caller has enabled
 * HeapProfiler (and forced its GCs); disabling it afterwards drops the profiler's object-id map,
 * so sampling leaves nothing behind in the page.
 */
export async function streamHeapSnapshot(cdp: CDPSession, sink: (chunk: string) => void): Promise<void> {
  const onChunk = ({ chunk }: { chunk: string }): void => sink(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
}

/** Writes the page's heap (after two GCs) to `file` as a .heapsnapshot. */
export async function writeHeapSnapshot(page: Page, file: string): Promise<void> {
  const out = createWriteStream(file);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await streamHeapSnapshot(cdp, (chunk) => out.write(chunk));
    await cdp.send('HeapProfiler.disable');
  } finally {
    await cdp.detach().catch(() => undefined);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

/** The heap of a CDP session's page, summarized (in memory: a Welcome-time heap is about 10 MB of JSON). */
export async function heapSummary(cdp: CDPSession): Promise<Map<string, HeapGroup>> {
  const chunks: string[] = [];
  await streamHeapSnapshot(cdp, (chunk) => chunks.push(chunk));
  return summarizeHeap(chunks.join(''));
}

export interface HeapGroup {
  /** `type:name`, e.g. `object:Array`, `closure:onTick`, `string`. */
  key: string;
  count: number;
  bytes: number;
}

interface SnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/**
 * Self sizes grouped by type and name. Strings are grouped as one (their text would make every
 * string its own group); numbers, code and V8's internals keep V8's own names.
 */
export function summarizeHeap(json: string): Map<string, HeapGroup> {
  const snap = JSON.parse(json) as SnapshotFile;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  if (iType < 0 || iName < 0 || iSize < 0) throw new Error('heap snapshot: no type, name or self_size field');
  const out = new Map<string, HeapGroup>();
  const at = (i: number): number => snap.nodes[i] ?? 0;
  for (let i = 0; i + width <= snap.nodes.length; i += width) {
    const type = types[at(i + iType)] ?? 'unknown';
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '' : (snap.strings[at(i + iName)] ?? '');
    const key = name ? `${type}:${name.slice(0, 80)}` : type;
    const g = out.get(key) ?? { key, count: 0, bytes: 0 };
    g.count++;
    g.bytes += at(i + iSize);
    out.set(key, g);
  }
  return out;
}

export interface HeapParts {
  /**
   * What the page's code keeps: objects, closures, strings, numbers, and their element and
   * property stores. A leak of the kiosk's own making grows this.
   */
  jsDataMB: number;
  /** Bytecode and machine code the JIT made: grows while new paths run and hot ones tier up, up to the program's size. */
  codeMB: number;
  /** V8's hidden classes and its own caches (the number-to-string cache, template caches), bounded by V8. */
  v8InternalMB: number;
  /** Blink's objects (DOM, CSS, and DevTools' buffers for whoever is attached). */
  nativeMB: number;
}

const DATA_TYPES = new Set(['object', 'closure', 'string', 'concatenated string', 'sliced string', 'number', 'regexp', 'symbol', 'bigint']);
const DATA_STORES = new Set(['array:(object elements)', 'array:(object properties)', 'array:(bound arguments)']);

/** The heap split by who makes it grow (see HeapParts). */
export function heapParts(groups: Map<string, HeapGroup>): HeapParts {
  const bytes = { jsData: 0, code: 0, v8Internal: 0, native: 0 };
  for (const g of groups.values()) {
    const type = g.key.split(':', 1)[0]!;
    if (type === 'native') bytes.native += g.bytes;
    else if (type === 'code') bytes.code += g.bytes;
    else if (DATA_TYPES.has(type) || DATA_STORES.has(g.key)) bytes.jsData += g.bytes;
    else bytes.v8Internal += g.bytes;
  }
  return { jsDataMB: bytes.jsData / 2 ** 20, codeMB: bytes.code / 2 ** 20, v8InternalMB: bytes.v8Internal / 2 ** 20, nativeMB: bytes.native / 2 ** 20 };
}

export interface HeapGrowth extends HeapGroup {
  countBefore: number;
  bytesBefore: number;
}

/** The groups that grew most in bytes from `a` to `b`, largest first. */
export function diffHeaps(a: Map<string, HeapGroup>, b: Map<string, HeapGroup>, top = 25): HeapGrowth[] {
  const rows: HeapGrowth[] = [];
  for (const [key, g] of b) {
    const before = a.get(key);
    rows.push({ key, count: g.count, bytes: g.bytes, countBefore: before?.count ?? 0, bytesBefore: before?.bytes ?? 0 });
  }
  for (const [key, g] of a) if (!b.has(key)) rows.push({ key, count: 0, bytes: 0, countBefore: g.count, bytesBefore: g.bytes });
  return rows.sort((x, y) => y.bytes - y.bytesBefore - (x.bytes - x.bytesBefore)).slice(0, top);
}

export function formatHeapDiff(rows: HeapGrowth[]): string {
  const lines = ['     Δ bytes   Δ count   bytes after  group'];
  for (const r of rows) {
    lines.push(`${String(r.bytes - r.bytesBefore).padStart(12)}${String(r.count - r.countBefore).padStart(10)}${String(r.bytes).padStart(14)}  ${r.key}`);
  }
  return lines.join('\n');
}

/** `tsx scripts/soak/heap-snapshot.ts before.heapsnapshot after.heapsnapshot [top]` */
const [, script, before, after, top] = process.argv;
if (script?.endsWith('heap-snapshot.ts') && before && after) {
  const [a, b] = [before, after].map((f) => summarizeHeap(readFileSync(f, 'utf8'))) as [Map<string, HeapGroup>, Map<string, HeapGroup>];
  console.log(formatHeapDiff(diffHeaps(a, b, Number(top ?? 25))));
  for (const [name, parts] of [['before', heapParts(a)], ['after', heapParts(b)]] as const) {
    console.log(`${name}: ${Object.entries(parts).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}`);
  }
}
