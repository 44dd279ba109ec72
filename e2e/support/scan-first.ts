// Welcome with a scanner configured (issue 21, item 9): scanning is the main way in, typing the
// alternative. Shared by the serial and the keyboard-wedge specs (each needs its own stack).
import type { Page } from '@playwright/test';
import { expect, type Kiosk } from './fixtures';

export async function mainWayIsScanning(kiosk: Kiosk, shot: string): Promise<void> {
  const { page } = kiosk;
  const card = page.getByTestId('welcome-scan');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading')).toHaveText('Поднесите полис к сканеру под экраном');
  await expect(page.getByTestId('scan-picture')).toBeVisible();
  // Scanning comes first and stands out; typing is the secondary button under it.
  const start = page.getByTestId('start');
  expect((await card.boundingBox())!.y).toBeLessThan((await start.boundingBox())!.y);
  await expect(start).toHaveClass(/btn-secondary/);
  await expect(page.getByTestId('welcome-type-hint')).toBeVisible();
  await expect(page.locator('.welcome-steps')).toHaveCount(0);
  await onScreen(page, ['welcome-scan', 'start']);
  await kiosk.shot(shot);
  await page.getByTestId('display-mode').click();
  await expect(card).toBeVisible();
  await kiosk.shot(`${shot}-large`);
  await page.getByTestId('display-mode').click();
}

/** Whole inside the window without scrolling (the ordinary print size). */
async function onScreen(page: Page, ids: string[]): Promise<void> {
  const viewport = page.viewportSize()!;
  for (const id of ids) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.y, id).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, id).toBeLessThanOrEqual(viewport.height);
  }
}
