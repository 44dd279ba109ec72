import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP } from '../electron/common/csp';
import { DEFAULT_LOCALE, t } from '../electron/common/i18n/locales';

// index.html carries the same policy as the HTTP header of both hosts (one source:
// electron/common/csp.ts). A <meta> policy may not hold frame-ancestors, so that one stays
// header-only.
const META_CSP = CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

// The page's language and title before React runs come from the catalogue too (React then sets
// them for the session's language).
function metaCsp(): Plugin {
  return {
    name: 'infomat-meta-csp',
    enforce: 'pre',
    transformIndexHtml: (html) =>
      html.replace('%INFOMAT_CSP%', META_CSP).replace('%INFOMAT_LANG%', DEFAULT_LOCALE).replace('%INFOMAT_TITLE%', t(DEFAULT_LOCALE)('app.title')),
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

// Welcome as React first draws it, written into index.html (renderer/src/prerender.tsx), with
// boot/boot.js right after it: the kiosk shows Welcome once the HTML and the CSS are in,
// while the bundle is still being read, and a tap on it then is kept for React.
function prerenderWelcome(root: string): Plugin {
  // Under /assets/ with its content hash in the name, like the bundle: the hosts let the
  // browser keep it (a no-store fetch here would hold the parser, and the picture, on every load).
  const bootSource = readFileSync(path.join(root, 'boot', 'boot.js'), 'utf8');
  const bootFile = `assets/boot-${createHash('sha256').update(bootSource).digest('hex').slice(0, 8)}.js`;
  return {
    name: 'infomat-prerender-welcome',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: bootFile, source: bootSource });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const server = await createServer({
          configFile: false,
          root,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false, watch: null },
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const { renderWelcome } = (await server.ssrLoadModule('/src/prerender.tsx')) as { renderWelcome(): string };
          const empty = '<div id="root"></div>';
          if (!html.includes(empty)) throw new Error('prerenderWelcome: no empty #root in index.html');
          return html.replace(empty, `<div id="root">${renderWelcome()}</div>\n    <script src="./${bootFile}"></script>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}

const ROOT = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: ROOT,
  base: './',
  plugins: [react(), metaCsp(), devCsp(), preloadFonts(), prerenderWelcome(ROOT)],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inlined fonts would become data: URLs, which font-src 'self' rejects.
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
});
