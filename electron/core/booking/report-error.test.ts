import { describe, expect, it } from 'vitest';
import type { Logger } from '../ports';
import { reportRendererError } from './report-error';

describe('reportRendererError', () => {
  it('logs renderer.error with what and where, and answers null', async () => {
    const lines: unknown[] = [];
    const log: Logger = { info() {}, warn() {}, audit() {}, error: (event, data) => void lines.push({ event, data }) };
    await expect(reportRendererError(log)({ message: 'RangeError: not a date', where: 'ticket' })).resolves.toBeNull();
    expect(lines).toEqual([{ event: 'renderer.error', data: { message: 'RangeError: not a date', where: 'ticket' } }]);
  });
});
