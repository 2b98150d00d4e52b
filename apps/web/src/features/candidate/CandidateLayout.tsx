import { useEffect, useLayoutEffect, useState, type CSSProperties } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Outlet } from 'react-router';
import {
  applyInterviewLanguage,
  candidateI18n,
  isInitialCandidateLanguageLoaded,
  loadInitialCandidateLanguage,
} from '../../i18n/candidateI18n.ts';
import { usableAccentColour } from './accentColour.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useCachedCandidateLanding } from './useCandidate.ts';
import './candidate.css';

/**
 * The frame of the candidate pages: no employer navigation, the company's name and logo, the accent colour (only
 * when white text on it stays readable), and the pages' language: the interview's unless the candidate chose
 * another with the switch in the header.
 */
export function CandidateLayout() {
  const landing = useCachedCandidateLanding();
  const language = landing?.language;
  const accent = usableAccentColour(landing?.accentColour);
  // A Spanish browser's first page waits for the Spanish strings (a small chunk) rather than flash English.
  const [languageReady, setLanguageReady] = useState(isInitialCandidateLanguageLoaded);

  useEffect(() => {
    if (!languageReady) void loadInitialCandidateLanguage().then(() => setLanguageReady(true));
  }, [languageReady]);

  // Before paint, so a reload never shows a frame in the wrong language.
  useLayoutEffect(() => {
    if (language) applyInterviewLanguage(language);
  }, [language]);

  useEffect(
    () => () => {
      document.documentElement.lang = 'en';
    },
    [],
  );

  const style = accent ? ({ '--candidate-accent': accent } as CSSProperties) : undefined;
  return (
    <I18nextProvider i18n={candidateI18n}>
      <div className="candidate" style={style}>
        <header className="candidate-header">
          <div className="candidate-header__bar">
            {landing ? (
              <div className="candidate-header__company">
                {landing.logoUrl ? (
                  <img
                    className="candidate-header__logo"
                    src={landing.logoUrl}
                    alt={`${landing.companyName} logo`}
                  />
                ) : null}
                <p>{landing.companyName}</p>
              </div>
            ) : null}
            {languageReady ? <LanguageSwitch /> : null}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="candidate-main">
          {languageReady ? <Outlet /> : null}
        </main>
      </div>
    </I18nextProvider>
  );
}
