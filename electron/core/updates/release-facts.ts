// The two facts the kiosk itself reads from update metadata: the version and the installers'
// SHA-512s. Read only AFTER the signature verified, so the text is ours (electron-builder's
// output, edited by our release procedure) and a line reader of that one format is enough;
// electron-updater parses the same verified text with its own YAML reader.

export interface ReleaseFacts {
  version: string;
  /** Every sha512 the file names (each installer's, and the legacy top-level one). */
  sha512: string[];
}

const VERSION_LINE = /^version:[ \t]*(['"]?)([0-9A-Za-z.+-]+)\1[ \t]*$/gm;
const SHA512_LINE = /^[ \t]*(?:-[ \t]+)?sha512:[ \t]*(['"]?)([A-Za-z0-9+/]+={0,2})\1[ \t]*$/gm;

/** null when the text has no single top-level version or names no sha512: not release metadata. */
export function readReleaseFacts(text: string): ReleaseFacts | null {
  const versions = [...text.matchAll(VERSION_LINE)].map((m) => m[2]!);
  if (versions.length !== 1 || parseVersion(versions[0]!) === null) return null;
  const sha512 = [...new Set([...text.matchAll(SHA512_LINE)].map((m) => m[2]!))];
  if (sha512.length === 0) return null;
  return { version: versions[0]!, sha512 };
}

interface Semver {
  core: [number, number, number];
  pre: string[];
}

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

function parseVersion(v: string): Semver | null {
  const m = SEMVER.exec(v);
  if (!m) return null;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] };
}

/** Semver precedence (build metadata ignored): < 0 when a is older than b. Throws on a non-version. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`not a semver version: ${x ? b : a}`);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! - y.core[i]!;
  // A release sorts after its prereleases (1.5.0-beta.1 < 1.5.0).
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
