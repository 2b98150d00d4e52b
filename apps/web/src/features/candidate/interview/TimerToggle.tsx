import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const storageKey = 'oneway.hideTimer';

function readHidden(): boolean {
  try {
    return window.sessionStorage.getItem(storageKey) === 'true';
  } catch {
    return false;
  }
}

/** Whether the countdown numbers are hidden (WCAG 2.2.2), remembered for the rest of the visit. */
export function useTimerVisibility() {
  const [isHidden, setIsHidden] = useState(readHidden);
  const setHidden = (hidden: boolean) => {
    setIsHidden(hidden);
    try {
      window.sessionStorage.setItem(storageKey, String(hidden));
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
  };
  return { isHidden, setHidden };
}

/** "Hide timer": hides the moving numbers; the limits still apply and are still announced. */
export function TimerToggle({
  isHidden,
  onChange,
}: {
  isHidden: boolean;
  onChange: (hidden: boolean) => void;
}) {
  const { t } = useTranslation('candidate');
  return (
    <div className="checkbox-field interview-timer-toggle">
      <input
        id="hide-timer"
        type="checkbox"
        className="checkbox"
        checked={isHidden}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor="hide-timer" className="checkbox-field__label">
        {t('interview.timer.hide')}
      </label>
    </div>
  );
}
