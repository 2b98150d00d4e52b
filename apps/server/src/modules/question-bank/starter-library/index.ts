import type { QuestionSettings, StarterLanguage, StarterRole } from '@oneway/shared';
import { engineeringQuestions } from './engineering.ts';
import { generalQuestions } from './general.ts';
import { operationsQuestions } from './operations.ts';
import { salesQuestions } from './sales.ts';
import { supportQuestions } from './support.ts';
import type { StarterEntry } from './types.ts';

export type { StarterEntry } from './types.ts';

/** Every starter question, by role in the order the library shows them. */
export const starterLibrary: readonly StarterEntry[] = [
  ...salesQuestions,
  ...engineeringQuestions,
  ...supportQuestions,
  ...operationsQuestions,
  ...generalQuestions,
];

/** One starter question in one language, as a question's rules. */
export interface StarterLibraryItem {
  /** "<entry id>.<language>" */
  id: string;
  role: StarterRole;
  language: StarterLanguage;
  tags: string[];
  settings: QuestionSettings;
}

export function toStarterItem(entry: StarterEntry, language: StarterLanguage): StarterLibraryItem {
  const wording = entry[language];
  return {
    id: `${entry.id}.${language}`,
    role: entry.role,
    language,
    tags: [...entry.tags],
    settings: {
      promptText: wording.prompt,
      ...entry.rules,
      rubric: {
        criteria: wording.rubric.map(([name, one, three, five]) => ({
          name,
          levels: { '1': one, '2': '', '3': three, '4': '', '5': five },
        })),
      },
    },
  };
}

/** Each entry in each language: English first, then Spanish, per entry. */
export const starterItems: readonly StarterLibraryItem[] = starterLibrary.flatMap((entry) => [
  toStarterItem(entry, 'en'),
  toStarterItem(entry, 'es'),
]);

const itemsById = new Map(starterItems.map((item) => [item.id, item]));

export function findStarterItem(id: string): StarterLibraryItem | undefined {
  return itemsById.get(id);
}
