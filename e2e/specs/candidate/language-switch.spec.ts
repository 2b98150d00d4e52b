import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createOrganisationName, createPerson, signUpViaApi } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { createCandidate, waitForCandidateLink } from '../../fixtures/candidates.ts';
import type { Mailbox } from '../../fixtures/mailbox.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { expect, test } from '../../fixtures/test.ts';
import { readZipEntries } from '../../fixtures/zip.ts';

// A browser that prefers Spanish, invited to an interview the employer wrote in English.
test.use({ locale: 'es-ES' });

/** What the employer wrote: it stays in English whatever language the pages show. */
const employerWords = {
  intro: 'We are a small team that sells software to hospitals.',
  instructions: 'Answer as you would answer a customer.',
  prompt: 'Describe a deal you lost, and what you learned from it.',
};

/** An employer writes an English interview of one written question and invites a new candidate. */
async function inviteToEnglishInterview(page: Page, mailbox: Mailbox) {
  const title = `Sales lead ${randomUUID().slice(0, 6)}`;
  const candidate = createCandidate('Lucia');
  const employer = await page.context().browser()!.newContext({ baseURL: process.env.ONEWAY_BASE_URL });
  try {
    const { csrfToken } = await signUpViaApi(
      employer.request,
      createPerson('owner'),
      createOrganisationName(),
      mailbox,
    );
    const post = async (path: string, data: object) => {
      const res = await employer.request.post(`/api/v1${path}`, {
        headers: { 'x-csrf-token': csrfToken },
        data,
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string };
    };
    const { id } = await post('/interviews', {
      title,
      language: 'en',
      introText: employerWords.intro,
      instructions: employerWords.instructions,
      practiceQuestion: { enabled: false },
    });
    await post(`/interviews/${id}/questions`, {
      promptText: employerWords.prompt,
      answerType: 'text',
      think: { mode: 'none' },
      answerSeconds: null,
      textMaxChars: 500,
      takes: 1,
      startMode: 'ready',
    });
    await post(`/interviews/${id}/invitations`, candidate);
  } finally {
    await employer.close();
  }
  return { title, link: await waitForCandidateLink(mailbox, candidate.email) };
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The header at `width`: no sideways scrolling, and the company's name and the switch side by side on one row. */
async function expectHeaderOnOneRow(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
  const company = (await page.locator('.candidate-header__company').boundingBox())!;
  const select = (await page.getByRole('combobox', { name: 'Language' }).boundingBox())!;
  expect(select.x, `the switch is right of the company at ${width} px`).toBeGreaterThanOrEqual(
    company.x + company.width,
  );
  expect(select.y, `the switch is on the company's row at ${width} px`).toBeLessThan(
    company.y + company.height,
  );
  expect(select.y + select.height).toBeGreaterThan(company.y);
  expect(select.height, 'a target of at least 24 px').toBeGreaterThanOrEqual(24);
  await saveScreenshot(page, `candidate-language-switch-${width}`);
}

test('a candidate reads the pages of an English interview in Spanish, agrees to the Spanish notice, and goes back to English', async ({
  page,
  mailbox,
}) => {
  test.setTimeout(90_000);
  const { title, link } = await inviteToEnglishInterview(page, mailbox);
  await page.goto(link);
  await expect(page).toHaveURL(/\/interview$/);

  // The interview's language first, whatever the browser prefers; the switch offers each language in itself.
  const heading = page.getByRole('heading', { level: 1, name: title });
  await expect(heading).toBeVisible();
  await expect(page.getByText('Nothing on this page is timed. Read it at your own pace.')).toBeVisible();
  const englishSwitch = page.getByRole('combobox', { name: 'Language' });
  await expect(englishSwitch).toHaveValue('en');
  await expect(englishSwitch.locator('option[lang="en"]')).toHaveText('English');
  await expect(englishSwitch.locator('option[lang="es"]')).toHaveText('Español');
  expect(await htmlLang(page)).toBe('en');
  await expectNoSeriousA11yViolations(page);
  await expectHeaderOnOneRow(page, 1280);
  await expectHeaderOnOneRow(page, 375);
  await page.setViewportSize({ width: 1280, height: 800 });

  await englishSwitch.selectOption('Español');
  const spanishSwitch = page.getByRole('combobox', { name: 'Idioma' });
  await expect(spanishSwitch).toHaveValue('es');
  await expect(page.getByText('En esta página nada tiene tiempo límite. Léela con calma.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Sobre esta entrevista' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continuar', exact: true })).toBeVisible();
  await expect(
    page.getByText(
      'La empresa escribió esta entrevista en inglés. El título, los textos y las preguntas se muestran tal como los escribió.',
    ),
  ).toBeVisible();
  await expect(page.getByText('Nothing on this page is timed.', { exact: false })).toHaveCount(0);
  expect(await htmlLang(page)).toBe('es');
  // The employer's words stay as written, marked as English for screen readers.
  await expect(heading).toHaveAttribute('lang', 'en');
  await expect(page.getByText(employerWords.intro, { exact: true })).toHaveAttribute('lang', 'en');
  await expect(page.getByText(employerWords.instructions, { exact: true })).toHaveAttribute('lang', 'en');
  await expectNoSeriousA11yViolations(page);

  // The choice outlives a reload, and is kept in this browser.
  await page.reload();
  await expect(page.getByText('En esta página nada tiene tiempo límite. Léela con calma.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
  expect(await htmlLang(page)).toBe('es');
  expect(await page.evaluate(() => localStorage.getItem('oneway.candidateLanguage'))).toBe('es');

  // The consent page shows the notice in Spanish, and what the candidate agrees to is that text.
  await page.getByRole('link', { name: 'Continuar', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'La grabación y tu consentimiento' }),
  ).toBeVisible();
  const notice = page.getByRole('region', { name: 'Cómo se graban y se usan tus respuestas' });
  await expect(
    notice.getByText(/^Sin puntuación automática: las personas de .+ ven tus respuestas/),
  ).toBeVisible();
  await expect(notice.getByText(/No automated scoring/)).toHaveCount(0);
  const shownText = (await notice.locator('p').allTextContents()).join('\n\n');
  await page.getByRole('checkbox', { name: 'Acepto que se me grabe para esta entrevista' }).check();
  const agreeing = page.waitForResponse(
    (res) => res.url().endsWith('/api/v1/candidate/consent') && res.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Acepto, continuar' }).click();
  const agreed = await agreeing;
  expect(agreed.status()).toBe(201);
  expect(agreed.request().postDataJSON()).toMatchObject({ language: 'es' });
  await expect(page).toHaveURL(/\/interview\/device-check$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Comprueba tu cámara y tu micrófono' }),
  ).toBeVisible();
  // The candidate's own copy of their data holds the Spanish text, word for word.
  const zip = await page.request.get('/api/v1/candidate/your-data/export', {
    headers: { 'x-requested-with': 'oneway' },
  });
  expect(zip.status()).toBe(200);
  expect(
    readZipEntries(await zip.body())
      .get('consent/notice-1.txt')
      ?.toString('utf8'),
  ).toBe(shownText);

  // The question: the employer's prompt as written, the page around it in Spanish.
  await page.goto('/interview/questions/1');
  await page.getByRole('button', { name: 'Empezar la pregunta 1' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'La pregunta' })).toBeVisible();
  const prompt = page.getByText(employerWords.prompt, { exact: true });
  await expect(prompt).toBeVisible();
  await expect(prompt).toHaveAttribute('lang', 'en');

  // And back to English: the pages, the page's language and the stored choice.
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('English');
  await expect(page.getByRole('heading', { level: 2, name: 'The question' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  expect(await htmlLang(page)).toBe('en');
  await expect(prompt).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 1' })).toBeVisible();
  expect(await htmlLang(page)).toBe('en');
  expect(await page.evaluate(() => localStorage.getItem('oneway.candidateLanguage'))).toBe('en');
});
