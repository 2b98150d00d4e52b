import { useTranslation } from 'react-i18next';

type ContactKey = 'landing.privacyContact' | 'landing.help';

/**
 * A sentence whose `<contact>` tag becomes a mailto link to the given address. Plain text around it, so no HTML
 * from a translation is ever rendered (and the candidate pages need no `<Trans>`).
 */
export function ContactSentence({ i18nKey, email }: { i18nKey: ContactKey; email: string }) {
  const { t } = useTranslation('candidate');
  const sentence = t(i18nKey, { email });
  const match = /^(.*?)<contact>(.*?)<\/contact>(.*)$/s.exec(sentence);
  if (!match) return <>{sentence}</>;
  const [, before, linkText, after] = match;
  return (
    <>
      {before}
      <a href={`mailto:${email}`} className="break-anywhere">
        {linkText}
      </a>
      {after}
    </>
  );
}
