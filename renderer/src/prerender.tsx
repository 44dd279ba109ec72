// Build time only (renderer/vite.config.mts renders this under Node into index.html): Welcome
// as React draws it on a fresh start, so the kiosk shows it as soon as the HTML and the CSS are
// in, while the bundle is still being read. boot/boot.js keeps a tap on it until React takes
// over; React then replaces this markup with its own (createRoot clears the container).
import { renderToString } from 'react-dom/server';
import type { KioskBridge } from '../../electron/common/bridge-contract';
import { DEFAULT_LOCALE, t } from '../../electron/common/i18n/locales';
import { App } from './App';
import { FlowProvider } from './store/context';
import { ServiceBridgeProvider } from './service/context';
import { createFlowStore } from './store/flow-store';

/** Rendering must not call the host: there is none at build time, and a call would hang the build. */
const NO_HOST = new Proxy({} as KioskBridge, {
  get(_t, method) {
    return () => {
      throw new Error(`prerender: the first render of Welcome called the bridge (${String(method)})`);
    };
  },
});

const PRERENDER_MARK = 'data-prerendered';

export function renderWelcome(): string {
  const store = createFlowStore(NO_HOST);
  const html = renderToString(
    <FlowProvider store={store}>
      <ServiceBridgeProvider bridge={NO_HOST}>
        <App />
      </ServiceBridgeProvider>
    </FlowProvider>,
  );
  // The mark tells boot.js (and the bench) which Welcome is the picture and which is React's;
  // boot.js says the catalogue's line from it if React never comes.
  const failed = t(DEFAULT_LOCALE)('app.bootFailed').replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const marked = html.replace(/^<div class="app"/, `<div ${PRERENDER_MARK}="" data-boot-failed="${failed}" class="app"`);
  if (marked === html || !marked.includes('data-testid="screen-welcome"')) throw new Error('prerender: Welcome did not render as expected');
  return marked;
}
