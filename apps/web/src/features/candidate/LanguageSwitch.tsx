import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  candidateLanguages,
  chooseCandidateLanguage,
  isCandidateLanguage,
  type CandidateLanguage,
} from '../../i18n/candidateI18n.ts';
import { useShownLanguage } from './useShownLanguage.ts';

/** Each language named in itself, so a candidate finds theirs whatever the page shows now. */
const ownNames: Record<CandidateLanguage, string> = { en: 'English', es: 'Español' };

/**
 * The candidate's choice of language for the pages' own text (buttons, rules, timers, help), in the header of
 * every candidate page. The label is hidden to keep the header on one row at 375 px; the select names itself by the
 * language it shows.
 */
export function LanguageSwitch() {
  const { t } = useTranslation('candidate');
  const shown = useShownLanguage();
  const id = useId();
  return (
    <div className="candidate-language">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="select candidate-language__select"
        value={shown}
        onChange={(event) => {
          if (isCandidateLanguage(event.target.value)) chooseCandidateLanguage(event.target.value);
        }}
      >
        {candidateLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {ownNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
