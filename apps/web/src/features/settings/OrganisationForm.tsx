import { updateOrganisationSchema, type Organisation } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { useUpdateOrganisation } from './useOrganisation.ts';

interface OrganisationFormProps {
  organisation: Organisation;
  canEdit: boolean;
}

/** The organisation's name: editable by owners and admins, read-only for everyone else. */
export function OrganisationForm({ organisation, canEdit }: OrganisationFormProps) {
  const update = useUpdateOrganisation();
  const form = useForm({ name: organisation.name });
  const [status, setStatus] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending || !canEdit) return;
    setStatus(null);
    const input = form.validate(updateOrganisationSchema);
    if (!input) return;
    update.mutate(input, {
      onSuccess: (saved) => {
        form.reset({ name: saved.name });
        setStatus(`Organisation name saved as “${saved.name}”.`);
      },
      onError: form.showError,
    });
  }

  return (
    <>
      <StatusMessage message={status} onDismiss={() => setStatus(null)} />
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={update.isPending}>
        <TextField
          {...form.bind('name')}
          label="Organisation name"
          autoComplete="organization"
          readOnly={!canEdit}
          hint={canEdit ? undefined : 'Only owners and admins can change the organisation name.'}
        />
        {canEdit ? (
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              Save
            </button>
          </div>
        ) : null}
      </form>
    </>
  );
}
