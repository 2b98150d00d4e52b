import { TextField } from '../../../components/TextField.tsx';
import { CheckboxField } from '../fields/CheckboxField.tsx';
import { bindCheckbox, type SettingsForm } from './settingsForm.ts';

/** Automatic approval of extension requests, and how the team reviews answers. */
export function ReviewFields({ form }: { form: SettingsForm }) {
  const isAutoOn = form.values.autoExtensionEnabled === 'true';
  return (
    <>
      <section className="panel form-section" aria-labelledby="extensions-heading">
        <h2 id="extensions-heading">Extension requests</h2>
        <CheckboxField
          {...bindCheckbox(form, 'autoExtensionEnabled')}
          label="Approve extension requests automatically"
          hint="Candidates can ask for more time from their invitation page. Requests beyond these limits wait for you."
        />
        {isAutoOn ? (
          <div className="field-row field--nested">
            <TextField
              {...form.bind('autoMaxDays')}
              label="Most days per request"
              hint="From 1 to 30."
              inputMode="numeric"
              autoComplete="off"
              className="field--short"
            />
            <TextField
              {...form.bind('autoMaxTimes')}
              label="Most approvals per candidate"
              hint="From 1 to 5."
              inputMode="numeric"
              autoComplete="off"
              className="field--short"
            />
          </div>
        ) : null}
      </section>
      <section className="panel form-section" aria-labelledby="review-heading">
        <h2 id="review-heading">Review</h2>
        <CheckboxField
          {...bindCheckbox(form, 'ratingsHiddenUntilRated')}
          label="Hide other reviewers' ratings until you rate"
          hint="Each reviewer rates before seeing the team's ratings, so the first opinion does not sway the rest."
        />
        <CheckboxField
          {...bindCheckbox(form, 'anonymisedReview')}
          label="Anonymised review"
          hint="Reviewers do not see candidates' names or contact details."
        />
      </section>
      <section className="panel form-section" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">Outcome e-mails to candidates</h2>
        <p className="hint">
          Off unless you turn it on: a ticked decision e-mails the candidate when it is saved, once. Whoever
          decides can still choose for each candidate. The wording is on the interview&apos;s E-mails page, in
          the interview&apos;s language.
        </p>
        <CheckboxField {...bindCheckbox(form, 'outcomeAdvance')} label="When we advance a candidate" />
        <CheckboxField {...bindCheckbox(form, 'outcomeHold')} label="When we put a candidate on hold" />
        <CheckboxField {...bindCheckbox(form, 'outcomeReject')} label="When we reject a candidate" />
      </section>
    </>
  );
}
