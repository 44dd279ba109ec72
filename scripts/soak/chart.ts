// A line chart of one resource over sessions, as a self-contained SVG (rendered to PNG with
// resvg, already a dev dependency). No charting library is installed in this repository, and
// none may be added offline; this draws the one kind of chart the report needs: a series,
// its least-squares line over the measured stretch, shaded windows (paper out, MIS down …)
// and marked events (kiosk restarts, renderer crashes and reloads, day changes, the DST switch).

export interface ChartBand {
  from: number;
  to: number;
  kind: string;
}

export interface ChartEvent {
  x: number;
  kind: string;
}

export interface ChartInput {
  title: string;
  unit: string;
  points: ReadonlyArray<readonly [number, number]>;
  /** The fitted line: y = a + b·x over [from, to]. */
  fit?: { a: number; b: number; from: number; to: number; label: string };
  bands?: readonly ChartBand[];
  events?: readonly ChartEvent[];
  /** Small ticks along the bottom: MIS faults, one per session that had one. */
  ticks?: readonly ChartEvent[];
  xMax: number;
  width?: number;
  height?: number;
}

export const BAND_COLORS: Record<string, string> = {
  'mis-down': '#f4c7c3',
  'paper-end': '#fde2b5',
  'paper-near-end': '#fff3cd',
  'cover-open': '#e1d5f5',
  'printer-offline': '#d3dce6',
};
export const EVENT_COLORS: Record<string, string> = {
  restart: '#c62828',
  'renderer-crash': '#6a1b9a',
  'renderer-reload': '#1565c0',
  'clock-ntp': '#2e7d32',
  dst: '#ef6c00',
  day: '#b0b0b0',
  stuck: '#000000',
};
export const TICK_COLORS: Record<string, string> = {
  'mis-5xx': '#c62828',
  'mis-timeout': '#ef6c00',
  'mis-cut': '#6d4c41',
  'lost-answer': '#ad1457',
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** 1, 2 or 5 × a power of ten, so that about `n` ticks cover [lo, hi]. */
export function niceStep(lo: number, hi: number, n = 5): number {
  const span = Math.max(hi - lo, 1e-9);
  const raw = span / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

export function lineChart(c: ChartInput): string {
  const W = c.width ?? 960;
  const H = c.height ?? 300;
  const L = 70;
  const R = 20;
  const T = 34;
  const B = 46;
  const pw = W - L - R;
  const ph = H - T - B;
  const ys = c.points.map(([, y]) => y);
  let lo = ys.length ? Math.min(...ys) : 0;
  let hi = ys.length ? Math.max(...ys) : 1;
  if (c.fit) {
    for (const x of [c.fit.from, c.fit.to]) {
      lo = Math.min(lo, c.fit.a + c.fit.b * x);
      hi = Math.max(hi, c.fit.a + c.fit.b * x);
    }
  }
  // Start the axis at 0 unless the data sit far above it: growth should look its true size.
  if (lo > 0 && lo < hi * 0.6) lo = 0;
  if (hi - lo < 1e-9) {
    hi += 1;
    lo = Math.max(0, lo - 1);
  }
  const ystep = niceStep(lo, hi);
  lo = Math.floor(lo / ystep) * ystep;
  hi = Math.ceil(hi / ystep) * ystep;
  const xMax = Math.max(c.xMax, 1);
  const sx = (x: number) => L + (x / xMax) * pw;
  const sy = (y: number) => T + ph - ((y - lo) / (hi - lo)) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${L}" y="20" font-size="14" font-weight="bold">${esc(c.title)} (${esc(c.unit)})</text>`);
  for (const b of c.bands ?? []) {
    const x0 = sx(b.from);
    const x1 = Math.max(sx(b.to), x0 + 1);
    out.push(`<rect x="${x0.toFixed(1)}" y="${T}" width="${(x1 - x0).toFixed(1)}" height="${ph}" fill="${BAND_COLORS[b.kind] ?? '#eeeeee'}" opacity="0.8"><title>${esc(b.kind)}</title></rect>`);
  }
  // Grid and axes.
  for (let y = lo; y <= hi + ystep / 2; y += ystep) {
    out.push(`<line x1="${L}" x2="${L + pw}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${L - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end" fill="#555">${fmt(y)}</text>`);
  }
  const xstep = niceStep(0, xMax, 8);
  for (let x = 0; x <= xMax + xstep / 2; x += xstep) {
    out.push(`<line x1="${sx(x).toFixed(1)}" x2="${sx(x).toFixed(1)}" y1="${T + ph}" y2="${T + ph + 4}" stroke="#555"/>`);
    out.push(`<text x="${sx(x).toFixed(1)}" y="${T + ph + 17}" text-anchor="middle" fill="#555">${Number.isInteger(xstep) ? x.toFixed(0) : fmt(x)}</text>`);
  }
  out.push(`<text x="${L + pw / 2}" y="${H - 8}" text-anchor="middle" fill="#333">sessions</text>`);
  out.push(`<line x1="${L}" x2="${L}" y1="${T}" y2="${T + ph}" stroke="#555"/><line x1="${L}" x2="${L + pw}" y1="${T + ph}" y2="${T + ph}" stroke="#555"/>`);
  for (const e of c.events ?? []) {
    const dash = e.kind === 'day' ? ' stroke-dasharray="2,4"' : '';
    out.push(`<line x1="${sx(e.x).toFixed(1)}" x2="${sx(e.x).toFixed(1)}" y1="${T}" y2="${T + ph}" stroke="${EVENT_COLORS[e.kind] ?? '#888'}" stroke-width="${e.kind === 'day' ? 1 : 1.5}"${dash}><title>${esc(e.kind)}</title></line>`);
  }
  for (const e of c.ticks ?? []) {
    out.push(`<line x1="${sx(e.x).toFixed(1)}" x2="${sx(e.x).toFixed(1)}" y1="${T + ph - 6}" y2="${T + ph}" stroke="${TICK_COLORS[e.kind] ?? '#888'}"/>`);
  }
  if (c.points.length) {
    const d = c.points.map(([x, y], i) => `${i ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join('');
    out.push(`<path d="${d}" fill="none" stroke="#1f4e79" stroke-width="1.8"/>`);
    for (const [x, y] of c.points) out.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2" fill="#1f4e79"/>`);
  }
  if (c.fit) {
    const { a, b, from, to } = c.fit;
    out.push(`<line x1="${sx(from).toFixed(1)}" y1="${sy(a + b * from).toFixed(1)}" x2="${sx(to).toFixed(1)}" y2="${sy(a + b * to).toFixed(1)}" stroke="#d62728" stroke-width="1.5" stroke-dasharray="6,4"/>`);
    out.push(`<text x="${L + pw}" y="20" text-anchor="end" fill="#d62728">${esc(c.fit.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The least-squares line through the points: intercept and slope. */
export function fitLine(points: ReadonlyArray<readonly [number, number]>): { a: number; b: number } | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  if (den === 0) return null;
  const b = num / den;
  return { a: my - b * mx, b };
}
