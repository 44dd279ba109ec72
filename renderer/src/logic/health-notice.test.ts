import { describe, expect, it } from 'vitest';
import { healthNotice } from './health-notice';

describe('Welcome health notice', () => {
  it('MIS down blocks the start and outranks the printer', () => {
    expect(healthNotice({ printer: 'paper-end', mis: 'down', checkedAt: null })).toEqual({ kind: 'mis-down', text: { id: 'welcome.misDown' }, blocksStart: true });
  });

  it('a printer that cannot print warns but lets the patient book', () => {
    for (const printer of ['paper-end', 'cover-open', 'offline', 'error', 'disabled'] as const) {
      expect(healthNotice({ printer, mis: 'ok', checkedAt: null })).toMatchObject({ kind: 'no-slip', blocksStart: false });
    }
  });

  it('nothing to say when ready, low on paper, or not checked yet', () => {
    expect(healthNotice(null)).toBeNull();
    for (const printer of ['ready', 'near-end', 'unknown'] as const) {
      expect(healthNotice({ printer, mis: 'ok', checkedAt: null })).toBeNull();
    }
    expect(healthNotice({ printer: 'ready', mis: 'unknown', checkedAt: null })).toBeNull();
  });
});
