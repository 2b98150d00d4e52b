import { useTranslation } from 'react-i18next';
import { isCandidateLanguage, type CandidateLanguage } from '../../i18n/candidateI18n.ts';

/** The language the candidate pages show now; the component renders again when it changes. */
export function useShownLanguage(): CandidateLanguage {
  const { i18n } = useTranslation('candidate');
  return isCandidateLanguage(i18n.language) ? i18n.language : 'en';
}
