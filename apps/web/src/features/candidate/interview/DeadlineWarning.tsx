import { useTranslation } from 'react-i18next';
import { mayEndAfterDeadline, serverClock, type AnswerSpan } from './timing.ts';
import { useNow } from './useClock.ts';

/**
 * Before an answer starts: a calm word when it may run past the deadline (on the server's clock), and that it
 * still counts. Not blocking: the server lets an answer started in time finish and be submitted.
 */
export function DeadlineWarning({ deadline, span }: { deadline: string | undefined; span: AnswerSpan }) {
  const { t } = useTranslation('candidate');
  const now = useNow(serverClock.now, 5000);
  const isShown = deadline !== undefined && mayEndAfterDeadline(Date.parse(deadline), now, span);
  return (
    <div role="status">
      {isShown ? (
        <div className="alert alert--warning">
          <p>{t('interview.deadline.mayNotFinish')}</p>
          <p>{t('interview.deadline.startedCounts')}</p>
        </div>
      ) : null}
    </div>
  );
}
