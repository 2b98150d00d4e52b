import { defineConfig, devices } from '@playwright/test';

// The system Chromium (Debian package `chromium`) unless PLAYWRIGHT_USE_BUNDLED=1, for people who ran
// `npx playwright install chromium`. These flags avoid hangs in containers and CI.
const useBundled = process.env.PLAYWRIGHT_USE_BUNDLED === '1';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  globalSetup: './fixtures/global-setup.ts',
  fullyParallel: false,
  // At most two browsers at once on a 2-core machine: the fault matrix runs two at a time (its files that do not
  // break the server share it test by test), every other spec one at a time as before.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    // Set by the global setup, which starts Oneway on a free port; workers load this file after it ran.
    baseURL: process.env.ONEWAY_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      args: chromiumArgs,
      ...(useBundled ? {} : { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }),
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /\/faults\//, workers: 1, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'faults',
      testMatch: /\/faults\/.*\.spec\.ts$/,
      // Two browsers recording at once on two cores (and `stress` beside them in CI): pages take longer to move on.
      expect: { timeout: 20_000 },
      use: { ...devices['Desktop Chrome'] },
    },
  ],
});
