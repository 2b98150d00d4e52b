import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** The question itself, in text, kept on screen while the candidate thinks, records or writes. */
export function PromptCard({
  prompt,
  headingRef,
}: {
  prompt: string;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}) {
  const { t } = useTranslation('candidate');
  return (
    <section className="candidate-section interview-prompt" aria-labelledby="prompt-heading">
      <h2 id="prompt-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.prompt.heading')}
      </h2>
      <p className="interview-prompt__text">{prompt}</p>
    </section>
  );
}
