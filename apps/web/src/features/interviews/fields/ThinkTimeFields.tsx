import { TextField } from '../../../components/TextField.tsx';
import type { BoundField } from './formIssues.ts';
import { RadioGroupField } from './RadioGroupField.tsx';

const thinkModeOptions = [
  { value: 'none', label: 'None' },
  { value: 'timed', label: 'Seconds' },
  { value: 'unlimited', label: 'Unlimited' },
] as const;

interface ThinkTimeFieldsProps {
  mode: BoundField;
  seconds: BoundField;
}

/** Think time before an answer: none, a number of seconds, or as long as the candidate likes. */
export function ThinkTimeFields({ mode, seconds }: ThinkTimeFieldsProps) {
  return (
    <div className="field-group">
      <RadioGroupField
        {...mode}
        legend="Think time"
        hint="Time to read the question and think before the answer starts."
        options={thinkModeOptions}
      />
      {mode.value === 'timed' ? (
        <TextField
          {...seconds}
          label="Think time in seconds"
          hint="From 5 to 600."
          inputMode="numeric"
          autoComplete="off"
          className="field--short field--nested"
        />
      ) : null}
    </div>
  );
}
