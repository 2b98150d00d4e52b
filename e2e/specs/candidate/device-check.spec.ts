import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { createOrganisationName, createPerson, signUpViaApi } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import {
  createCandidate,
  createInterviewWithCandidates,
  waitForCandidateLink,
} from '../../fixtures/candidates.ts';
import { fakeMediaArgs, makeFakeMediaFiles } from '../../fixtures/media.ts';
import type { Mailbox } from '../../fixtures/mailbox.ts';
import { expect, test } from '../../fixtures/test.ts';

const baseLaunch = config.use?.launchOptions ?? {};
const media = makeFakeMediaFiles();
// Launch options are per worker, so one set serves the whole file: fake devices fed from the files, and no
// --use-fake-ui-for-media-stream, so each context's permissions decide whether the camera is allowed.
test.use({
  launchOptions: {
    ...baseLaunch,
    args: [...(baseLaunch.args ?? []), ...fakeMediaArgs(media, { grant: false })],
  },
});

/** An employer invites a new candidate; the candidate opens the e-mailed link and continues to consent. */
async function openCandidateLink(page: Page, mailbox: Mailbox) {
  const candidate = createCandidate('Dev');
  const employer = await page.context().browser()!.newContext({ baseURL: process.env.ONEWAY_BASE_URL });
  try {
    await signUpViaApi(employer.request, createPerson('owner'), createOrganisationName(), mailbox);
    await createInterviewWithCandidates(employer.request, `Device check ${randomUUID().slice(0, 6)}`, [
      candidate,
    ]);
  } finally {
    await employer.close();
  }
  await page.goto(await waitForCandidateLink(mailbox, candidate.email));
  await expect(page).toHaveURL(/\/interview$/);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/interview\/consent$/);
}

async function agreeToRecording(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Recording and your consent' })).toBeFocused();
  await expect(page.getByText(/No automated scoring: people at .+ watch your answers/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'I agree to be recorded for this interview' }).check();
  await page.getByRole('button', { name: 'I agree, continue' }).click();
  await expect(page).toHaveURL(/\/interview\/device-check$/);
}

test.describe('with a camera and microphone allowed', () => {
  test.use({ permissions: ['camera', 'microphone'] });

  test('a candidate consents, then sees their camera, hears their microphone and measures the upload', async ({
    page,
    mailbox,
  }) => {
    test.setTimeout(60_000);
    await openCandidateLink(page, mailbox);
    await expectNoSeriousA11yViolations(page);
    await agreeToRecording(page);

    const heading = page.getByRole('heading', { level: 1, name: 'Check your camera and microphone' });
    await expect(heading).toBeFocused();
    const video = page.locator('video');
    await expect
      .poll(() =>
        video.evaluate((v: HTMLVideoElement) => ({ ready: v.readyState >= 2, width: v.videoWidth })),
      )
      .toEqual({ ready: true, width: 320 });
    await expect(video).toHaveJSProperty('muted', true);
    const meter = page.getByRole('meter', { name: 'Microphone level' });
    await expect
      .poll(() => meter.evaluate((m: HTMLMeterElement) => m.value), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect(page.getByRole('combobox', { name: 'Camera', exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Microphone', exact: true })).toBeVisible();
    const speed = page.getByRole('region', { name: 'Upload speed' });
    await expect(speed.getByText(/^Upload speed: [\d.]+ Mbit\/s$/)).toBeVisible();
    await expect(speed.getByText('That is enough for video answers.')).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'Your camera and microphone are working.' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
    await expectNoSeriousA11yViolations(page);

    // Leaving the page stops the camera and microphone: every track of the preview's stream ends.
    await video.evaluate((v: HTMLVideoElement) => {
      (window as unknown as { previewStream: unknown }).previewStream = v.srcObject;
    });
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/interview\/practice$/);
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { previewStream: MediaStream }).previewStream
            .getTracks()
            .map((track) => track.readyState),
        ),
      )
      .toEqual(['ended', 'ended']);
  });
});

test.describe('with the camera blocked', () => {
  test('a candidate who blocked the camera is told how to allow it and can try again', async ({
    browser,
    mailbox,
  }) => {
    const context = await browser.newContext({ permissions: [] });
    try {
      const page = await context.newPage();
      await openCandidateLink(page, mailbox);
      await agreeToRecording(page);
      const alert = page
        .getByRole('alert')
        .filter({ hasText: 'Your browser is blocking the camera or microphone' });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('set Camera and Microphone to Allow for this site');
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
      await expectNoSeriousA11yViolations(page);
    } finally {
      await context.close();
    }
  });
});
