// The hub client against answers made to hurt the XML reader: every case ends typed (or parsed,
// when the answer is legal and within the limits) in a bound generous for a busy CI machine.
// The real numbers are in the table (scripts/hostile-n3-table.ts): a few tens of ms each.
import { describe, expect, it } from 'vitest';
import { HOSTILE_HUB_CASES, runHostileHubCase } from './testing/hostile-hub';

const BOUND_MS = 2000;

describe('hostile N3 hub: the XML reader stays linear and within its limits', () => {
  it.each(HOSTILE_HUB_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const o = await runHostileHubCase(c);
    expect(o.unexpected).toBeNull();
    if (c.expect === 'parses') {
      expect(o.error).toBeNull();
      expect(o.parsed).toBe(true);
    } else {
      expect(o.error).toMatchObject(c.expect.reason === undefined ? { kind: c.expect.kind } : { kind: c.expect.kind, reason: c.expect.reason });
    }
    expect(o.elapsedMs).toBeLessThan(BOUND_MS);
  });
});
