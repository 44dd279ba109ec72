import { describe, expect, it } from 'vitest';
import { compareVersions, readReleaseFacts } from './release-facts';
import { installerSha512, releaseYml } from './testing/releases';

describe('release facts', () => {
  it('reads the version and every installer hash of electron-builder metadata', () => {
    expect(readReleaseFacts(releaseYml('1.5.0').toString('utf8'))).toEqual({ version: '1.5.0', sha512: [installerSha512('1.5.0')] });
    const windows = ["version: '2.0.0-beta.3'", 'files:', '  - url: Infomat Setup 2.0.0-beta.3.exe', '    sha512: "AbC+/=="', '    size: 1', 'path: x', 'sha512: "AbC+/=="', ''].join('\n');
    expect(readReleaseFacts(windows)).toEqual({ version: '2.0.0-beta.3', sha512: ['AbC+/=='] });
  });

  it.each([
    ['builder-debug.yml (no version)', 'x64:\n  firstOrDefaultFilePatterns:\n    - "**/*"\n'],
    ['two versions', 'version: 1.0.0\nversion: 2.0.0\nsha512: AA==\n'],
    ['a version that is not semver', 'version: latest\nsha512: AA==\n'],
    ['no installer hash', 'version: 1.0.0\npath: x\n'],
  ])('%s: not release metadata', (_name, text) => {
    expect(readReleaseFacts(text)).toBeNull();
  });

  it('orders versions as semver does (a release after its prereleases)', () => {
    const ordered = ['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0', '2.0.0'];
    for (let i = 0; i < ordered.length - 1; i++) {
      expect(compareVersions(ordered[i]!, ordered[i + 1]!)).toBeLessThan(0);
      expect(compareVersions(ordered[i + 1]!, ordered[i]!)).toBeGreaterThan(0);
    }
    expect(compareVersions('1.5.0', '1.5.0+build.7')).toBe(0);
    expect(() => compareVersions('1.5', '1.5.0')).toThrow(/not a semver/);
  });
});
