import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { DurationFields } from '../fields/DurationFields.tsx';
import type { BoundField } from '../fields/formIssues.ts';
import { RadioGroupField } from '../fields/RadioGroupField.tsx';
import { ThinkTimeFields } from '../fields/ThinkTimeFields.tsx';
import { answerTypeLabels, startModeLabels } from '../format/questionLabels.ts';
import type { QuestionValues } from './questionValues.ts';

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const answerTypeOptions = toOptions(answerTypeLabels);
const startModeOptions = toOptions(startModeLabels);
const takesOptions = Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

interface QuestionRuleFieldsProps {
  values: QuestionValues;
  bind: (name: keyof QuestionValues) => BoundField;
  /**
   * A question shows the limit of its answer type (time or characters) and no start for written answers; the
   * rules for new questions show every field, since a new question may be of any type.
   */
  allTypes?: boolean;
}

/** A question's rules: answer type, think time, the answer's limit, takes and how recording starts. */
export function QuestionRuleFields({ values, bind, allTypes = false }: QuestionRuleFieldsProps) {
  const isText = values.answerType === 'text';
  const showTime = allTypes || !isText;
  const showChars = allTypes || isText;
  return (
    <>
      <RadioGroupField {...bind('answerType')} legend="Answer type" options={answerTypeOptions} />
      <ThinkTimeFields mode={bind('thinkMode')} seconds={bind('thinkSeconds')} />
      {showTime ? (
        <DurationFields
          legend={allTypes ? 'Answer time limit (video and audio)' : 'Answer time limit'}
          hint="From 15 seconds to 30 minutes."
          minutes={bind('answerMin')}
          seconds={bind('answerSec')}
        />
      ) : null}
      {showChars ? (
        <TextField
          {...bind('textMaxChars')}
          label={allTypes ? 'Character limit (text)' : 'Character limit'}
          hint="From 100 to 10,000 characters."
          inputMode="numeric"
          autoComplete="off"
          className="field--short"
        />
      ) : null}
      <SelectField
        {...bind('takes')}
        label="Takes"
        hint="How many times the candidate may record their answer and keep the best one."
        options={takesOptions}
      />
      {showTime ? (
        <RadioGroupField {...bind('startMode')} legend="Recording starts" options={startModeOptions} />
      ) : null}
    </>
  );
}
