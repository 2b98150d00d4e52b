import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface HandoverNoticeProps {
  /** 'alert' when it has just happened (a take refused, a code accepted); 'status' when known beforehand. */
  role: 'alert' | 'status';
  onTakeOver: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** Another device of this candidate is recording an answer: say so before starting, and offer to continue here. */
export function HandoverNotice({ role, onTakeOver, buttonRef }: HandoverNoticeProps) {
  const { t } = useTranslation('candidate');
  return (
    <div className="alert alert--warning">
      <p role={role}>{t('interview.live.elsewhere')}</p>
      <button type="button" className="button button--primary" onClick={onTakeOver} ref={buttonRef}>
        {t('interview.live.takeOver')}
      </button>
    </div>
  );
}
