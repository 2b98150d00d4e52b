import { SelectField } from '../../components/SelectField.tsx';
import type { BoundField } from '../interviews/fields/formIssues.ts';
import { answerFormatOptions, extraTakeOptions, timeOptions } from './accommodationValues.ts';

interface AccommodationFieldsProps {
  legend: string;
  time: BoundField;
  extraTakes: BoundField;
  format: BoundField;
}

/** Time allowed, extra takes and answer format, grouped under one legend. */
export function AccommodationFields({ legend, time, extraTakes, format }: AccommodationFieldsProps) {
  return (
    <fieldset className="fieldset accommodation-fields">
      <legend className="field__label">{legend}</legend>
      <p className="field__hint">
        Time allowed multiplies think and answer time; extra takes and the answer format apply to every
        question. Reviewers see only that accommodations apply, never what they are or why.
      </p>
      <div className="accommodation-fields__row">
        <SelectField {...time} label="Time allowed" options={timeOptions} />
        <SelectField {...extraTakes} label="Extra takes" options={extraTakeOptions} />
        <SelectField {...format} label="Answer format" options={answerFormatOptions} />
      </div>
    </fieldset>
  );
}
