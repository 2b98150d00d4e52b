import type { InterviewLanguage } from '@oneway/shared';
import { escapeHtml } from './mail-render.ts';

/**
 * The line every e-mail to a candidate ends with, whatever the employer wrote above it: where to see, download
 * or erase their data. `url` opens "Your data" (through the e-mail's own link token when it has one).
 */
export function yourDataFooterText(options: {
  language: InterviewLanguage;
  companyName: string;
  url: string;
}): string {
  return options.language === 'es'
    ? `Tus datos: para ver, descargar o borrar lo que ${options.companyName} guarda sobre ti, abre ${options.url}`
    : `Your data: to see, download or erase what ${options.companyName} holds about you, open ${options.url}`;
}

/** The mail with the footer added to its text and, before the end of its body, to its HTML. */
export function withYourDataFooter<T extends { text: string; html?: string | null }>(
  mail: T,
  options: { language: InterviewLanguage; companyName: string; url: string },
): T {
  const text = yourDataFooterText(options);
  const paragraph = `<p style="font-size:13px;color:#555555">${escapeHtml(text)}</p>`;
  const html =
    typeof mail.html === 'string'
      ? mail.html.includes('</body>')
        ? mail.html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${paragraph}\n</body>`)
        : `${mail.html}\n${paragraph}`
      : mail.html;
  return { ...mail, text: `${mail.text.trimEnd()}\n\n${text}\n`, html };
}

/** Where "Your data" opens: through a link token, or (for e-mails without one) the page that asks for the link. */
export const yourDataUrlOf = (publicUrl: string, token?: string): string =>
  token ? `${publicUrl}/i/${token}/your-data` : `${publicUrl}/your-data`;
