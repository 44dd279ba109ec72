// QR modules as SVG geometry, shared by the HTML slip and the virtual printer's image, so
// both draw the same symbol a printer would (model 2, error correction M, as we send it).
import QRCode from 'qrcode';

export interface QrGeometry {
  /** Modules per side. */
  modules: number;
  /** SVG path of the dark modules, one rectangle per horizontal run. */
  path: string;
  /** Side in user units, without quiet zone. */
  side: number;
}

export function qrGeometry(data: string, moduleSize: number, x0 = 0, y0 = 0): QrGeometry {
  const m = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
  const parts: string[] = [];
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.get(r, c)) c++;
      parts.push(`M${x0 + start * moduleSize} ${y0 + r * moduleSize}h${(c - start) * moduleSize}v${moduleSize}h${-(c - start) * moduleSize}z`);
    }
  }
  return { modules: m.size, path: parts.join(''), side: m.size * moduleSize };
}

/** A standalone SVG document of the symbol with the standard 4-module quiet zone. */
export function qrSvgDocument(data: string): string {
  const quiet = 4;
  const g = qrGeometry(data, 1, quiet, quiet);
  const size = g.modules + quiet * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${g.path}" fill="#000"/></svg>`;
}
