import {
  createQuestionSchema,
  normaliseBankPrompt,
  rubricSchema,
  starterLanguages,
  starterRoles,
} from '@oneway/shared';
import { describe, expect, it } from 'vitest';
import { findStarterItem, starterItems, starterLibrary } from './index.ts';

describe('starter library', () => {
  it.each(starterLanguages)('holds at least 40 questions in %s, at least 5 per role', (language) => {
    const items = starterItems.filter((item) => item.language === language);
    expect(items.length).toBeGreaterThanOrEqual(40);
    for (const role of starterRoles) {
      expect(items.filter((item) => item.role === role).length, role).toBeGreaterThanOrEqual(5);
    }
  });

  it('gives every English question a Spanish counterpart worded on its own', () => {
    const ids = starterLibrary.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of starterItems.filter((i) => i.language === 'en')) {
      const spanish = findStarterItem(item.id.replace(/\.en$/, '.es'));
      expect(spanish, item.id).toBeDefined();
      expect(spanish?.settings.promptText).not.toBe(item.settings.promptText);
      expect(spanish?.settings.rubric?.criteria.length).toBe(item.settings.rubric?.criteria.length);
      // The same rules in both languages.
      const { promptText: _en, rubric: _enRubric, ...enRules } = item.settings;
      const { promptText: _es, rubric: _esRubric, ...esRules } = spanish?.settings ?? item.settings;
      expect(esRules).toEqual(enRules);
    }
  });

  it('reads as Spanish in Spanish and as English in English', () => {
    const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}]+/u));
    const spanish = ['de', 'que', 'el', 'la', 'los', 'las', 'un', 'una', 'y', 'en', 'con', 'para'];
    const english = ['the', 'and', 'you', 'what', 'how', 'with', 'of', 'to'];
    for (const item of starterItems) {
      const criteria = item.settings.rubric?.criteria ?? [];
      const text = [
        item.settings.promptText,
        ...criteria.flatMap((c) => [c.name, ...Object.values(c.levels)]),
      ];
      const found = words(text.join(' '));
      const [own, otherLanguage] = item.language === 'es' ? [spanish, english] : [english, spanish];
      expect(own.filter((w) => found.has(w)).length, item.id).toBeGreaterThanOrEqual(2);
      expect(
        otherLanguage.filter((w) => found.has(w)),
        item.id,
      ).toEqual([]);
    }
  });

  it('gives every question a rubric describing a 1, a 3 and a 5, and rules the product accepts', () => {
    for (const item of starterItems) {
      const rubric = item.settings.rubric;
      expect(rubric, item.id).not.toBeNull();
      expect(rubricSchema.safeParse(rubric).success, item.id).toBe(true);
      for (const criterion of rubric?.criteria ?? []) {
        for (const level of ['1', '3', '5'] as const) {
          expect(criterion.levels[level].length, `${item.id} ${level}`).toBeGreaterThan(10);
        }
      }
      const parsed = createQuestionSchema.safeParse(item.settings);
      expect(parsed.success, `${item.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(item.tags, item.id).toContain(item.role);
    }
  });

  it('never holds the same prompt twice, so any two can sit in one bank', () => {
    const keys = starterItems.map((item) => normaliseBankPrompt(item.settings.promptText));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
