import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP } from '../electron/common/csp';

// index.html carries the same policy as the HTTP header of both hosts (one source:
// electron/common/csp.ts). A <meta> policy may not hold frame-ancestors, so that one stays
// header-only.
const META_CSP = CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

function metaCsp(): Plugin {
  return {
    name: 'infomat-meta-csp',
    enforce: 'pre',
    transformIndexHtml: (html) => html.replace('%INFOMAT_CSP%', META_CSP),
  };
}

// The dev server needs an inline React-refresh preamble and a websocket for HMR, both of
// which the production CSP forbids. Relax the policy only while serving, so the built
// index.html keeps the strict one verbatim.
function devCsp(): Plugin {
  return {
    name: 'infomat-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*");
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), metaCsp(), devCsp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inlined fonts would become data: URLs, which font-src 'self' rejects.
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
});
