import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { misPath, pathSegment } from './path-segment';

describe('pathSegment', () => {
  it.each(['', '.', '..', 'a/b', 'a\\b', '%2e%2e', 'a?b', 'a#b', 'a\u0000', 'a\nb', 'a\u007f', 'a\u0085'])('refuses %j', (s) => {
    expect(() => pathSegment(s)).toThrow(ApiError);
  });

  it('keeps a canonical GUID as it is', () => {
    expect(pathSegment('3c1e7b2a-0000-4000-8000-000000000001')).toBe('3c1e7b2a-0000-4000-8000-000000000001');
  });

  it('whatever it accepts stays one segment that no server reads as a dot segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        let out: string;
        try {
          out = pathSegment(s);
        } catch (e) {
          expect(e).toMatchObject({ reason: 'bad_path_segment' });
          return;
        }
        expect(out).not.toMatch(/[/\\?#]/);
        expect(['', '.', '..']).not.toContain(decodeURIComponent(out));
        expect(decodeURIComponent(out)).toBe(s);
      }),
    );
  });

  it('misPath checks every interpolated value', () => {
    expect(misPath`/visit/${'l2'}/${'t1'}`).toBe('/visit/l2/t1');
    expect(() => misPath`/visit/${'l2'}/${'..'}`).toThrow(ApiError);
  });
});
