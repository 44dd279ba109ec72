// Welcome's «поднесите полис к сканеру»: our own simplified drawing of the kiosk with its
// scanner window lit where it really is (config `scanner.place`), and what to hold to it. A
// serial 2D imager reads the paper policy's barcode and the QR of the policy from Госуслуги; a
// keyboard-wedge scanner only codes made of digits, so the QR alone
// (../shared/design/identification-scanners.md, §1, §3, §7). The plastic policy has a chip and no
// barcode a scanner can read (§2): it is not drawn, the typing button says so. No text inside the
// drawing (too small to read); the caption says it in words.
import type { KioskInfo } from '../../../electron/common/bridge-contract';

type Place = KioskInfo['scannerPlace'];
type Reads = 'serial' | 'keyboard';

/**
 * The scanner's window on the kiosk drawn at 20..220 × 10..290. A window on the left is the
 * right-hand picture mirrored, so the documents are always on the window's side.
 */
const WINDOW: Record<'below' | 'side', { x: number; y: number; w: number; h: number; screenX: number; screenW: number }> = {
  below: { x: 70, y: 214, w: 100, h: 26, screenX: 36, screenW: 168 },
  side: { x: 190, y: 80, w: 22, h: 80, screenX: 32, screenW: 148 },
};

/** A PDF417-like stacked barcode: rows of bars of varied widths (not a real code). */
function StackedBarcode({ x, y }: { x: number; y: number }) {
  const rows = [
    [3, 1, 2, 1, 1, 3, 2, 1, 1, 2, 3, 1, 2],
    [1, 2, 3, 1, 2, 1, 1, 3, 2, 1, 1, 2, 3],
    [2, 1, 1, 3, 1, 2, 3, 1, 1, 2, 1, 3, 1],
    [1, 3, 2, 1, 2, 1, 1, 2, 3, 1, 2, 1, 2],
  ];
  const bars: Array<{ x: number; y: number; w: number }> = [];
  rows.forEach((widths, r) => {
    let cx = x;
    widths.forEach((w, i) => {
      if (i % 2 === 0) bars.push({ x: cx, y: y + r * 9, w: w * 2 });
      cx += w * 2 + 1;
    });
  });
  return (
    <g className="sp-code">
      {bars.map((b) => (
        <rect key={`${b.x}-${b.y}`} x={b.x} y={b.y} width={b.w} height={8} />
      ))}
    </g>
  );
}

/** A QR-like block: three finder squares and a fixed scatter of modules (not a real code). */
function QrMark({ x, y, size }: { x: number; y: number; size: number }) {
  const m = size / 21;
  const finder = (fx: number, fy: number) => (
    <g key={`${fx}-${fy}`}>
      <rect x={x + fx * m} y={y + fy * m} width={7 * m} height={7 * m} />
      <rect className="sp-code-gap" x={x + (fx + 1) * m} y={y + (fy + 1) * m} width={5 * m} height={5 * m} />
      <rect x={x + (fx + 2) * m} y={y + (fy + 2) * m} width={3 * m} height={3 * m} />
    </g>
  );
  const dots = [
    [9, 1], [11, 2], [9, 4], [12, 5], [10, 8], [1, 9], [3, 10], [6, 9], [9, 9], [12, 10], [15, 9], [18, 10], [20, 12],
    [10, 12], [13, 13], [16, 14], [9, 15], [11, 17], [14, 18], [17, 16], [19, 19], [12, 20], [9, 19], [15, 11], [4, 12],
  ];
  return (
    <g className="sp-code">
      {finder(0, 0)}
      {finder(14, 0)}
      {finder(0, 14)}
      {dots.map(([dx, dy]) => (
        <rect key={`${dx}-${dy}`} x={x + dx! * m} y={y + dy! * m} width={m * 1.6} height={m * 1.6} />
      ))}
    </g>
  );
}

export function ScanPicture({ place, reads, labelledBy }: { place: Place; reads: Reads; labelledBy: string }) {
  const below = place === 'below';
  const win = WINDOW[below ? 'below' : 'side'];
  // From the nearest document to just outside the window: up from under it, or in from its side.
  const from = reads === 'serial' ? { x: 300, y: 160 } : { x: 420, y: 160 };
  const to = below ? { x: win.x + win.w / 2 + 20, y: win.y + win.h + 14 } : { x: win.x + win.w + 12, y: win.y + win.h / 2 };
  const c1 = below ? `${from.x - 40},${from.y + 90}` : `${from.x - 40},${from.y}`;
  const c2 = below ? `${to.x + 90},${to.y + 30}` : `${to.x + 50},${to.y}`;
  return (
    <svg className="scan-svg" viewBox="0 0 540 300" role="img" aria-labelledby={labelledBy} data-testid="scan-picture" data-place={place}>
      <defs>
        <marker id="scan-arrow-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
          <path className="sp-arrow-head" d="M0,0 L10,5 L0,10 z" />
        </marker>
      </defs>
      <g transform={place === 'left' ? 'translate(540 0) scale(-1 1)' : undefined}>
        {/* The kiosk: body, screen, a foot; the scanner's window lit. */}
        <rect className="sp-body" x="20" y="10" width="200" height="250" rx="14" />
        <rect className="sp-screen" x={win.screenX} y="26" width={win.screenW} height="176" rx="6" />
        <rect className="sp-foot" x="90" y="260" width="60" height="30" />
        <rect className="sp-window" x={win.x} y={win.y} width={win.w} height={win.h} rx="5" />
        <rect className="sp-glow" x={win.x - 6} y={win.y - 6} width={win.w + 12} height={win.h + 12} rx="9" />
        <path className="sp-arrow" d={`M${from.x},${from.y} C${c1} ${c2} ${to.x},${to.y}`} markerEnd="url(#scan-arrow-head)" />
        {reads === 'serial' && (
          // The paper policy of the unified form: an A5 sheet, lines of text, the stacked barcode.
          <g>
            <rect className="sp-sheet" x="310" y="40" width="100" height="140" rx="4" />
            {[52, 62, 72].map((y, i) => (
              <rect key={y} className="sp-text" x="322" y={y} width={i === 1 ? 56 : 76} height="5" rx="2" />
            ))}
            <StackedBarcode x={322} y={90} />
            {[134, 144, 154, 164].map((y, i) => (
              <rect key={y} className="sp-text" x="322" y={y} width={i % 2 ? 50 : 74} height="4" rx="2" />
            ))}
          </g>
        )}
        {/* A phone showing the policy's QR from Госуслуги. */}
        <g>
          <rect className="sp-phone" x="430" y="60" width="96" height="180" rx="14" />
          <rect className="sp-phone-screen" x="438" y="76" width="80" height="146" rx="4" />
          <rect className="sp-text" x="448" y="88" width="60" height="6" rx="3" />
          <QrMark x={446} y={112} size={64} />
          <rect className="sp-text" x="452" y="190" width="52" height="5" rx="2" />
        </g>
      </g>
    </svg>
  );
}
