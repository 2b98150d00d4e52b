import { signInInBrowser } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { completeByApi, setUpTeam } from '../../fixtures/review-world.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test('the team previews and test-sends an outcome e-mail, then tells a candidate the decision', async ({
  page,
  mailbox,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const world = await setUpTeam(baseURL ?? '', mailbox, { questions: 1 });
  const candidate = await completeByApi(world, mailbox, 'Kim');
  await signInInBrowser(page, world.recruiter);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.goto(`/interviews/${world.interviewId}/emails`);
  const reject = page.getByRole('region', { name: 'Outcome: not moving forward' });
  await expect(reject).toBeVisible();
  await reject.getByRole('button', { name: /^Preview/ }).click();
  await expect(reject.getByText(/Hello Alex Example/)).toBeVisible();
  await reject.getByRole('button', { name: /^Send me a test/ }).click();
  await expect(page.getByText(`Test e-mail sent to ${world.recruiter.email}.`)).toBeVisible();
  await expect
    .poll(() =>
      mailbox
        .readAll()
        .some((m) => m.recipients.includes(world.recruiter.email) && m.subject.startsWith('[Test] ')),
    )
    .toBe(true);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'email-templates-recruiter');

  await page.goto(`/interviews/${world.interviewId}/review/${candidate.invitationId}`);
  await page
    .getByRole('group', { name: 'Your score for question 1' })
    .getByRole('radio', { name: /^2\b/ })
    .check();
  await expect(page.getByText('Saved', { exact: true }).first()).toBeVisible();
  const decision = page.getByRole('region', { name: 'Decision' });
  await decision.getByRole('radio', { name: 'Reject' }).check();
  const notify = decision.getByRole('checkbox', { name: /E-mail .* the outcome/ });
  await expect(notify).not.toBeChecked();
  await notify.check();
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByText(/Decision saved: Reject\. .*e-mail/)).toBeVisible();
  await saveScreenshot(page, 'review-decided-with-email');
  await expect
    .poll(() =>
      mailbox
        .readAll()
        .filter((m) => m.recipients.includes(candidate.email.toLowerCase()))
        .map((m) => m.subject),
    )
    .toContain(`Your application with ${world.organisationName}: ${world.title}`);
});
