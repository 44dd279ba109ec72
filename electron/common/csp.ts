/**
 * The renderer's Content-Security-Policy: the header both hosts send with every answer
 * (electron/core/serving) and, without frame-ancestors, the <meta> of index.html
 * (renderer/vite.config.mts). No 'unsafe-inline' anywhere: Vite emits CSS files and React sets
 * inline styles through CSSOM, which CSP does not block; the shell's cursor-hiding CSS goes in
 * through `webContents.insertCSS`, which CSP does not govern. The page plays no media and uses
 * no frames or workers; naming them here keeps that true whatever default-src becomes.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "frame-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
