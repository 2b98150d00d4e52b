import { expect } from '@playwright/test';
import { createOrganisationName, createPerson, signUpViaApi } from '../../fixtures/accounts.ts';
import { expectNoSeriousA11yViolations } from '../../fixtures/axe.ts';
import { saveScreenshot } from '../../fixtures/screenshots.ts';
import { test } from '../../fixtures/test.ts';

const chargedTwice =
  'Un cliente escribe muy enfadado porque se le ha cobrado dos veces. Respóndale como lo haría en una llamada: ¿qué le dice?';
const edited = 'Un cliente enfadado nos dice que le hemos cobrado dos veces. ¿Qué le responde?';
const fortyTickets =
  'Empieza su turno con 40 tickets abiertos, dos marcados como urgentes, y la cola del chat no para de crecer. ¿Cómo organiza la jornada?';

test('a recruiter copies a Spanish starter question to the bank, edits it, and adds it to an interview', async ({
  page,
  mailbox,
}) => {
  // Three axe passes on long pages, on a machine that may be busy with other work.
  test.setTimeout(120_000);
  const { csrfToken } = await signUpViaApi(
    page.request,
    createPerson('recruiter'),
    createOrganisationName(),
    mailbox,
  );
  const created = await page.request.post('/api/v1/interviews', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      title: 'Agente de soporte',
      roleTitle: 'Agente de soporte',
      language: 'es',
      practiceQuestion: { enabled: false },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const interview = (await created.json()) as { id: string };

  await page.goto('/question-bank');
  await expect(page.getByRole('heading', { level: 1, name: 'Question bank' })).toBeVisible();
  const saved = page.getByRole('region', { name: /^Saved questions/ });
  const starter = page.getByRole('region', { name: 'Starter library' });
  await expect(saved.getByText('No saved questions yet.')).toBeVisible();

  // Search the starter library in Spanish.
  await starter.getByLabel('Language').selectOption('es');
  await starter.getByLabel('Role').selectOption('support');
  await starter.getByRole('searchbox', { name: 'Search the starter library' }).fill('cobrado DOS veces');
  await starter.getByRole('button', { name: 'Search' }).click();
  await expect(starter.getByText('1 question', { exact: true })).toBeVisible();
  await expect(starter.getByText(chargedTwice)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Copy it: it lands in the saved questions with its rubric and tags, and cannot be copied again.
  await starter.getByRole('button', { name: /^Copy “Un cliente escribe/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'copied to your saved questions' })).toBeVisible();
  await expect(saved.getByRole('heading', { name: 'Saved questions (1)' })).toBeVisible();
  const item = saved.getByRole('listitem').filter({ hasText: chargedTwice });
  await expect(item.getByText('customer care')).toBeVisible();
  await expect(item.getByText('Rubric: 1 criterion')).toBeVisible();
  await expect(starter.getByText('In your saved questions')).toBeVisible();
  await expect(starter.getByRole('button', { name: /^Copy / })).toHaveCount(0);

  // Edit the copy: a new prompt, a tag of the team's own, a shorter answer time.
  await item.getByRole('button', { name: /^Edit / }).click();
  const form = saved.getByRole('form', { name: 'Edit saved question' });
  await form.getByLabel('Prompt').fill(edited);
  await form.getByLabel('Tags').fill('support, atención al cliente');
  await form.getByRole('textbox', { name: 'Answer time limit Minutes' }).fill('1');
  await form.getByRole('textbox', { name: 'Answer time limit Seconds' }).fill('30');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved.' })).toBeVisible();
  const editedItem = saved.getByRole('listitem').filter({ hasText: edited });
  await expect(editedItem.getByText('atención al cliente')).toBeVisible();
  await expect(editedItem.getByText('1 minute 30 seconds')).toBeVisible();

  // A second copy given the same prompt is refused, and the page says which question holds it.
  await starter.getByRole('searchbox', { name: 'Search the starter library' }).fill('40 tickets');
  await starter.getByRole('button', { name: 'Search' }).click();
  await starter.getByRole('button', { name: /^Copy “Empieza su turno/ }).click();
  const second = saved.getByRole('listitem').filter({ hasText: fortyTickets });
  await second.getByRole('button', { name: /^Edit / }).click();
  await saved
    .getByRole('form', { name: 'Edit saved question' })
    .getByLabel('Prompt')
    .fill(`  ${edited.toUpperCase()} `);
  await saved.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`This question is already in the question bank: “${edited}”.`)).toBeVisible();
  await saved.getByRole('button', { name: 'Cancel' }).click();
  await expect(saved.getByRole('heading', { name: 'Saved questions (2)' })).toBeVisible();

  // Filter the saved questions by the new tag.
  await saved.getByLabel('Tag').selectOption('atención al cliente');
  await expect(saved.getByRole('heading', { name: 'Saved questions (1)' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'question-bank');

  // A starter question goes straight to an interview too, as it is.
  await starter.getByRole('button', { name: /^Add “Empieza su turno.*” to an interview$/ }).click();
  await starter.getByLabel('Interview').selectOption({ label: 'Agente de soporte' });
  await starter.getByRole('button', { name: 'Add to this interview' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'added to the interview “Agente de soporte”' }),
  ).toBeVisible();

  // Add the edited question to the interview from its "Add from bank" panel, found by searching.
  await page.goto(`/interviews/${interview.id}`);
  await page.getByRole('button', { name: 'Add from question bank' }).click();
  const panel = page.getByRole('region', { name: 'Add from question bank' });
  await panel.getByRole('searchbox', { name: 'Search saved questions' }).fill('enfadado');
  await panel.getByRole('button', { name: 'Search' }).click();
  await expect(panel.getByRole('checkbox')).toHaveCount(1);
  await panel.getByRole('checkbox', { name: edited }).check();
  await expectNoSeriousA11yViolations(page);
  await panel.getByRole('button', { name: 'Add 1 selected question' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 question added from the bank.' })).toBeVisible();
  const questions = page.getByRole('region', { name: /^Questions/ });
  await expect(questions.getByText(fortyTickets)).toBeVisible();
  await expect(questions.getByText(edited)).toBeVisible();
});
