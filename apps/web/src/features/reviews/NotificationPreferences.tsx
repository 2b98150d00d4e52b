import { notificationPreferencesSchema, type NotificationPreferences as Preferences } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { requestApi } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';

const key = ['notification-preferences'];
const options: { value: Preferences['completionEmails']; label: string }[] = [
  { value: 'immediate', label: 'At once, one e-mail per candidate' },
  { value: 'daily', label: 'In a daily digest' },
  { value: 'off', label: 'Never' },
];

/** Settings: when I hear that candidates completed an interview I review. */
export function NotificationPreferences() {
  const queryClient = useQueryClient();
  const prefs = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      requestApi('/me/notification-preferences', { schema: notificationPreferencesSchema, signal }),
  });
  const save = useMutation({
    mutationFn: (input: Preferences) =>
      requestApi('/me/notification-preferences', {
        method: 'PUT',
        body: input,
        schema: notificationPreferencesSchema,
      }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const [status, setStatus] = useState('');

  return (
    <section className="panel" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      {prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <ErrorMessage error={prefs.error} />
      ) : (
        <fieldset className="reviewer-options">
          <legend className="field__label">E-mail me when candidates complete an interview</legend>
          {options.map((option) => (
            <div key={option.value} className="radio">
              <input
                id={`completion-${option.value}`}
                type="radio"
                name="completionEmails"
                checked={prefs.data.completionEmails === option.value}
                disabled={save.isPending}
                onChange={() =>
                  save.mutate(
                    { completionEmails: option.value },
                    { onSuccess: () => setStatus('Notification preference saved.') },
                  )
                }
              />
              <label htmlFor={`completion-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={save.error} />
      <p className="status-inline" role="status">
        {status}
      </p>
    </section>
  );
}
