import { useTranslation } from 'react-i18next';
import { useInterviewLanguage } from '../useCandidate.ts';
import { PromptVideoPlayer } from './PromptVideoPlayer.tsx';
import type { CandidateQuestionVideo } from './useCandidatePromptVideos.ts';
import { useRefreshPromptVideos } from './useCandidatePromptVideos.ts';
import { useRefreshOnMediaError } from './useRefreshOnMediaError.ts';

interface QuestionVideoProps {
  video: CandidateQuestionVideo;
  /** Right after "Start question" (the candidate's own click); the player keeps its controls either way. */
  autoPlay: boolean;
  /** The id of the prompt's text, the video's text version. */
  textId: string;
}

/** The employer asking the question on video, above its text; captions on when there are some. */
export function QuestionVideo({ video, autoPlay, textId }: QuestionVideoProps) {
  const { t, i18n } = useTranslation('candidate');
  // The employer's captions are in the interview's language, which the pages may not show.
  const captionsLanguage = useInterviewLanguage() ?? i18n.language;
  const onMediaError = useRefreshOnMediaError(useRefreshPromptVideos());
  if (!video.playback) {
    return (
      <p className="prompt-video-loading" role="status">
        {t('promptVideo.loading')}
      </p>
    );
  }
  return (
    <PromptVideoPlayer
      playback={video.playback}
      label={t('promptVideo.questionLabel')}
      captionsLanguage={captionsLanguage}
      captionsLabel={t('promptVideo.captionsLabel')}
      autoPlay={autoPlay}
      onMediaError={onMediaError}
      describedBy={textId}
    />
  );
}
