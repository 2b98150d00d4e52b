import { expect, test, type Locator, type Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import {
  expectSaved,
  inviteToInterview,
  savedTakesOf,
  threeQuestionPlan,
} from '../../fixtures/candidate-flow.ts';
import { startDedicatedServer, type DedicatedServer } from '../../fixtures/dedicated-server.ts';
import { fakeMediaArgs, makeFakeMediaFiles } from '../../fixtures/media.ts';

const baseLaunch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...baseLaunch,
    args: [...(baseLaunch.args ?? []), ...fakeMediaArgs(makeFakeMediaFiles(), { grant: true })],
  },
  permissions: ['camera', 'microphone'],
});

let server: DedicatedServer;
test.beforeAll(async () => {
  server = await startDedicatedServer('keyboard');
});
test.afterAll(async () => {
  await server?.stop();
});

const videoAndText = [threeQuestionPlan[0]!, threeQuestionPlan[2]!];

/** Presses Tab until `target` has the focus (as a keyboard user would), then the key that activates it. */
async function tabTo(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await expect(target).toBeVisible({ timeout: 20_000 });
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await page.keyboard.press(key);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: true });

test('a candidate completes the whole interview with the keyboard alone', async ({ page }) => {
  test.setTimeout(180_000);
  const { link } = await inviteToInterview(server, videoAndText);
  await page.goto(link);
  await tabTo(page, page.getByRole('link', { name: 'Continue' }));
  await tabTo(
    page,
    page.getByRole('checkbox', { name: 'I agree to be recorded for this interview' }),
    'Space',
  );
  await tabTo(page, button(page, 'I agree, continue'));
  await expect(button(page, 'Continue')).toBeEnabled({ timeout: 20_000 });
  await tabTo(page, button(page, 'Continue'));

  await expect(page.getByRole('heading', { level: 1, name: 'Practice question' })).toBeVisible({
    timeout: 20_000,
  });
  await tabTo(page, button(page, 'Continue to the questions'));

  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 2' })).toBeFocused();
  await tabTo(page, button(page, 'Start question 1'));
  await tabTo(page, button(page, "I'm ready"));
  await tabTo(page, button(page, 'Start recording'));
  await expect(page.getByText('REC', { exact: true })).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(3_000);
  await tabTo(page, button(page, 'Stop recording'));
  await expectSaved(page);
  await tabTo(page, button(page, 'Save and continue'));

  await expect(page.getByRole('heading', { level: 1, name: 'Question 2 of 2' })).toBeFocused();
  await tabTo(page, button(page, 'Start question 2'));
  await tabTo(page, button(page, "I'm ready"));
  await tabTo(page, page.getByLabel('Your answer'), 'Space');
  await page.keyboard.type('I would open with the cost of their slow close.');
  await tabTo(page, button(page, 'Save answer'));

  await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeFocused();
  await tabTo(page, button(page, 'Submit interview'));
  await expect(page.getByRole('heading', { level: 1, name: 'Your interview has been sent' })).toBeVisible();
  expect(await savedTakesOf(page)).toHaveLength(1);
});

test('on a 375 px phone screen every step fits the width and passes the accessibility check', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    permissions: ['camera', 'microphone'],
  });
  const page = await context.newPage();
  const fitsWidth = async (step: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${step}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`375-${step}.png`), fullPage: true });
  };
  try {
    const { link } = await inviteToInterview(server, videoAndText);
    await page.goto(link);
    await fitsWidth('landing');
    await page.getByRole('link', { name: 'Continue' }).click();
    await page.getByRole('checkbox', { name: 'I agree to be recorded for this interview' }).check();
    await fitsWidth('consent');
    await button(page, 'I agree, continue').click();
    await expect(button(page, 'Continue')).toBeEnabled({ timeout: 20_000 });
    await fitsWidth('device-check');
    await button(page, 'Continue').click();
    await button(page, 'Continue to the questions').click();
    await button(page, 'Start question 1').click();
    await button(page, "I'm ready").click();
    await button(page, 'Start recording').click();
    await expect(page.getByText('REC', { exact: true })).toBeVisible({ timeout: 15_000 });
    await fitsWidth('recording');
    await page.waitForTimeout(2_000);
    await button(page, 'Stop recording').click();
    await expectSaved(page);
    await fitsWidth('recorded');
    // After stopping: on a loaded machine the check can outlast the answer's time limit.
    await expectNoSeriousA11yViolations(page);
    await button(page, 'Save and continue').click();
    await button(page, 'Start question 2').click();
    await button(page, "I'm ready").click();
    await page.getByLabel('Your answer').fill('A short answer typed on a phone.');
    await fitsWidth('text-answer');
    await button(page, 'Save answer').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
    await fitsWidth('review');
    await expectNoSeriousA11yViolations(page);
  } finally {
    await context.close();
  }
});
