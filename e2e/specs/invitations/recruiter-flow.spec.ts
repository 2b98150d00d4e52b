import { randomUUID } from 'node:crypto';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import {
  createCandidate,
  type Candidate,
  subjectsTo,
  toCsv,
  toLocalInput,
  waitForCandidateLink,
} from '../../fixtures/candidates.ts';
import { addQuestion, createInterviewInBrowser, threeQuestions } from '../../fixtures/interview-editor.ts';
import { joinAsRecruiter } from '../../fixtures/team.ts';
import { expect, test } from '../../fixtures/test.ts';

const dayMs = 86_400_000;

test('a recruiter invites candidates by hand and by CSV, extends, approves a request and grants 2x time', async ({
  page,
  browser,
  request,
  mailbox,
}) => {
  test.setTimeout(120_000);
  const title = `Account executive ${randomUUID().slice(0, 6)}`;
  const byHand = createCandidate('Hana');
  const imported = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve'].map(createCandidate);
  const [ana, ben, cleo] = imported as [Candidate, Candidate, Candidate];

  await test.step('join an organisation as a recruiter', async () => {
    await joinAsRecruiter(page, request, mailbox);
  });

  await test.step('create an interview with a practice question and three questions of different rules', async () => {
    await createInterviewInBrowser(page, title, 'Senior account executive');
    await expect(page.getByRole('heading', { name: 'Practice question' })).toBeVisible();
    for (const [index, rules] of threeQuestions.entries()) await addQuestion(page, index + 1, rules);
    await expect(page.getByRole('heading', { name: 'Questions (3)' })).toBeVisible();
  });

  await test.step('invite one candidate by hand', async () => {
    await page.getByRole('link', { name: 'Candidates', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Candidates: ${title}` })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill(byHand.name);
    await page.getByLabel('E-mail', { exact: true }).fill(byHand.email);
    await page.getByLabel('Phone (optional)').fill('+44 20 7946 0000');
    await page.getByLabel('External ID (optional)').fill('ATS-1');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Invitation sent to ${byHand.name}` }),
    ).toBeVisible();
    await expect(page.getByRole('table').getByRole('link', { name: byHand.name })).toBeVisible();
  });

  await test.step('import five by CSV: a bad row is reported with its line, then the fixed file imports', async () => {
    const rows = imported.map((c, i) => ({ ...c, externalId: `ATS-${i + 10}` }));
    const bad = rows.map((r) => (r === rows[2] ? { ...r, email: 'cleo-at-example.com' } : r));
    const file = (csv: string) => ({
      name: 'candidates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByLabel('CSV file').setInputFiles(file(toCsv(bad)));
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '1 problem in the file' })).toBeVisible();
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await expect(problems.getByRole('row', { name: /Line 4/ })).toContainText('cleo-at-example.com');
    await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('CSV file').setInputFiles(file(toCsv(rows)));
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByRole('table', { name: 'Ready to invite: 5 candidates' })).toContainText(
      cleo.email,
    );
    await page.getByRole('button', { name: 'Import 5 candidates' }).click();
    await expect(page.getByRole('status').filter({ hasText: '5 candidates invited' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '6 candidates' })).toBeVisible();
  });

  await test.step('every invitation arrives at the SMTP server with a working link', async () => {
    for (const candidate of [byHand, ...imported]) await waitForCandidateLink(mailbox, candidate.email);
  });

  const candidateContext = await browser.newContext();
  const candidatePage = await candidateContext.newPage();
  try {
    await test.step('the candidate opens the link and asks for more time', async () => {
      await candidatePage.goto(await waitForCandidateLink(mailbox, ana.email));
      await expect(candidatePage).toHaveURL(/\/interview$/);
      await expect(candidatePage.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(candidatePage.getByText('Senior account executive at')).toBeVisible();
      await expect(candidatePage.getByText('Up to 2 minutes to answer')).toBeVisible();
      await candidatePage.getByLabel('How many more days do you need?').selectOption({ label: '3 days' });
      await candidatePage.getByRole('button', { name: 'Ask for more time' }).click();
      await expect(
        candidatePage.getByRole('status').filter({ hasText: 'Your request has been sent' }),
      ).toBeVisible();
    });

    await test.step('the recruiter approves the extension request', async () => {
      await page.reload();
      const requests = page.getByRole('region', { name: /^Requests from candidates/ });
      await expect(requests.getByRole('heading', { name: 'Requests from candidates (1)' })).toBeVisible();
      await expect(requests).toContainText(ana.name);
      await expect(page.getByRole('row', { name: new RegExp(ana.name) })).toContainText('Request waiting');
      await expectNoSeriousA11yViolations(page);
      await requests.getByRole('button', { name: `Approve: more time for ${ana.name}` }).click();
      await requests.getByRole('button', { name: 'Extend the deadline' }).click();
      await expect(requests).toContainText('No requests are waiting for an answer.');
      await expect
        .poll(() => subjectsTo(mailbox, ana.email).some((s) => s.startsWith('More time')))
        .toBe(true);
      await expect(page.getByRole('row', { name: new RegExp(ana.name) })).not.toContainText(
        'Request waiting',
      );
    });

    await test.step('extend another deadline from the list', async () => {
      await page.getByRole('checkbox', { name: `Select ${ben.name}` }).check();
      const extend = page.getByRole('form', { name: 'Extend the deadline of the selected candidates' });
      await extend.getByLabel('New deadline').fill(toLocalInput(new Date(Date.now() + 20 * dayMs)));
      await extend.getByRole('button', { name: 'Extend deadline' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'New deadline for 1 candidate.' }),
      ).toBeVisible();
      await expect
        .poll(() => subjectsTo(mailbox, ben.email).some((s) => s.startsWith('More time')))
        .toBe(true);
    });

    await test.step('grant a 2x accommodation on the candidate page', async () => {
      await page.getByRole('link', { name: ana.name }).click();
      await expect(page.getByRole('heading', { level: 1, name: ana.name })).toBeVisible();
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect(timeline).toContainText('Invitation sent');
      await expect(timeline).toContainText('Candidate asked for 3 more days');
      await expect(timeline).toContainText('Deadline extended to');
      await page.getByLabel('Time allowed').selectOption({ label: '2×' });
      await page.getByRole('button', { name: 'Save accommodations' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Accommodations saved: 2× time.' }),
      ).toBeVisible();
      await expect(timeline).toContainText('Accommodations set: 2× time');
      await expectNoSeriousA11yViolations(page);
    });

    await test.step("the candidate's page shows the doubled time", async () => {
      await candidatePage.reload();
      await expect(candidatePage.getByText('2 times the usual time')).toBeVisible();
      await expect(candidatePage.getByText('Up to 4 minutes to answer')).toBeVisible();
      await expect(candidatePage.getByText('1 minute 30 seconds to think')).toBeVisible();
    });
  } finally {
    await candidateContext.close();
  }
});
