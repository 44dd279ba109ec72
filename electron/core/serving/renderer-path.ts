// Which file of the built renderer a request names. Both hosts hand over the path of the
// request as it arrived (still percent-encoded, no query): Electron's from the app:// URL,
// the browser host's from the request line. Nothing outside the build folder is ever named.
import path from 'node:path';

export type RendererPath =
  /** `rel`: the file's path inside the build, '/'-separated ('index.html', 'assets/x.js'). */
  | { ok: true; rel: string; file: string }
  /** 400: not a path or a broken % escape; 403: a path the build never uses, refused. */
  | { ok: false; status: 400 | 403 };

/**
 * Maps a request path to a file under `root`, or refuses it. `/` is index.html. Refused: an
 * encoded separator or NUL (%2F, %5C, %00), a decoded NUL or backslash, any `.` or `..`
 * segment, and anything that would still resolve outside `root`. Our bundle's URLs contain
 * none of these, so each is refused rather than interpreted.
 */
export function resolveRendererPath(rawPath: string, root: string): RendererPath {
  if (!rawPath.startsWith('/')) return { ok: false, status: 400 };
  if (/%2f|%5c|%00/i.test(rawPath)) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  // Segments alone are not enough on Windows (a drive letter, `C:`), so the resolved file is
  // checked against the root too.
  const absRoot = path.resolve(root);
  const file = path.resolve(absRoot, rel);
  const inside = path.relative(absRoot, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, rel, file };
}
