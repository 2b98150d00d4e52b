import { apiKeyRoles, createApiKeySchema, type CreatedApiKey } from '@oneway/shared';
import type { FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { roleDescriptions, roleLabels } from '../roles.ts';
import { useCreateApiKey } from './useApiKeys.ts';

const roleOptions = apiKeyRoles.map((role) => ({ value: role, label: roleLabels[role] }));

/** Names a new key and picks the role it acts as (never owner). */
export function ApiKeysCreateForm({ onCreated }: { onCreated: (apiKey: CreatedApiKey) => void }) {
  const create = useCreateApiKey();
  const form = useForm({ name: '', role: 'recruiter' });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const input = form.validate(createApiKeySchema);
    if (!input) return;
    create.mutate(input, {
      onSuccess: (apiKey) => {
        form.reset({ name: '', role: form.values.role });
        onCreated(apiKey);
      },
      onError: form.showError,
    });
  }

  return (
    <div className="api-keys__create">
      <h3 id="api-key-create-heading">Create a key</h3>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form
        className="form form--inline"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby="api-key-create-heading"
        aria-busy={create.isPending}
      >
        <TextField
          {...form.bind('name')}
          label="Name"
          hint="What will use it, for example “Greenhouse sync”."
          autoComplete="off"
        />
        <SelectField
          {...form.bind('role')}
          label="Acts as"
          options={roleOptions}
          hint={
            <span className="role-hint">
              {apiKeyRoles.map((role) => (
                <span key={role}>{roleDescriptions[role]}</span>
              ))}
            </span>
          }
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Create key
          </button>
        </div>
      </form>
    </div>
  );
}
