import { describe, expect, it } from 'vitest';
import { renderSlipHtml, slipPageSizeMm } from './html-slip';
import { longTicket, sampleSlip } from './sample-slips';

describe('renderSlipHtml', () => {
  it('is a self-contained page with the slip content and the QR inline', () => {
    const html = renderSlipHtml(sampleSlip({ reprint: true }), 80);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('№ 037.91');
    expect(html).toContain('Кабинет 214, этаж 2');
    expect(html).toContain('09:15');
    expect(html).toContain('ПОВТОРНАЯ ПЕЧАТЬ');
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    expect(html).not.toMatch(/https?:|url\(|@import|<script|<link/i);
    expect(html).toContain('@page { size: 80mm');
  });

  it('escapes text from the MIS', () => {
    const ticket = { ...longTicket, doctorName: '<b>Иванов</b> & Co' };
    const html = renderSlipHtml(sampleSlip({ ticket }), 58);
    expect(html).toContain('&lt;b&gt;Иванов&lt;/b&gt; &amp; Co');
    expect(html).not.toContain('<b>Иванов');
  });

  it('sizes the page for the roll', () => {
    const slip = sampleSlip({ ticket: longTicket });
    const p58 = slipPageSizeMm(slip, 58);
    const p80 = slipPageSizeMm(slip, 80);
    expect(p58.widthMm).toBe(58);
    expect(p80.widthMm).toBe(80);
    // The narrow roll wraps more lines.
    expect(p58.heightMm).toBeGreaterThan(p80.heightMm - 5);
    expect(p80.heightMm).toBeGreaterThan(80);
    expect(p80.heightMm).toBeLessThan(300);
  });
});
