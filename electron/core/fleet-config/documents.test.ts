// The pieces of the central configuration on their own: how layers combine, what a signed
// document must be, which combined configurations pass the config schema, and the decisions.
import { describe, expect, it } from 'vitest';
import { signMetadata } from '../updates/metadata-signature';
import { releaseYml, testKey } from '../updates/testing/releases';
import { readConfigDocument, signConfigDocument } from './document';
import { effectiveConfig, setVersion, type LayerSet } from './effective';
import { judgeTrial, quietMoment, revisionProblem, baselineOf } from './decide';
import { documentName, localOnlyKeys, mergeLayer } from './layers';
import { configDocument, signedConfig } from './testing/documents';

const key = testKey();
const other = testKey();
const LOCAL = { kioskId: 'K-1', api: { baseUrl: 'https://mis.example.ru/api' }, printer: { transport: { type: 'tcp', host: '10.0.0.5' } }, fleet: { url: 'https://cfg.example.ru/infomat/config', clinic: 'C42' } };

const doc = (name: string, revision: number, config: Record<string, unknown>) => {
  const r = readConfigDocument(name, signedConfig(name, revision, config, [key]), [key.pinned]);
  if (!r.ok) throw new Error(r.detail);
  return r.doc;
};

describe('layers', () => {
  it('names the documents by layer; ids are plain latin', () => {
    expect(documentName('fleet')).toBe('fleet.json');
    expect(documentName('clinic', 'C42')).toBe('clinics/C42.json');
    expect(documentName('kiosk', 'KIOSK-12-01')).toBe('kiosks/KIOSK-12-01.json');
    expect(() => documentName('kiosk', '../fleet')).toThrow();
    expect(() => documentName('clinic', 'Поликлиника 12')).toThrow();
  });

  it('merges objects key by key; a list, a number or null replaces; an object of another type replaces whole', () => {
    const base = { idle: { seconds: 60, countdownSeconds: 15 }, clinics: ['a', 'b'], printer: { transport: { type: 'tcp', host: 'h', port: 9100 } }, api: { endpoints: { cancel: '/x' } } };
    const over = { idle: { seconds: 90 }, clinics: ['c'], printer: { transport: { type: 'device', path: '/dev/usb/lp0' } }, api: { endpoints: { cancel: null } } };
    expect(mergeLayer(base, over)).toEqual({
      idle: { seconds: 90, countdownSeconds: 15 },
      clinics: ['c'],
      printer: { transport: { type: 'device', path: '/dev/usb/lp0' } },
      api: { endpoints: { cancel: null } },
    });
    // Same type: merged (the port stays).
    expect(mergeLayer(base, { printer: { transport: { type: 'tcp', host: 'h2' } } })).toMatchObject({ printer: { transport: { type: 'tcp', host: 'h2', port: 9100 } } });
    expect(base.idle.seconds).toBe(60);
  });

  it('never copies a __proto__ key into the result', () => {
    const merged = mergeLayer({}, JSON.parse('{"__proto__": {"polluted": true}, "idle": {"__proto__": {"x": 1}}}') as Record<string, unknown>);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });

  it('finds the settings only the local file may set', () => {
    expect(localOnlyKeys({ kioskId: 'x', fleet: {}, demo: false, printer: { journalDir: '/tmp', enabled: true }, logDir: '/l', idle: {} })).toEqual([
      'kioskId',
      'fleet',
      'demo',
      'logDir',
      'printer.journalDir',
    ]);
  });
});

