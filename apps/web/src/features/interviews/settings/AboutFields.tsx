import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import type { Interview } from '@oneway/shared';
import { PromptVideoField } from '../prompt-video/PromptVideoField.tsx';
import { LogoField } from './LogoField.tsx';
import type { SettingsForm } from './settingsForm.ts';
import { followLanguage } from './settingsValues.ts';

const languageOptions = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
];

const fallbackAccent = '#2f47b8';

/** Title, role, what candidates read first, their language, and the accent colour and logo of their pages. */
export function AboutFields({ form, interview }: { form: SettingsForm; interview?: Interview | undefined }) {
  const accent = /^#[0-9a-f]{6}$/i.test(form.values.accentColour) ? form.values.accentColour : fallbackAccent;
  const language = form.bind('language');
  return (
    <section className="panel form-section" aria-labelledby="about-heading">
      <h2 id="about-heading">About the interview</h2>
      <TextField {...form.bind('title')} label="Title" hint="Candidates see it on their invitation." />
      <TextField {...form.bind('roleTitle')} label="Role" hint="The job the candidate is applying for." />
      <TextAreaField
        {...form.bind('introText')}
        label="Intro text"
        hint="A short welcome on the candidate's first page: who you are and why this interview."
      />
      {interview ? (
        <PromptVideoField
          target={{ interviewId: interview.id }}
          video={interview.introVideo}
          title="Intro video"
          noun="intro video"
          hint="A short welcome candidates can watch on their first page, before anything is timed. It never plays by itself. The intro text above is always shown beside it as its text version, so say the main points there too."
          language={interview.language}
        />
      ) : (
        <p className="field__hint">You can add an intro video once the interview is created.</p>
      )}
      <TextAreaField
        {...form.bind('instructions')}
        label="Candidate instructions"
        hint="Anything candidates should know before they start, such as what to prepare."
      />
      <SelectField
        {...language}
        label="Language"
        hint="The language of the candidate's pages and e-mails."
        options={languageOptions}
        onChange={(event) => {
          language.onChange(event);
          form.setValue('practicePrompt', followLanguage(form.values.practicePrompt, event.target.value));
        }}
      />
      <div className="accent-field">
        <TextField
          {...form.bind('accentColour')}
          label="Accent colour"
          hint="For buttons and headings on the candidate's pages, such as #1a7f5a. Leave empty for the default."
          autoComplete="off"
          spellCheck={false}
          className="field--short"
        />
        <input
          type="color"
          className="colour-swatch"
          aria-label="Pick the accent colour"
          value={accent}
          onChange={(event) => form.setValue('accentColour', event.target.value)}
        />
      </div>
      {/* Saved on its own as soon as a file is chosen; a new interview gets one after it is created. */}
      {interview ? <LogoField interview={interview} /> : null}
    </section>
  );
}
