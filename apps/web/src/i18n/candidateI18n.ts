import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type CandidateMessages } from './locales/en.ts';

export const candidateLanguages = ['en', 'es'] as const;
export type CandidateLanguage = (typeof candidateLanguages)[number];

export function isCandidateLanguage(value: unknown): value is CandidateLanguage {
  return candidateLanguages.includes(value as CandidateLanguage);
}

/** Where this browser keeps the language the candidate chose with the switch in the pages' header. */
const choiceKey = 'oneway.candidateLanguage';

/** The language the candidate chose on an earlier page or visit, if any (storage may be off: then none). */
function readChosenLanguage(): CandidateLanguage | null {
  try {
    const stored = localStorage.getItem(choiceKey);
    return isCandidateLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Before the interview is known, the browser's preferred language chooses: Spanish, or else English. */
function browserLanguage(): CandidateLanguage {
  const preferred = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return preferred.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Languages other than English are their own chunks, fetched only for an interview or browser in that language. */
const lazyMessages: Record<Exclude<CandidateLanguage, 'en'>, () => Promise<CandidateMessages>> = {
  es: () => import('./locales/es.ts').then((m) => m.es),
};

/**
 * The i18next instance of the candidate pages. English (also the fallback) is bundled; the pages switch to another
 * language only once its strings are loaded (see loadCandidateLanguage), so they never show a frame in the wrong
 * language or with missing strings.
 */
export const candidateI18n: i18n = i18next.createInstance();
void candidateI18n.use(initReactI18next).init({
  resources: { en: { candidate: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: candidateLanguages,
  ns: ['candidate'],
  defaultNS: 'candidate',
  initAsync: false,
  // React escapes text already.
  interpolation: { escapeValue: false },
});

/** True once the strings of `language` are loaded, so switching to it happens at once. */
export function isCandidateLanguageLoaded(language: CandidateLanguage): boolean {
  return candidateI18n.hasResourceBundle(language, 'candidate');
}

const loading = new Map<CandidateLanguage, Promise<void>>();

/** Loads the strings of `language` once; resolves when switching to it can happen at once. */
export function loadCandidateLanguage(language: CandidateLanguage): Promise<void> {
  if (language === 'en' || isCandidateLanguageLoaded(language)) return Promise.resolve();
  let load = loading.get(language);
  if (!load) {
    load = lazyMessages[language]().then((messages) => {
      candidateI18n.addResourceBundle(language, 'candidate', messages);
    });
    // A failed fetch (offline) is tried again next time.
    load.catch(() => loading.delete(language));
    loading.set(language, load);
  }
  return load;
}

/** The candidate's own choice: it wins over the interview's language, on every page and after a reload. */
let chosen: CandidateLanguage | null = readChosenLanguage();

/** The language the pages should show: the candidate's choice, else the interview's once known, else the browser's. */
let wanted: CandidateLanguage = chosen ?? browserLanguage();

/** The language the pages show for an interview in `interviewLanguage`: the candidate's choice when they made one. */
function candidateLanguageFor(interviewLanguage: CandidateLanguage): CandidateLanguage {
  return chosen ?? interviewLanguage;
}

/** Loads the strings of the language the pages show for an interview in `interviewLanguage`. */
export function loadInterviewLanguage(interviewLanguage: CandidateLanguage): Promise<void> {
  return loadCandidateLanguage(candidateLanguageFor(interviewLanguage));
}

/** Shows the pages for an interview in `interviewLanguage`: in it, unless the candidate chose another. */
export function applyInterviewLanguage(interviewLanguage: CandidateLanguage): void {
  applyCandidateLanguage(candidateLanguageFor(interviewLanguage));
}

/**
 * The candidate chose `language` for the pages: shown as soon as its strings are loaded, and kept in this browser
 * so later pages and reloads show it too. Only the pages' own text changes; the employer's words stay as written.
 */
export function chooseCandidateLanguage(language: CandidateLanguage): void {
  chosen = language;
  try {
    localStorage.setItem(choiceKey, language);
  } catch {
    // Storage off (a private window's settings): the choice lasts until the page is left.
  }
  applyCandidateLanguage(language);
}

/** Shows the candidate pages in `language` and tells assistive technology which language the page is in. */
export function applyCandidateLanguage(language: CandidateLanguage): void {
  wanted = language;
  if (!isCandidateLanguageLoaded(language)) {
    // Callers load the strings first (the landing page's fetch does); otherwise switch once they arrive.
    void loadCandidateLanguage(language).then(() => {
      if (wanted === language) applyCandidateLanguage(language);
    });
    return;
  }
  if (candidateI18n.language !== language) void candidateI18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** True when the pages can first render: the strings of the language they start in are loaded. */
export function isInitialCandidateLanguageLoaded(): boolean {
  return isCandidateLanguageLoaded(wanted);
}

/**
 * Before the interview is known: loads the browser's language and shows the pages in it; resolves when they can
 * first render (in English when the strings failed to load).
 */
export function loadInitialCandidateLanguage(): Promise<void> {
  const language = wanted;
  return loadCandidateLanguage(language).then(
    () => {
      if (wanted === language && candidateI18n.language !== language)
        void candidateI18n.changeLanguage(language);
    },
    () => undefined,
  );
}
