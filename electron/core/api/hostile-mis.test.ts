// The client against a MIS (or a proxy) that misbehaves on purpose. Time bounds appear only
// where the behaviour under test is the deadline itself, and they are generous.
import { describe, expect, it } from 'vitest';
import { CLIENT_DEFAULTS, HOSTILE_CASES, runHostileCase, type HostileOutcome } from './testing/hostile-mis';

const run = async (name: string): Promise<HostileOutcome> => {
  const c = HOSTILE_CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  const out = await runHostileCase(c);
  expect(out.unexpected).toBeNull();
  return out;
};

const DEADLINE_BOUND_MS = CLIENT_DEFAULTS.timeoutMs + 2000;

describe('hostile MIS: the whole-call deadline', () => {
  it('a body dripping a byte every 500 ms fails at the deadline, GET not retried', async () => {
    const o = await run('slow drip, GET (1 byte / 500 ms)');
    expect(o.error).toMatchObject({ kind: 'network', reason: 'deadline_body' });
    expect(o.elapsedMs).toBeLessThan(DEADLINE_BOUND_MS);
    expect(o.requests).toBe(1);
  });

  it('the booking POST has the same deadline', async () => {
    const o = await run('slow drip, booking POST');
    expect(o.error).toMatchObject({ kind: 'network', reason: 'deadline_body' });
    expect(o.elapsedMs).toBeLessThan(DEADLINE_BOUND_MS);
    expect(o.requests).toBe(1);
  });

  it('no headers before the deadline is a network error a read may retry', async () => {
    const o = await run('no headers at all, GET, retries 1');
    expect(o.error).toMatchObject({ kind: 'network', reason: 'deadline' });
    expect(o.requests).toBe(2);
  });
});

describe('hostile MIS: the size cap', () => {
  it.each(['50 MB JSON 200, chunked', '50 MB JSON 200, Content-Length declared', 'gzip bomb (50 MB inflated)'])(
    '%s is a protocol error and is not downloaded',
    async (name) => {
      const o = await run(name);
      expect(o.error).toMatchObject({ kind: 'protocol', reason: 'too_large' });
      expect(o.error?.message).toContain('api.maxResponseBytes');
      expect(o.requests).toBe(1);
      // Loose on purpose (the server is in this process too): 50 MB buffered would be far more.
      expect(o.heapDeltaBytes).toBeLessThan(40 * 1024 * 1024);
    },
  );

  it('a too-large 502 is not retried', async () => {
    const o = await run('50 MB JSON 502, chunked, retries 2');
    expect(o.error).toMatchObject({ kind: 'protocol', reason: 'too_large', httpStatus: 502 });
    expect(o.requests).toBe(1);
  });

  it('a huge HTML 502 is never read: retried as a 502, each body dropped unread', async () => {
    const o = await run('50 MB HTML 502, chunked, retries 2');
    expect(o.error).toMatchObject({ kind: 'server', httpStatus: 502, serverMessage: null });
    expect(o.requests).toBe(CLIENT_DEFAULTS.retries + 1);
    expect(o.heapDeltaBytes).toBeLessThan(40 * 1024 * 1024);
  });
});

describe('hostile MIS: redirects are never followed', () => {
  it('a same-origin 307 on the booking POST is a protocol error naming the host', async () => {
    const o = await run('307 same origin, booking POST');
    expect(o.error).toMatchObject({ kind: 'protocol', reason: 'redirect', httpStatus: 307 });
    expect(o.error?.message).toMatch(/redirecting to 127\.0\.0\.1:\d+ \(same host\)/);
    expect(o.requests).toBe(1);
  });

  it('a 302 to another origin: the other host receives nothing, its token is not taken', async () => {
    const o = await run('302 to another origin, token GET');
    expect(o.error).toMatchObject({ kind: 'protocol', reason: 'redirect', httpStatus: 302 });
    expect(o.error?.message).toMatch(/redirecting to 127\.0\.0\.1:\d+ \(another host\)/);
    expect(o.error?.message).not.toContain('n_pol');
    expect(o.otherHostRequests).toBe(0);
    expect(o.requests).toBe(1);
  });
});

describe('hostile MIS: JSON where JSON is expected', () => {
  it('a text/plain 200 does not become the token', async () => {
    const o = await run('text/plain 200 "Maintenance_mode_on" as token');
    expect(o.error).toMatchObject({ kind: 'protocol', reason: 'not_json' });
  });

  it('a JSON token with spaces or CR/LF is refused', async () => {
    const o = await run('JSON token that is not token-like');
    expect(o.error).toMatchObject({ kind: 'protocol' });
  });

  it('an HTML 502 is a server error without a body, retried only the configured number of times', async () => {
    const o = await run('HTML 502, retries 2');
    expect(o.error).toMatchObject({ kind: 'server', httpStatus: 502, serverMessage: null });
    expect(o.error?.message).toContain('text/html');
    expect(o.requests).toBe(CLIENT_DEFAULTS.retries + 1);
  });

  it('truncated JSON that ends cleanly is a protocol error', async () => {
    const o = await run('truncated JSON (clean end)');
    expect(o.error).toMatchObject({ kind: 'protocol', reason: 'not_json' });
    expect(o.requests).toBe(1);
  });

  it('a body cut by a dropped connection is a network error a read retries', async () => {
    const o = await run('truncated JSON (connection cut), retries 2');
    expect(o.error).toMatchObject({ kind: 'network', reason: null });
    expect(o.requests).toBe(CLIENT_DEFAULTS.retries + 1);
  });

  it('valid JSON with a non-JSON content type is refused', async () => {
    const o = await run('valid JSON labelled text/html');
    expect(o.error).toMatchObject({ kind: 'protocol', reason: 'not_json' });
  });
});

describe('hostile input: GUIDs that are not one path segment', () => {
  const guidCases = HOSTILE_CASES.filter((c) => c.name.startsWith('GUID '));
  it.each(guidCases.map((c) => c.name))('%s is refused before any request', async (name) => {
    const o = await run(name);
    expect(o.error).toMatchObject({ kind: 'validation', reason: 'bad_path_segment', httpStatus: null });
    expect(o.requests).toBe(0);
  });
});
