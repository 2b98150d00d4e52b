import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField.tsx';
import { checkLocalDeadline, describeInputTimeZone, parseLocalDeadline } from './deadlineInput.ts';

interface ExtendDeadlineFormProps {
  /** Names the form for assistive technology, e.g. "Extend the deadline of the selected candidates". */
  label: string;
  initialValue?: string;
  isPending: boolean;
  /** Checked before the date: e.g. that some candidates are selected. Returns a message to show, or null. */
  precheck?: () => string | null;
  onExtend: (deadline: string) => void;
}

/** A date and time picker with "Extend deadline"; the value is read on the browser's clock. */
export function ExtendDeadlineForm(props: ExtendDeadlineFormProps) {
  const { label, initialValue = '', isPending, precheck, onExtend } = props;
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (isPending) return;
    const problem = precheck?.() ?? checkLocalDeadline(value);
    setError(problem ?? undefined);
    const deadline = parseLocalDeadline(value);
    if (problem || !deadline) {
      document.getElementById(`${id}-deadline`)?.focus();
      return;
    }
    onExtend(deadline);
  }

  return (
    <form className="extend-form" noValidate onSubmit={handleSubmit} aria-label={label} aria-busy={isPending}>
      <TextField
        id={`${id}-deadline`}
        label="New deadline"
        type="datetime-local"
        value={value}
        error={error}
        hint={describeInputTimeZone()}
        className="field--datetime"
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
      />
      <button type="submit" className="button">
        Extend deadline
      </button>
    </form>
  );
}
