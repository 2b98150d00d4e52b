import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';

export const candidateLanguages = ['en', 'es'] as const;
export type CandidateLanguage = (typeof candidateLanguages)[number];

/** Before the interview is known, the browser's preferred language chooses: Spanish, or else English. */
function browserLanguage(): CandidateLanguage {
  const preferred = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return preferred.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/**
 * The i18next instance of the candidate pages, with both languages bundled (they are small), so switching to the
 * interview's language happens at once, without a flash of the other language.
 */
export const candidateI18n: i18n = i18next.createInstance();
void candidateI18n.use(initReactI18next).init({
  resources: { en: { candidate: en }, es: { candidate: es } },
  lng: browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: candidateLanguages,
  ns: ['candidate'],
  defaultNS: 'candidate',
  initAsync: false,
  // React escapes text already.
  interpolation: { escapeValue: false },
});

/** Shows the candidate pages in `language` and tells assistive technology which language the page is in. */
export function applyCandidateLanguage(language: CandidateLanguage): void {
  if (candidateI18n.language !== language) void candidateI18n.changeLanguage(language);
  document.documentElement.lang = language;
}
