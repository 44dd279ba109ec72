// The pages the shell shows instead of the app: configuration problems, a failed start, and the
// calm «Перезапуск…» page of the crash-loop breaker. Static HTML in a data: URL with its own
// CSP (no scripts at all); large text readable from a metre away, in the kiosk's default
// language (the catalogue's words; there is no patient session to have chosen another).
// No `electron` import.
import { DEFAULT_LOCALE, t, type Locale } from '../common/i18n/locales';

export interface ServiceScreen {
  lang?: Locale;
  title: string;
  lead?: string;
  /** Listed one per line (configuration problems …). */
  items?: string[];
  footer?: string;
  /** Small print for the technician: config path, version, kiosk id. */
  technical?: string[];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `
  html,body{margin:0;height:100%;background:#f4f6f8;color:#1d2731;font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;cursor:default;user-select:none}
  main{box-sizing:border-box;min-height:100%;padding:6vh 6vw;display:flex;flex-direction:column;gap:3vh}
  h1{font-size:clamp(32px,4.2vw,64px);margin:0;font-weight:600}
  p.lead{font-size:clamp(22px,2.4vw,36px);margin:0;color:#3b4a58}
  ol{font-size:clamp(20px,2vw,30px);margin:0;padding-left:1.4em;line-height:1.45;overflow-wrap:anywhere}
  li{margin-bottom:.5em}
  p.footer{font-size:clamp(20px,2vw,30px);margin:0}
  small{font-size:clamp(14px,1.2vw,18px);color:#6b7884;margin-top:auto;overflow-wrap:anywhere}
`;

export function renderServiceScreenHtml(s: ServiceScreen): string {
  const items = s.items?.length ? `<ol>${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>` : '';
  const technical = s.technical?.length ? `<small>${s.technical.map(escapeHtml).join('<br>')}</small>` : '';
  return [
    `<!doctype html><html lang="${s.lang ?? DEFAULT_LOCALE}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no">',
    `<title>${escapeHtml(s.title)}</title><style>${STYLE}</style></head><body><main>`,
    `<h1>${escapeHtml(s.title)}</h1>`,
    s.lead ? `<p class="lead">${escapeHtml(s.lead)}</p>` : '',
    items,
    s.footer ? `<p class="footer">${escapeHtml(s.footer)}</p>` : '',
    technical,
    '</main></body></html>',
  ].join('');
}

export const dataUrlFor = (html: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;

// The configuration problems are the technician's (config/technician-messages.ts, Russian):
// the config file cannot say which language it wanted, so the frame is the default language.
const tr = t(DEFAULT_LOCALE);

export function configProblemsScreen(configPath: string, problems: string[], kioskVersion: string): string {
  return dataUrlFor(
    renderServiceScreenHtml({
      title: tr('app.outOfOrder'),
      lead: tr('app.configBrokenLead'),
      items: problems,
      footer: tr('app.forPatients'),
      technical: [tr('app.configFile', { path: configPath }), tr('app.version', { version: kioskVersion })],
    }),
  );
}

export function startFailedScreen(reason: string, kioskVersion: string): string {
  return dataUrlFor(
    renderServiceScreenHtml({
      title: tr('app.outOfOrder'),
      lead: tr('app.startFailedLead'),
      items: [reason],
      footer: tr('app.forPatients'),
      technical: [tr('app.version', { version: kioskVersion })],
    }),
  );
}

export function restartingScreen(): string {
  return dataUrlFor(
    renderServiceScreenHtml({
      title: tr('app.restarting'),
      lead: tr('app.restartingLead'),
    }),
  );
}
