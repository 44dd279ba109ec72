import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './electron/host/chromium-flags';

// Times on screen must be the clinic's (+03:00) whatever the machine's zone: the whole
// suite runs in New York time, in Node and in the browser.
process.env.TZ = 'America/New_York';

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...CHROMIUM_FLAGS],
};

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: false,
  retries: 0,
  outputDir: 'artifacts/test-results',
  reporter: [['list'], ['json', { outputFile: 'artifacts/e2e-results.json' }]],
  use: {
    launchOptions: chromium,
    timezoneId: 'America/New_York',
    locale: 'ru-RU',
    hasTouch: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'portrait', testMatch: /browser\/.*\.spec\.ts/, use: { viewport: { width: 1080, height: 1920 } } },
    { name: 'landscape', testMatch: /browser\/.*\.spec\.ts/, use: { viewport: { width: 1920, height: 1080 } } },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
  ],
});
