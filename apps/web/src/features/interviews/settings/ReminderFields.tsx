import { useRef } from 'react';
import { RadioGroupField } from '../fields/RadioGroupField.tsx';
import type { SettingsForm } from './settingsForm.ts';

const reminderModeOptions = [
  { value: 'scheduled', label: 'Send reminders before the deadline' },
  { value: 'none', label: 'No reminders' },
];

const maxReminders = 10;

interface ReminderFieldsProps {
  form: SettingsForm;
  reminders: string[];
  onChange: (reminders: string[]) => void;
}

/** The reminder schedule as an editable list of "hours before the deadline", or none at all. */
export function ReminderFields({ form, reminders, onChange }: ReminderFieldsProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const { id, error } = form.bind('reminderHours');
  const errorId = `${id}-error`;
  // Mark the entries that are not whole numbers; when all are (a range or duplicate problem), mark every one.
  const isWhole = (hours: string) => /^\d+$/.test(hours.trim());
  const hasNonNumber = reminders.some((hours) => !isWhole(hours));
  const isInvalid = (hours: string) => Boolean(error) && (!hasNonNumber || !isWhole(hours));

  // After adding or removing, focus lands on the input that took the change, or on Add when none is left.
  function focusReminder(index: number) {
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll('input');
      const target = inputs?.[Math.min(index, inputs.length - 1)];
      (target ?? addRef.current)?.focus();
    });
  }

  return (
    <div className="field-group">
      <RadioGroupField {...form.bind('reminderMode')} legend="Reminders" options={reminderModeOptions} />
      {form.values.reminderMode === 'scheduled' ? (
        <div className={`field--nested reminders${error ? ' field--invalid' : ''}`}>
          {error ? (
            <p className="field__error" id={errorId}>
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          ) : null}
          <ul className="reminders__list" ref={listRef}>
            {reminders.map((hours, index) => (
              <li className="reminders__item" key={index}>
                <span className="reminders__label" id={`${id}-${index}-label`}>
                  Reminder {index + 1}
                </span>
                <input
                  id={index === 0 ? id : `${id}-${index}`}
                  className="input input--number"
                  inputMode="numeric"
                  autoComplete="off"
                  value={hours}
                  aria-labelledby={`${id}-${index}-label ${id}-${index}-unit`}
                  aria-invalid={isInvalid(hours) || undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) =>
                    onChange(reminders.map((h, i) => (i === index ? event.target.value : h)))
                  }
                />
                <span id={`${id}-${index}-unit`}>hours before the deadline</span>
                <button
                  type="button"
                  className="button button--small button--danger-quiet"
                  aria-label={`Remove reminder ${index + 1}`}
                  onClick={() => {
                    onChange(reminders.filter((_, i) => i !== index));
                    focusReminder(index);
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {reminders.length === 0 ? (
            <p className="empty">No reminders yet. Add one, or choose No reminders.</p>
          ) : null}
          {reminders.length < maxReminders ? (
            <button
              ref={addRef}
              type="button"
              className="button button--small"
              onClick={() => {
                onChange([...reminders, '']);
                focusReminder(reminders.length);
              }}
            >
              Add a reminder
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
