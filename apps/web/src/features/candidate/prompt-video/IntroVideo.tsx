import type { PromptVideoPlayback } from '@oneway/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PromptVideoPlayer } from './PromptVideoPlayer.tsx';
import { useRefreshOnMediaError } from './useRefreshOnMediaError.ts';
import { useRefreshPromptVideos } from './useCandidatePromptVideos.ts';

interface IntroVideoProps {
  playback: PromptVideoPlayback;
  company: string;
  /** The employer's intro text: the video's text version, shown next to it. */
  introText: string | null;
  /** The interview's language: the employer's captions and text are in it, whatever the pages show. */
  language: string;
}

/** The employer's welcome video on the landing page, beside its text; it plays only when the candidate asks. */
export function IntroVideo({ playback, company, introText, language }: IntroVideoProps) {
  const { t } = useTranslation('candidate');
  const textId = useId();
  const onMediaError = useRefreshOnMediaError(useRefreshPromptVideos());
  return (
    <div className="intro-video">
      <PromptVideoPlayer
        playback={playback}
        label={t('promptVideo.introLabel', { company })}
        captionsLanguage={language}
        captionsLabel={t('promptVideo.captionsLabel')}
        onMediaError={onMediaError}
        describedBy={introText ? textId : undefined}
      />
      {introText ? (
        <p id={textId} className="candidate-text intro-video__text" lang={language}>
          {introText}
        </p>
      ) : null}
    </div>
  );
}
