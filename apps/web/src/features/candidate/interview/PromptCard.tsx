import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useInterviewLanguage } from '../useCandidate.ts';

/** The id of the prompt's text, so a video prompt can name it as its text version. */
export const promptTextId = 'prompt-text';

/** The question itself, in text, kept on screen while the candidate thinks, records or writes. */
export function PromptCard({
  prompt,
  headingRef,
  video,
}: {
  prompt: string;
  headingRef: Ref<HTMLHeadingElement> | undefined;
  /** The video prompt, shown above the text. */
  video?: ReactNode;
}) {
  const { t } = useTranslation('candidate');
  const language = useInterviewLanguage();
  return (
    <section className="candidate-section interview-prompt" aria-labelledby="prompt-heading">
      <h2 id="prompt-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.prompt.heading')}
      </h2>
      {video}
      <p id={promptTextId} className="interview-prompt__text" lang={language}>
        {prompt}
      </p>
    </section>
  );
}
