import { hasAccommodations, type Accommodations } from '@oneway/shared';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './candidateFormat.ts';

/** The candidate's own accommodations, so they can see what was granted. */
export function AccommodationsApplied({ accommodations }: { accommodations: Accommodations }) {
  const { t, i18n } = useTranslation('candidate');
  if (!hasAccommodations(accommodations)) return null;
  const { timeMultiplier, extraTakes, answerFormat } = accommodations;
  const items: string[] = [];
  if (timeMultiplier === null) items.push(t('landing.untimed'));
  else if (timeMultiplier !== 1) {
    items.push(t('landing.multiplier', { factor: formatNumber(timeMultiplier, i18n.language) }));
  }
  if (extraTakes > 0) items.push(t('landing.extraTakes', { count: extraTakes }));
  if (answerFormat) items.push(t(`landing.answerFormat.${answerFormat}`));
  return (
    <section className="candidate-section" aria-labelledby="accommodations-heading">
      <h2 id="accommodations-heading">{t('landing.accommodationsHeading')}</h2>
      <p>{t('landing.accommodationsIntro')}</p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
