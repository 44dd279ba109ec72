// Service mode as a technician meets it: five taps in the top-left corner, the PIN keypad, the
// lock after five wrong PINs, and the service screens over the real core, the real virtual
// printer and the simulator. The lock lasts five real minutes in the core, so the lock test
// runs on a stack of its own and the other tests never meet it.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, Kiosk, test } from '../support/fixtures';
import { E2E_SERVICE_PIN, E2E_SERVICE_PIN_HASH } from '../support/service-pin';
import { startStack } from '../support/stack';

type Answer = { ok: boolean; value?: unknown; error?: { kind: string; message: string } };

/** A bridge call straight from the page, as a script in the renderer could make it. */
function call(page: Page, method: string, input: object): Promise<Answer> {
  return page.evaluate(
    ([m, i]) => (window as unknown as { kiosk: Record<string, (i: object) => Promise<Answer>> }).kiosk[m as string]!(i as object),
    [method, input] as const,
  );
}

async function cornerTaps(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) await page.touchscreen.tap(14, 14);
}

async function typePin(page: Page, pin: string): Promise<void> {
  const pad = page.getByTestId('service-pin');
  for (const d of pin) await pad.getByTestId(`key-${d}`).click();
  await pad.getByTestId('service-pin-submit').click();
}

async function openService(page: Page): Promise<void> {
  await cornerTaps(page);
  await expect(page.getByTestId('service-pin')).toHaveAttribute('data-state', 'ready');
  await typePin(page, E2E_SERVICE_PIN);
  await expect(page.getByTestId('service-panel')).toBeVisible();
}

test('service mode: five wrong PINs lock entry and the keypad says for how long; the patient is left alone', async ({ page }, testInfo) => {
  const stack = await startStack(`${testInfo.project.name}-service-lock`);
  try {
    const kiosk = new Kiosk(page, stack, path.resolve('artifacts', 'screens', testInfo.project.name));
    await kiosk.open();
    await kiosk.identify('P1');
    await expect(page.getByTestId('screen-referrals')).toBeVisible();

    await cornerTaps(page);
    const pad = page.getByTestId('service-pin');
    await expect(pad).toHaveAttribute('data-state', 'ready');
    await expect(pad).toContainText('Введите PIN-код техника');
    await pad.getByTestId('key-1').click();
    await pad.getByTestId('key-2').click();
    await kiosk.shot('service-01-keypad');
    await pad.getByTestId('key-clear').click();

    const message = page.getByTestId('service-pin-message');
    for (let left = 4; left >= 1; left--) {
      await typePin(page, '111111');
      await expect(message).toHaveText(`Неверный PIN-код. Осталось попыток: ${left}`);
    }
    await typePin(page, '111111');
    await expect(pad).toHaveAttribute('data-state', 'locked');
    await expect(message).toHaveText('Вход заблокирован после 5 неверных попыток. Попробуйте снова через 5\u00a0минут.');
    await expect(pad.getByTestId('key-1')).toHaveCount(0);
    await kiosk.shot('service-02-locked');

    // Closing the keypad and coming back does not reset the count: it lives in the core.
    await page.getByTestId('service-pin-cancel').click();
    await expect(pad).toHaveCount(0);
    await cornerTaps(page);
    await expect(pad).toHaveAttribute('data-state', 'locked');
    // Nor does going round the keypad: the right PIN straight through the bridge is refused too.
    expect(await call(page, 'serviceEnter', { pin: E2E_SERVICE_PIN })).toEqual({ ok: true, value: { state: 'locked', minutesLeft: 5 } });
    expect((await call(page, 'serviceStatus', {})).error?.kind).toBe('session');

    // Wrong PINs never touched the patient who was at the screen.
    await page.getByTestId('service-pin-cancel').click();
    await expect(page.getByTestId('screen-referrals')).toBeVisible();
    expect((await call(page, 'listReferrals', {})).ok).toBe(true);

    // Every attempt is in the audit trail, never a digit of it.
    const audit = stack.logLines.filter((l) => l.includes('"service.'));
    expect(audit.filter((l) => l.includes('service.wrong_pin'))).toHaveLength(4);
    expect(audit.filter((l) => l.includes('service.locked'))).toHaveLength(1);
    expect(audit.filter((l) => l.includes('service.entry_refused'))).toHaveLength(1);
    expect(stack.logLines.join('\n')).not.toMatch(/111111|246810/);
  } finally {
    await stack.close();
  }
});

