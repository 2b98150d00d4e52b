import { maxErasureWindowDays, retentionChoices, type RetentionChoice } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { retentionLabels, usePrivacySettings, useUpdatePrivacySettings } from './privacyQueries.ts';
import './privacy.css';

/** Settings: how long candidates' data is kept by default, and how soon a confirmed erasure request is carried out. */
export function PrivacySettingsPanel({ canEdit }: { canEdit: boolean }) {
  const settings = usePrivacySettings();
  return (
    <section className="panel" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Candidates’ data</h2>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorMessage error={settings.error} />
      ) : (
        <PrivacySettingsForm
          key={`${settings.data.retention}-${settings.data.erasureWindowDays}`}
          retention={settings.data.retention}
          windowDays={settings.data.erasureWindowDays}
          canEdit={canEdit}
        />
      )}
    </section>
  );
}

function PrivacySettingsForm(props: { retention: RetentionChoice; windowDays: number; canEdit: boolean }) {
  const update = useUpdatePrivacySettings();
  const [retention, setRetention] = useState<RetentionChoice>(props.retention);
  const [windowDays, setWindowDays] = useState(String(props.windowDays));
  const [windowError, setWindowError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending || !props.canEdit) return;
    setStatus(null);
    const days = Number(windowDays);
    if (!/^\d+$/.test(windowDays.trim()) || days > maxErasureWindowDays) {
      setWindowError(`Enter a whole number of days from 0 to ${maxErasureWindowDays}.`);
      return;
    }
    setWindowError(undefined);
    update.mutate(
      { retention, erasureWindowDays: days },
      { onSuccess: () => setStatus('Data retention saved.') },
    );
  }

  return (
    <>
      <p className="field__hint privacy-intro">
        Retention counts from a candidate’s closing: the team’s decision or the interview’s archiving for
        those who submitted, the end of their invitation for those who did not. A legal hold on a candidate
        stops it.
      </p>
      <StatusMessage message={status} onDismiss={() => setStatus(null)} />
      <ErrorMessage error={update.error} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={update.isPending}>
        <SelectField
          id="privacy-retention"
          label="Erase candidates’ recordings, answers and personal data after"
          value={retention}
          disabled={!props.canEdit}
          onChange={(event) => setRetention(event.target.value as RetentionChoice)}
          options={retentionChoices.map((value) => ({ value, label: retentionLabels[value] }))}
          hint="Each interview can choose its own on its page."
        />
        <TextField
          id="privacy-window"
          label="Carry out a candidate’s confirmed erasure request within (days)"
          inputMode="numeric"
          value={windowDays}
          readOnly={!props.canEdit}
          error={windowError}
          onChange={(event) => setWindowDays(event.target.value)}
          hint={`0 to ${maxErasureWindowDays} days. Owners and admins are e-mailed when a request is confirmed.`}
        />
        {props.canEdit ? (
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              Save
            </button>
          </div>
        ) : (
          <p className="field__hint">Only owners and admins can change these.</p>
        )}
      </form>
    </>
  );
}
