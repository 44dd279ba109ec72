// The headers of every answer either host gives: files, the page, the browser host's bridge
// script, bridge answers, redirects and errors alike.
import { CSP } from '../../common/csp';

/**
 * The union of what the two hosts used to send on their own, so neither lost a protection:
 * Permissions-Policy came from the shell only, X-Frame-Options from the browser host only.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The page needs none of these; a script that asked would be refused by the page itself,
  // not only by the shell's permission handler (the browser host has no such handler).
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  // The same as CSP's frame-ancestors 'none', for anything that reads only the older header.
  'X-Frame-Options': 'DENY',
});

export const PLAIN_TEXT = 'text/plain; charset=utf-8';

const HASHED_ASSET = 'private, max-age=31536000, immutable';
const NO_STORE = 'no-store';

/**
 * Vite names every file under assets/ by a hash of its content, so a new build never reuses a
 * name and a kept copy can only ever be the right bytes: the browser may keep them (no refetch
 * on a reload, and Chromium reuses its V8 code cache for the bundle). Everything else — the
 * page, the browser host's bridge script and answers, redirects, errors — is no-store, so a new
 * build or a revoked renderer is never answered from a cache.
 *
 * The shell used to answer every file `no-cache` and its errors with no Cache-Control at all.
 * Nothing in its code or history gives a reason (it came with the first shell commit), and the
 * browser host's rule was already written counting on app:// keeping its code cache, so the
 * shell follows this rule now: stricter for the page and errors, the same for hashed files.
 *
 * @param rendererFile the file's path inside the build (`resolveRendererPath`'s `rel`) when the
 *   answer is that file as built; omitted for anything else.
 */
export function cacheControlFor(rendererFile?: string): string {
  return rendererFile?.startsWith('assets/') ? HASHED_ASSET : NO_STORE;
}

/** Security headers, the type and the cache rule: all either host sends with an answer. */
export function responseHeaders(contentType: string, rendererFile?: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': cacheControlFor(rendererFile) };
}
