import { describeWeakPassword, isPasswordStrongEnough, type PasswordEstimate } from '@oneway/shared';
import { useEffect, useMemo, useState } from 'react';

type Estimate = (password: string, userInputs: string[]) => PasswordEstimate;

const levels = ['Very easy to guess', 'Easy to guess', 'Still guessable', 'Strong', 'Very strong'];

interface PasswordStrengthProps {
  password: string;
  /** The person's own details (e-mail, name, organisation), which make a password easier to guess. */
  userInputs: string[];
}

/**
 * How guessable the password being typed is, with why and what to do, by the estimator the server uses: the
 * server refuses below "Strong". Announced politely once typing pauses.
 */
export function PasswordStrength({ password, userInputs }: PasswordStrengthProps) {
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [announced, setAnnounced] = useState('');

  useEffect(() => {
    let alive = true;
    void import('../lib/passwordEstimator.ts').then((module) => {
      if (alive) setEstimate(() => module.estimatePassword);
    });
    return () => {
      alive = false;
    };
  }, []);

  const inputsKey = userInputs.join('\n');
  const result = useMemo(
    () => (estimate && password ? estimate(password, inputsKey.split('\n')) : null),
    [estimate, password, inputsKey],
  );
  const strong = result ? isPasswordStrongEnough(result) : false;
  const message = !result ? '' : strong ? `Strength: ${levels[result.score]}.` : describeWeakPassword(result);

  useEffect(() => {
    const timer = window.setTimeout(() => setAnnounced(message), 700);
    return () => window.clearTimeout(timer);
  }, [message]);

  return (
    <div className="password-strength">
      {result ? (
        <>
          <div
            className={`password-strength__meter password-strength__meter--${result.score}`}
            aria-hidden="true"
          >
            <span style={{ width: `${((result.score + 1) / 5) * 100}%` }} />
          </div>
          <p className="password-strength__text" aria-hidden="true">
            {levels[result.score]}.{' '}
            {strong ? null : (result.warning ?? 'It would be found quickly by trying common words.')}
          </p>
          {!strong && result.suggestions.length > 0 ? (
            <p className="password-strength__text" aria-hidden="true">
              {result.suggestions.join(' ')}
            </p>
          ) : null}
        </>
      ) : null}
      {/* Always in the page, so screen readers are listening before the first message arrives. */}
      <div className="visually-hidden" role="status">
        {announced}
      </div>
    </div>
  );
}
