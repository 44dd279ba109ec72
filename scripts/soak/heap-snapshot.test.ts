import { describe, expect, it } from 'vitest';
import { diffHeaps, formatHeapDiff, heapParts, summarizeHeap } from './heap-snapshot';

// A V8 .heapsnapshot in miniature: the same meta layout Chromium writes (six fields per node).
const snapshot = (nodes: Array<[type: number, name: number, size: number]>): string =>
  JSON.stringify({
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'detachedness'],
        node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string'], 'string', 'number', 'number', 'number', 'number'],
      },
    },
    nodes: nodes.flatMap(([t, n, size], i) => [t, n, i + 1, size, 0, 0]),
    strings: ['', 'Array', 'Object', 'some text', 'onTick', '(object elements)', 'system / InstructionStream', 'HTMLDivElement'],
  });

describe('renderer heap snapshots compared', () => {
  it('groups self sizes by type and constructor, strings as one group', () => {
    const s = summarizeHeap(snapshot([[3, 1, 16], [3, 1, 32], [2, 3, 40], [2, 4, 8], [5, 4, 32]]));
    expect(s.get('object:Array')).toEqual({ key: 'object:Array', count: 2, bytes: 48 });
    expect(s.get('string')).toEqual({ key: 'string', count: 2, bytes: 48 });
    expect(s.get('closure:onTick')).toEqual({ key: 'closure:onTick', count: 1, bytes: 32 });
  });

  it('names what grew first, and what went away', () => {
    const before = summarizeHeap(snapshot([[3, 1, 16], [3, 2, 100], [5, 4, 32]]));
    const after = summarizeHeap(snapshot([[3, 1, 16], [3, 1, 16], [3, 1, 16], [3, 2, 100], [3, 2, 20]]));
    const rows = diffHeaps(before, after);
    expect(rows.map((r) => [r.key, r.count - r.countBefore, r.bytes - r.bytesBefore])).toEqual([
      ['object:Array', 2, 32],
      ['object:Object', 1, 20],
      ['closure:onTick', -1, -32],
    ]);
    expect(formatHeapDiff(rows)).toMatch(/^\s+32\s+2\s+48\s+object:Array$/m);
  });

  it('splits the heap into the page\'s data, compiled code, V8\'s own and Blink\'s objects', () => {
    const MB = 2 ** 20;
    const parts = heapParts(
      summarizeHeap(
        snapshot([
          [3, 1, MB / 4], // object:Array: data
          [2, 3, MB / 4], // a string: data
          [1, 5, MB / 4], // array:(object elements): an object's elements, data
          [1, 0, MB / 2], // an unnamed internal array (a V8 cache): V8's own
          [4, 6, MB], // code:system / InstructionStream: the JIT's
          [8, 7, 2 * MB], // native:HTMLDivElement: Blink's
        ]),
      ),
    );
    expect(parts).toEqual({ jsDataMB: 0.75, codeMB: 1, v8InternalMB: 0.5, nativeMB: 2 });
  });

  it('refuses a file that is not a heap snapshot', () => {
    expect(() => summarizeHeap(JSON.stringify({ snapshot: { meta: { node_fields: ['id'], node_types: [[]] } }, nodes: [], strings: [] }))).toThrow(/no type/);
  });
});
