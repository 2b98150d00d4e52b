import {
  decisionMakerRoles,
  notificationPreferencesSchema,
  type NotificationPreferences as Preferences,
  type Role,
  type UpdateNotificationPreferencesInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { requestApi } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useSignedInSession } from '../auth/useSession.ts';

const key = ['notification-preferences'];
const options: { value: Preferences['completionEmails']; label: string }[] = [
  { value: 'immediate', label: 'At once, one e-mail per candidate' },
  { value: 'daily', label: 'In a daily digest' },
  { value: 'off', label: 'Never' },
];
const requestOptions: { value: Preferences['requestEmails']; label: string }[] = [
  { value: 'immediate', label: 'At once, one e-mail per request' },
  { value: 'off', label: 'Never (the count next to Requests still shows them)' },
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
    mutationFn: (input: UpdateNotificationPreferencesInput) =>
      requestApi('/me/notification-preferences', {
        method: 'PUT',
        body: input,
        schema: notificationPreferencesSchema,
      }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const [status, setStatus] = useState('');
  const decides = (decisionMakerRoles as readonly Role[]).includes(useSignedInSession().role);
  const change = (input: UpdateNotificationPreferencesInput) =>
    save.mutate(input, { onSuccess: () => setStatus('Notification preference saved.') });

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
                onChange={() => change({ completionEmails: option.value })}
              />
              <label htmlFor={`completion-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </fieldset>
      )}
      {prefs.data && decides ? (
        <fieldset className="reviewer-options">
          <legend className="field__label">
            E-mail me when a candidate asks for more time or an accommodation
          </legend>
          {requestOptions.map((option) => (
            <div key={option.value} className="radio">
              <input
                id={`requests-${option.value}`}
                type="radio"
                name="requestEmails"
                checked={prefs.data.requestEmails === option.value}
                disabled={save.isPending}
                onChange={() => change({ requestEmails: option.value })}
              />
              <label htmlFor={`requests-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <ErrorMessage error={save.error} />
      <p className="status-inline" role="status">
        {status}
      </p>
    </section>
  );
}
