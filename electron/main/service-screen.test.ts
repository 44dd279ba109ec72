import { describe, expect, it } from 'vitest';
import { configProblemsScreen, renderServiceScreenHtml, restartingScreen } from './service-screen';

describe('service screens', () => {
  it('escapes whatever it lists and carries a no-script CSP', () => {
    const html = renderServiceScreenHtml({ title: 'T', items: ['<script>alert(1)</script> & "x"'] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).toContain('lang="ru"');
  });
  it('lists config problems in Russian with the file path', () => {
    const url = configProblemsScreen('/etc/infomat/config.json', ['printer.transport.port: ожидается целое число от 1 до 65535'], '0.1.0');
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const html = decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
    expect(html).toContain('Ошибка в файле настроек');
    expect(html).toContain('printer.transport.port: ожидается целое число от 1 до 65535');
    expect(html).toContain('/etc/infomat/config.json');
    expect(decodeURIComponent(restartingScreen())).toContain('Перезапуск…');
  });
});
