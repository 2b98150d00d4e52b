import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { RadioGroupField } from '../fields/RadioGroupField.tsx';
import { listTimeZones } from '../format/timeZones.ts';
import type { SettingsForm } from './settingsForm.ts';

const deadlineModeOptions = [
  { value: 'relative', label: 'A number of days after each invitation' },
  { value: 'fixed', label: 'A fixed date and time' },
];

/**
 * The interview's time zone, and when candidates must have answered by: N days after their invitation, or one
 * moment in that zone.
 */
export function DeadlineFields({ form }: { form: SettingsForm }) {
  const timeZone = form.values.timeZone;
  return (
    <div className="field-group">
      <SelectField
        {...form.bind('timeZone')}
        label="Interview time zone"
        hint="Every deadline you type for this interview is read in this zone: a fixed deadline here, the invite form and CSV files alike. Candidates see deadlines in their own time zone."
        options={listTimeZones(timeZone)}
      />
      <RadioGroupField
        {...form.bind('deadlineMode')}
        legend="Deadline"
        hint="Candidates see the deadline in their own time zone. You can extend it for anyone later."
        options={deadlineModeOptions}
      />
      {form.values.deadlineMode === 'relative' ? (
        <TextField
          {...form.bind('deadlineDays')}
          label="Days after the invitation"
          hint="From 1 to 90."
          inputMode="numeric"
          autoComplete="off"
          className="field--short field--nested"
        />
      ) : (
        <div className="field-row field--nested">
          <TextField
            {...form.bind('deadlineDate')}
            label="Deadline date"
            type="date"
            className="field--date"
          />
          <TextField
            {...form.bind('deadlineTime')}
            label="Deadline time"
            type="time"
            className="field--time"
          />
          <p className="field__hint field--time-zone-note">In {timeZone.replaceAll('_', ' ')}</p>
        </div>
      )}
    </div>
  );
}
