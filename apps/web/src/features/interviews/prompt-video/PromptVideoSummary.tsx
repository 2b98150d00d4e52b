import type { PromptVideo } from '@oneway/shared';
import { formatDuration } from '../format/durations.ts';

const statusWords = {
  processing: 'processing…',
  failed: 'failed to process; edit the question to try again',
};

/** One line under a question: whether it has a video prompt and in what state. */
export function PromptVideoSummary({ video }: { video: PromptVideo | null }) {
  if (!video) return null;
  const state =
    video.status === 'ready'
      ? [
          video.durationSeconds === null ? 'ready' : formatDuration(Math.round(video.durationSeconds)),
          video.hasCaptions ? 'with captions' : 'no captions',
        ].join(', ')
      : statusWords[video.status];
  return (
    <p className={video.status === 'failed' ? 'question__video question__video--failed' : 'question__video'}>
      <span aria-hidden="true">▶</span> Video prompt: {state}
    </p>
  );
}
