import type { TFunction } from 'i18next';
import { formatDuration } from '../candidateFormat.ts';
import type { FlowQuestion } from './flowQuestion.ts';

/** A question's rules as short facts: answer type, think time, answer time, takes left, how recording starts. */
export function describeQuestion(t: TFunction<'candidate'>, q: FlowQuestion): string[] {
  const think =
    q.think === 'none'
      ? t('landing.thinkNone')
      : q.think === null
        ? t('landing.thinkUnlimited')
        : t('landing.thinkSeconds', { duration: formatDuration(t, q.think) });
  const answerTime =
    q.answerSeconds === null
      ? t('landing.answerUntimed')
      : t('landing.answerSeconds', { duration: formatDuration(t, q.answerSeconds) });
  const facts = [t(`landing.answerType.${q.answerType}`), think, answerTime];
  if (q.video) {
    const duration = formatDuration(t, Math.max(1, Math.round(q.video.durationSeconds)));
    facts.unshift(
      q.think === 'none'
        ? t('promptVideo.introFactNoThink', { duration })
        : t('promptVideo.introFact', { duration }),
    );
  }
  if (q.answerType === 'text') facts.push(t('landing.textMaxChars', { count: q.textMaxChars ?? 0 }));
  // Practice allows any number of tries; a written answer can be changed until the interview is sent, so it has
  // no takes to count.
  if (q.takesLeft === null) facts.push(t('interview.intro.tries'));
  else if (q.answerType !== 'text') facts.push(t('interview.intro.takesLeft', { count: q.takesLeft }));
  if (q.answerType !== 'text') {
    if (q.startMode === 'ready') facts.push(t('landing.startReady'));
    else facts.push(t(q.think === 'none' ? 'landing.startImmediately' : 'landing.startAuto'));
  }
  return facts;
}
