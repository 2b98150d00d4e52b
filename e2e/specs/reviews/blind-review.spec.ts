import { signInInBrowser } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { completeByApi, setUpTeam, signedInApi } from '../../fixtures/review-world.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test('a blind reviewer sees no decision, note or comment until they rate, on the page and in the API', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 2 });
  const candidate = await completeByApi(world, mailbox, 'Eli');
  const note = 'The owner wants this one hired';
  const comment = 'Owner: the best answer so far';

  // The owner rates, comments and decides with a note.
  const { api, headers } = await signedInApi(world.baseURL, world.owner);
  const put = async (path: string, data: object) => {
    const res = await api.put(`/api/v1${path}`, { headers, data });
    expect(res.status(), await res.text()).toBe(200);
  };
  await put(`/invitations/${candidate.invitationId}/ratings`, { questionRatings: [], overall: 5 });
  const commented = await api.post(`/api/v1/invitations/${candidate.invitationId}/comments`, {
    headers,
    data: { questionId: world.questions[0]?.id, atSeconds: null, body: comment },
  });
  expect(commented.status()).toBe(201);
  await put(`/invitations/${candidate.invitationId}/decision`, { decision: 'advance', note });
  await api.dispose();

  await signInInBrowser(page, world.reviewer);
  await page.goto(`/interviews/${world.interviewId}/review`);
  const row = page.getByRole('row', { name: new RegExp(candidate.name) });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Advance');
  await saveScreenshot(page, 'review-list-blind');
  await expectNoSeriousA11yViolations(page);

  await row.getByRole('link', { name: candidate.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: candidate.name })).toBeVisible();
  await expect(page.getByText(world.questions[0]?.promptText ?? '')).toBeVisible();
  await expect(page.getByText(note)).toHaveCount(0);
  await expect(page.getByText(comment)).toHaveCount(0);
  // Nor does the page say there is no comment: there is one, hidden.
  await expect(page.getByText('No comments yet.')).toHaveCount(0);
  await expect(page.getByText('Other people’s comments show once you have rated.').first()).toBeVisible();
  await expect(page.getByText(/Advance/)).toHaveCount(0);
  await expect(page.getByText(/rate this candidate|score every answer/i).first()).toBeVisible();
  await saveScreenshot(page, 'review-blind-before-rating');

  // What the page could fetch says nothing either.
  for (const path of [
    `/api/v1/invitations/${candidate.invitationId}/review`,
    `/api/v1/interviews/${world.interviewId}/reviews`,
    `/api/v1/interviews/${world.interviewId}/results.csv`,
    `/api/v1/interviews/${world.interviewId}/compare?questionId=${world.questions[0]?.id}&invitationIds=${candidate.invitationId}`,
  ]) {
    const body = await (await page.request.get(path)).text();
    expect(body, path).not.toContain(note);
    expect(body, path).not.toContain(comment);
    expect(body, path).not.toMatch(/advance/);
  }

  // Rating every answer shows it all at once.
  for (const n of [1, 2]) {
    await page
      .getByRole('group', { name: `Your score for question ${n}` })
      .getByRole('radio', { name: /^3\b/ })
      .check();
  }
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText(comment)).toBeVisible();
  await expect(page.getByText(/Other people.s comments show/)).toHaveCount(0);
  await expect(page.getByText(`${world.owner.name}: 5`)).toBeVisible();
  await saveScreenshot(page, 'review-blind-after-rating');
  await expectNoSeriousA11yViolations(page);
});