describe('a signed configuration document', () => {
  const NAME = 'clinics/C42.json';

  it('is the operator JSON plus one signature line per key, read after the signature checks out', () => {
    const body = configDocument(7, { language: 'en' });
    const signed = signConfigDocument(NAME, body, [key.privateKey, other.privateKey]);
    expect(signed.subarray(0, body.length).equals(body)).toBe(true);
    expect(signed.toString('utf8').match(/^# infomat-signature v1 /gm)).toHaveLength(2);
    const r = readConfigDocument(NAME, signed, [other.pinned]);
    expect(r).toMatchObject({ ok: true, doc: { layer: 'clinic', name: NAME, revision: 7, config: { language: 'en' }, keyId: other.pinned.id } });
  });

  it.each([
    ['no signature', 'unsigned', () => configDocument(7, { language: 'en' })],
    ['edited after signing', 'bad-signature', () => Buffer.from(signedConfig(NAME, 7, { language: 'en' }, [key]).toString().replace('"en"', '"ru"'))],
    ['signed by a key the build does not pin', 'unknown-key', () => signedConfig(NAME, 7, { language: 'en' }, [other])],
    ['another clinic\'s document served under this name', 'bad-signature', () => signedConfig('clinics/C43.json', 7, { language: 'en' }, [key])],
    ['the fleet document served as the clinic\'s', 'bad-signature', () => signedConfig('fleet.json', 7, { language: 'en' }, [key])],
    ['update metadata signed by the same key', 'bad-signature', () => Buffer.concat([configDocument(7, {}), signMetadata('latest.yml', releaseYml('1.0.0'), [key.privateKey]).subarray(releaseYml('1.0.0').length)])],
    ['not JSON', 'malformed', () => signConfigDocument(NAME, Buffer.from('{ "revision": 7, '), [key.privateKey])],
    ['no revision', 'malformed', () => signConfigDocument(NAME, Buffer.from('{"config": {}}\n'), [key.privateKey])],
    ['a key beside revision and config', 'malformed', () => signConfigDocument(NAME, Buffer.from('{"revision": 1, "config": {}, "language": "en"}\n'), [key.privateKey])],
    ['a local-only setting', 'invalid', () => signedConfig(NAME, 7, { kioskId: 'K-2' }, [key])],
    ['the fleet section itself', 'invalid', () => signedConfig(NAME, 7, { fleet: { url: 'https://evil.example/' } }, [key])],
  ] as const)('%s: refused as %s', (_name, reason, make) => {
    expect(readConfigDocument(NAME, make(), [key.pinned])).toMatchObject({ ok: false, reason });
  });
});

describe('the combined configuration', () => {
  const set = (clinic: Record<string, unknown> | null, kiosk: Record<string, unknown> | null = null): LayerSet => ({
    fleet: doc('fleet.json', 12, { idle: { seconds: 90 }, language: 'ru' }),
    clinic: clinic ? doc('clinics/C42.json', 7, clinic) : null,
    kiosk: kiosk ? doc('kiosks/K-1.json', 3, kiosk) : null,
  });

  it('is the local file, then the fleet, the clinic and the kiosk, each over the one before', () => {
    const s = set({ language: 'en', idle: { countdownSeconds: 20 } }, { language: 'ru' });
    expect(setVersion(s)).toBe('f12.c7.k3');
    const eff = effectiveConfig(LOCAL, s, '/etc/infomat/config.json');
    expect(eff.ok).toBe(true);
    if (!eff.ok) return;
    expect(eff.config.idle).toMatchObject({ seconds: 90, countdownSeconds: 20 });
    expect(eff.config.language).toBe('ru');
    expect(eff.config.printer.transport).toMatchObject({ type: 'tcp', host: '10.0.0.5' });
    expect(eff.config.kioskId).toBe('K-1');
    expect(setVersion(set(null))).toBe('f12');
  });

  it('fails the same schema as the local file, in the technician\'s words', () => {
    const eff = effectiveConfig(LOCAL, set({ idle: { seconds: 5 } }), '/etc/infomat/config.json');
    expect(eff).toEqual({ ok: false, problems: [expect.stringMatching(/^idle\.seconds: ожидается целое число от 10 до 3600/)] });
    expect(effectiveConfig(LOCAL, set({ printer: { transport: { type: 'tcp' } } }), '/x/config.json').ok).toBe(true);
    expect(effectiveConfig(LOCAL, set({ printer: { transport: { type: 'usb' } } }), '/x/config.json').ok).toBe(false);
  });
});

describe('decisions', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('a quiet moment: no session and two minutes without a touch', () => {
    expect(quietMoment({ sessionActive: false, lastActivity: null }, now, 120_000)).toBe(true);
    expect(quietMoment({ sessionActive: true, lastActivity: null }, now, 120_000)).toBe(false);
    expect(quietMoment({ sessionActive: false, lastActivity: new Date(now.getTime() - 119_000) }, now, 120_000)).toBe(false);
    expect(quietMoment({ sessionActive: false, lastActivity: new Date(now.getTime() - 120_000) }, now, 120_000)).toBe(true);
  });

  it('a trial is judged only on what worked before', () => {
    const both = baselineOf({ printer: 'ready', mis: 'ok' });
    expect(both).toEqual({ mis: true, printer: true });
    expect(baselineOf({ printer: 'paper-end', mis: 'down' })).toEqual({ mis: false, printer: false });
    expect(baselineOf({ printer: 'disabled', mis: 'ok' }).printer).toBe(true);
    expect(judgeTrial({ baseline: both, seen: { mis: true, printer: true }, elapsedMs: 1000, trialMs: 180_000 })).toEqual({ kind: 'confirm' });
    expect(judgeTrial({ baseline: both, seen: { mis: true, printer: false }, elapsedMs: 179_000, trialMs: 180_000 })).toEqual({ kind: 'wait' });
    expect(judgeTrial({ baseline: both, seen: { mis: true, printer: false }, elapsedMs: 180_000, trialMs: 180_000 })).toMatchObject({ kind: 'rollback', detail: expect.stringContaining('the printer') });
    expect(judgeTrial({ baseline: { mis: false, printer: false }, seen: { mis: false, printer: false }, elapsedMs: 0, trialMs: 1 })).toEqual({ kind: 'confirm' });
  });

  it('a layer moves on only with a higher revision', () => {
    const a: LayerSet = { fleet: doc('fleet.json', 3, { language: 'ru' }), clinic: doc('clinics/C42.json', 7, { language: 'en' }), kiosk: null };
    expect(revisionProblem(null, a)).toBeNull();
    expect(revisionProblem(a, a)).toBeNull();
    expect(revisionProblem(a, { ...a, clinic: doc('clinics/C42.json', 8, {}) })).toBeNull();
    expect(revisionProblem(a, { ...a, clinic: doc('clinics/C42.json', 6, {}) })).toMatch(/clinics\/C42\.json: revision 6/);
    expect(revisionProblem(a, { ...a, clinic: doc('clinics/C42.json', 7, { language: 'ru' }) })).toMatch(/revision 7 with other content/);
    // A clinic document removed, or another clinic's: no floor.
    expect(revisionProblem(a, { ...a, clinic: null })).toBeNull();
    expect(revisionProblem(a, { ...a, clinic: doc('clinics/C43.json', 1, {}) })).toBeNull();
  });
});
