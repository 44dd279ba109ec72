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

// The first layout of Welcome should already have its web fonts: without them it lays out with
// a system fallback, then again when they arrive. Preloading the six woff2 files of
// styles/fonts.css starts their download with the HTML's, not after the CSS and the bundle.
function preloadFonts(): Plugin {
  return {
    name: 'infomat-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) => /golos-text-(cyrillic|latin)-\d00-normal-[\w-]+\.woff2$/.test(f));
        if (fonts.length !== 6) throw new Error(`preloadFonts: expected 6 woff2 files in the bundle, found ${fonts.length}`);
        return fonts.sort().map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `./${f}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), metaCsp(), devCsp(), preloadFonts()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inlined fonts would become data: URLs, which font-src 'self' rejects.
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
});
