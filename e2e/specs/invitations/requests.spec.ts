import { request as playwrightRequest } from '@playwright/test';
import { signInInBrowser } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { createCandidate, waitForCandidateLink } from '../../fixtures/candidates.ts';
import { setUpTeam, signedInApi } from '../../fixtures/review-world.ts';
import { expect, test } from '../../fixtures/test.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test("a candidate's request puts a message in the team's mailbox and a count in the navigation", async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  const candidate = createCandidate('Lou');
  const { api, headers } = await signedInApi(world.baseURL, world.owner);
  const invited = await api.post(`/api/v1/interviews/${world.interviewId}/invitations`, {
    headers,
    data: candidate,
  });
  expect(invited.status()).toBe(201);
  await api.dispose();

  await signInInBrowser(page, world.owner);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Requests', exact: true })).toBeVisible();

  // The candidate asks for more time on their landing page's API.
  const link = await waitForCandidateLink(mailbox, candidate.email);
  const candidateApi = await playwrightRequest.newContext({ baseURL: world.baseURL });
  const h = { 'x-requested-with': 'oneway' };
  await candidateApi.post('/api/v1/candidate/session', {
    headers: h,
    data: { token: new URL(link).pathname.split('/').pop() },
  });
  const asked = await candidateApi.post('/api/v1/candidate/requests', {
    headers: h,
    data: { kind: 'extension', days: 5, reason: 'Moving house this week' },
  });
  expect(asked.status(), await asked.text()).toBe(201);
  await candidateApi.dispose();

  const subject = `${candidate.name} asked for 5 more days: ${world.title}`;
  for (const person of [world.owner, world.recruiter]) {
    await expect
      .poll(() => mailbox.readAll().some((m) => m.recipients.includes(person.email) && m.subject === subject))
      .toBe(true);
  }
  expect(
    mailbox.readAll().some((m) => m.recipients.includes(world.reviewer.email) && m.subject === subject),
  ).toBe(false);

  await page.reload();
  const requests = nav.getByRole('link', { name: 'Requests, 1 waiting' });
  await expect(requests).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await requests.click();
  await expect(page.getByText(candidate.name).first()).toBeVisible();
});