test('service mode: the right PIN ends the patient session; test slip «ТЕСТОВАЯ ПЕЧАТЬ», paper counter, MIS check, summary without secrets, log', async ({ kiosk, page }) => {
  // A renderer alone cannot reach the service methods.
  for (const m of ['serviceStatus', 'servicePrintTest', 'servicePaperReplaced', 'serviceLog', 'serviceRestart']) {
    expect((await call(page, m, {})).error?.kind, m).toBe('session');
  }
  expect(kiosk.printed()).toHaveLength(0);

  await kiosk.identify('P1');
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  await openService(page);
  // The patient's session went first: the bridge refuses their calls, and the screen behind is Welcome.
  expect((await call(page, 'listReferrals', {})).error?.kind).toBe('session');

  await expect(page.getByTestId('service-printer-state')).toHaveText('Готов к печати');
  const printed = page.getByTestId('service-paper-printed');
  const before = Number(await printed.textContent());
  await kiosk.shot('service-03-printer');

  await page.getByTestId('service-print-test').click();
  await expect(page.getByTestId('service-print-result')).toHaveText('Тестовый талон напечатан');
  const slip = await kiosk.firstSlip();
  expect(slip.text).toContain('ТЕСТОВАЯ ПЕЧАТЬ');
  expect(slip.text).toContain('Инфомат: E2E-01');
  await expect(printed).toHaveText(String(before + 1));
  await kiosk.shot('service-04-test-printed');

  await page.getByTestId('service-paper-replaced').click();
  await expect(printed).toHaveText('0');
  await expect(page.getByTestId('service-paper-left')).toHaveText('500 талонов');
  await expect(page.getByTestId('service-paper-reset-at')).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);

  await page.getByTestId('service-tab-mis').click();
  await expect(page.getByTestId('service-mis-state')).toHaveText('МИС отвечает');
  await expect(page.getByTestId('service-mis-latency')).toHaveText(/^\d+ мс$/);
  await expect(page.getByTestId('service-mis-client')).toHaveAttribute('data-state', 'valid');
  await kiosk.shot('service-05-mis');

  await page.getByTestId('service-tab-about').click();
  const about = page.getByTestId('service-section-about');
  await expect(about).toContainText('E2E-01');
  await expect(about).toContainText('0.0.0-e2e');
  await expect(about).toContainText('PIN служебного режима');
  const shown = (await page.getByTestId('service-layer').textContent()) ?? '';
  expect(shown).not.toContain(E2E_SERVICE_PIN_HASH);
  expect(shown).not.toMatch(/scrypt|7d3c1e52-0000-0000-0000-00000000ab01/);
  await kiosk.shot('service-06-about');

  await page.getByTestId('service-tab-log').click();
  const log = page.getByTestId('service-log');
  await expect(log).toContainText('service.entered');
  await expect(log).toContainText('service.test_print');
  expect(await log.textContent()).not.toContain('5000000000000001');
  await kiosk.shot('service-07-log');

  await page.getByTestId('service-return').click();
  await expect(page.getByTestId('service-layer')).toHaveCount(0);
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  // Service mode is closed in the core too, and the next patient starts from the policy again.
  expect((await call(page, 'serviceStatus', {})).error?.kind).toBe('session');
  await page.getByTestId('screen-welcome').getByRole('button').first().click();
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await expect(page.getByTestId('field-policy')).not.toContainText('0001');
});

test('service mode: «Перезапустить» and «Выйти в систему» reach the shell; leaving asks the PIN again', async ({ kiosk, page, stack }) => {
  stack.lifecycleCalls.length = 0;
  const mark = stack.logLines.length;
  await openService(page);
  await page.getByTestId('service-leave').click();
  const pad = page.getByTestId('service-pin');
  await expect(pad).toContainText('Выйти в систему');
  await typePin(page, '135790');
  await expect(page.getByTestId('service-pin-message')).toHaveText('Неверный PIN-код. Осталось попыток: 4');
  await kiosk.shot('service-08-leave-pin');
  expect(stack.lifecycleCalls).toEqual([]);
  await typePin(page, E2E_SERVICE_PIN);
  await expect(page.getByTestId('service-note')).toContainText('Инфомат закрывается');
  await expect.poll(() => stack.lifecycleCalls).toEqual(['quit']);

  // The shell here is a recorder: open the kiosk again (a new renderer) and restart it.
  await kiosk.open();
  await openService(page);
  await page.getByTestId('service-restart').click();
  await expect(page.getByTestId('service-note')).toContainText('Перезапуск');
  await expect.poll(() => stack.lifecycleCalls).toEqual(['quit', 'restart']);
  expect((await call(page, 'serviceStatus', {})).error?.kind).toBe('session');
  const audit = stack.logLines.slice(mark).filter((l) => /service\.(restart|leave_to_os|wrong_pin)"/.test(l));
  expect(audit).toHaveLength(3);
});
