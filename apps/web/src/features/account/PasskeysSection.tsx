import { passkeyRegistrationSchema, type AccountSecurity } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import type { Feedback } from '../../lib/feedback.ts';
import { isPasskeyCancelled } from '../auth/passkeyBrowser.ts';
import { RecoveryCodesShown } from '../../components/RecoveryCodesShown.tsx';
import { useAddPasskey, useRemovePasskey } from './useAccountSecurity.ts';

interface PasskeysSectionProps {
  security: AccountSecurity;
  feedback: Feedback;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** Passkeys on this account: the list, removing one, and adding one named by where it lives. */
export function PasskeysSection({ security, feedback }: PasskeysSectionProps) {
  const add = useAddPasskey();
  const remove = useRemovePasskey();
  const form = useForm({ name: '' });
  const [codes, setCodes] = useState<string[] | null>(null);

  function handleAdd(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    const input = form.validate(passkeyRegistrationSchema, { response: {}, name: form.values.name });
    if (!input) return;
    add.mutate(input.name, {
      onSuccess: ({ passkey, recoveryCodes }) => {
        form.reset();
        feedback.success(`Passkey “${passkey.name}” added. You can sign in with it.`);
        if (recoveryCodes.length > 0) setCodes(recoveryCodes);
      },
      onError: (error) => {
        if (isPasskeyCancelled(error)) {
          form.showIssues([{ field: 'name', message: 'The browser did not create a passkey. Try again.' }]);
        } else form.showError(error);
      },
    });
  }

  function handleRemove(id: string, name: string) {
    if (remove.isPending) return;
    remove.mutate(id, {
      onSuccess: () => feedback.success(`Passkey “${name}” removed.`),
      onError: feedback.failure,
    });
  }

  return (
    <section className="panel" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p>A passkey signs you in with your device’s screen lock or a security key, without a password.</p>
      {codes ? <RecoveryCodesShown codes={codes} onDone={() => setCodes(null)} /> : null}
      {security.passkeys.length > 0 ? (
        <ul className="passkey-list">
          {security.passkeys.map((passkey) => (
            <li key={passkey.id} className="passkey-list__item">
              <span>
                <strong>{passkey.name}</strong>
                <span className="hint">
                  {' '}
                  Added {dateFormat.format(new Date(passkey.createdAt))}
                  {passkey.lastUsedAt ? `, last used ${dateFormat.format(new Date(passkey.lastUsedAt))}` : ''}
                </span>
              </span>
              <button
                type="button"
                className="button"
                onClick={() => handleRemove(passkey.id, passkey.name)}
                aria-label={`Remove passkey ${passkey.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No passkeys yet.</p>
      )}
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleAdd} aria-busy={add.isPending}>
        <TextField
          {...form.bind('name')}
          label="Passkey name"
          hint='Where it lives, for example "Work laptop".'
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Add a passkey
          </button>
        </div>
      </form>
    </section>
  );
}
