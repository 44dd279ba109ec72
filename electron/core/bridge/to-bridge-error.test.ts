import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { toBridgeError } from './to-bridge-error';

describe('toBridgeError', () => {
  it('4008 names the patient by surname and initials only on the public screen', () => {
    const err = new ApiError(
      'validation',
      400,
      '4008',
      'Вы уже записаны Сидоров Алексей Николаевич на 12.12.2026 9:15. Запрещено иметь более одной активной записи на прием на одну специальность.',
      'booking refused',
    );
    const e = toBridgeError(err);
    expect(e.code).toBe('4008');
    expect(e.message).not.toContain('Алексей');
    expect(e.message).not.toContain('Николаевич');
    expect(e.message).toContain('Сидоров\u00a0А.\u00a0Н.');
    expect(e.message).toContain('12.12.2026 09:15');
  });

  it('a message without a name passes through, typeset', () => {
    const err = new ApiError('validation', 400, '4009', 'Это время уже занято.', 'slot taken');
    expect(toBridgeError(err).message).toBe('Это время уже занято.');
  });
});
