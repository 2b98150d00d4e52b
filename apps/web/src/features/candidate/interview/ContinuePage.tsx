import { continueCodeMinutes, continueWithCodeSchema } from '@oneway/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { usePageHeading } from '../../../hooks/usePageHeading.ts';
import { HandoverNotice } from './HandoverNotice.tsx';
import { interviewErrorMessage } from './interviewErrors.ts';
import { useContinueWithCode } from './useCandidateInterview.ts';
import { chooseTakeOver } from './useHandover.ts';
import './interview.css';

/** /continue — on another device: the invitation's e-mail address and the 6-digit code sent to it. */
export function ContinuePage() {
  const { t } = useTranslation('candidate');
  const headingRef = usePageHeading(t('interview.continue.title'));
  const navigate = useNavigate();
  const exchange = useContinueWithCode();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  // Each failed submit moves focus to the summary again.
  const [attempt, setAttempt] = useState(0);
  // The code is accepted while another device records an answer: say so here, before anything else.
  const isElsewhere = Boolean(exchange.data?.recordingElsewhere);
  const takeOverRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isElsewhere) takeOverRef.current?.focus();
  }, [isElsewhere]);
  const parsed = continueWithCodeSchema.safeParse({ email, code });
  const invalid = parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0]));
  const shown = attempt > 0 ? invalid : [];
  const emailError = shown.includes('email') ? t('interview.continue.emailError') : undefined;
  const codeError = shown.includes('code') ? t('interview.continue.codeError') : undefined;
  const errors = [
    ...(emailError ? [{ id: 'continue-email', message: emailError }] : []),
    ...(codeError ? [{ id: 'continue-code', message: codeError }] : []),
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.success) return setAttempt((n) => n + 1);
    exchange.mutate(parsed.data, {
      onSuccess: (landing) => {
        if (!landing.recordingElsewhere) void navigate('/interview', { replace: true });
      },
      onError: () => setAttempt((n) => n + 1),
    });
  };

  return (
    <div className="candidate-page interview-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('interview.continue.title')}
      </h1>
      {isElsewhere ? (
        <HandoverNotice
          role="alert"
          buttonRef={takeOverRef}
          onTakeOver={() => {
            chooseTakeOver();
            void navigate('/interview', { replace: true });
          }}
        />
      ) : (
        <>
          <p className="lead">{t('interview.continue.intro')}</p>
          <form
            className="candidate-section form"
            onSubmit={onSubmit}
            noValidate
            aria-busy={exchange.isPending}
          >
            <ErrorSummary
              errors={errors}
              formError={exchange.isError ? interviewErrorMessage(t, exchange.error) : null}
              attempt={attempt}
              title={t('common.errorTitle')}
            />
            <TextField
              id="continue-email"
              label={t('interview.continue.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={emailError}
            />
            <TextField
              id="continue-code"
              label={t('interview.continue.code')}
              hint={t('interview.continue.codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              error={codeError}
            />
            <div className="form__actions">
              <button
                type="submit"
                className="button button--primary button--block"
                disabled={exchange.isPending}
              >
                {t('interview.continue.submit')}
              </button>
            </div>
          </form>
          <p className="candidate-hint">{t('interview.continue.noCode', { minutes: continueCodeMinutes })}</p>
        </>
      )}
    </div>
  );
}
