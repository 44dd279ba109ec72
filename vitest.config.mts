import { defineConfig } from 'vitest/config';

// Unit tests run under plain Node (no Electron). TZ is forced away from Moscow so that any
// accidental use of the OS time zone instead of the clinic's shows up as a failure.
process.env.TZ = 'America/New_York';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'simulator/**/*.test.ts',
      'scripts/**/*.test.ts',
      'renderer/**/*.test.ts',
      'renderer/**/*.test.tsx',
    ],
    environment: 'node',
    testTimeout: 15000,
  },
});
