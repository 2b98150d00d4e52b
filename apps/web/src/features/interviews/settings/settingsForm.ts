import type { useForm } from '../../../hooks/useForm.ts';
import type { SettingsValues } from './settingsValues.ts';

/** The settings form's state, shared by its sections. */
export type SettingsForm = ReturnType<typeof useForm<SettingsValues>>;

type BooleanField =
  | 'practiceEnabled'
  | 'autoExtensionEnabled'
  | 'ratingsHiddenUntilRated'
  | 'anonymisedReview'
  | 'outcomeAdvance'
  | 'outcomeHold'
  | 'outcomeReject';

/** Props for a CheckboxField backed by a "true"/"false" form value. */
export function bindCheckbox(form: SettingsForm, name: BooleanField) {
  return {
    id: form.bind(name).id,
    checked: form.values[name] === 'true',
    onChange: (checked: boolean) => form.setValue(name, String(checked)),
  };
}
