import { CheckboxField } from '../fields/CheckboxField.tsx';
import { DurationFields } from '../fields/DurationFields.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { ThinkTimeFields } from '../fields/ThinkTimeFields.tsx';
import { bindCheckbox, type SettingsForm } from './settingsForm.ts';

/** The practice question: on by default, with the real timers, and never sent to reviewers. */
export function PracticeFields({ form }: { form: SettingsForm }) {
  const isEnabled = form.values.practiceEnabled === 'true';
  return (
    <section className="panel form-section" aria-labelledby="practice-heading">
      <h2 id="practice-heading">Practice question</h2>
      <CheckboxField
        {...bindCheckbox(form, 'practiceEnabled')}
        label="Offer a practice question"
        hint="Candidates can try it as often as they like before the real questions. Its answers are never sent to reviewers."
      />
      {isEnabled ? (
        <div className="field-group field--nested">
          <TextAreaField {...form.bind('practicePrompt')} label="Practice prompt" rows={3} />
          <ThinkTimeFields
            mode={form.bind('practiceThinkMode')}
            seconds={form.bind('practiceThinkSeconds')}
          />
          <DurationFields
            legend="Answer time limit"
            hint="From 15 seconds to 30 minutes."
            minutes={form.bind('practiceAnswerMinutes')}
            seconds={form.bind('practiceAnswerSeconds')}
          />
        </div>
      ) : null}
    </section>
  );
}
