// The ticket screen's print states that the virtual printer does not produce by itself.
import { CARDIOLOGIST, expect, test } from '../support/fixtures';

test('uncertain print: the patient is asked to look, calmly, and may print again', async ({ kiosk }) => {
  const { page } = kiosk;
  // Every byte went out but the printer did not confirm: what the core answers then.
  await page.route('**/__kiosk/call/printTicket', (route) =>
    route.fulfill({
      json: { ok: true, value: { jobId: 'j-1', state: 'uncertain', fault: 'uncertain', reprintsLeft: 1, canPrintAgain: true } },
    }),
  );
  await kiosk.identify('P1');
  await kiosk.pickReferral(101);
  await kiosk.pickFirstDayAndTime(CARDIOLOGIST);
  await page.getByTestId('confirm-book').click();
  const status = page.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-state', 'uncertain');
  await expect(status).toContainText('Проверьте, вышел ли талон');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('reprint')).toBeVisible();
  await kiosk.shot('10c-ticket-uncertain');
});
