import { promptVideoCaptionsMaxBytes } from '@oneway/shared';
import { useId, useState, type ChangeEvent } from 'react';
import { ApiError } from '../../../api/client.ts';
import { getErrorMessage } from '../../../api/errorMessages.ts';
import { FieldFrame } from '../../../components/FieldFrame.tsx';
import { InlineConfirm } from '../../../components/InlineConfirm.tsx';
import { usePromptVideoCaptions, type PromptVideoTarget } from './promptVideoQueries.ts';

/** What the browser can tell is wrong with a captions file before sending it, or null. */
async function checkCaptionsFile(file: File): Promise<string | null> {
  if (!/\.vtt$/i.test(file.name) && file.type !== 'text/vtt') return 'Choose a WebVTT file (.vtt).';
  if (file.size > promptVideoCaptionsMaxBytes) return 'The captions file must be 256 KB or smaller.';
  const start = await file.slice(0, 16).text();
  if (!start.replace(/^\uFEFF/, '').startsWith('WEBVTT')) {
    return 'This is not a WebVTT file: its first line must be WEBVTT. SRT files can be converted with most subtitle tools.';
  }
  return null;
}

function captionsErrorMessage(error: unknown): string {
  // The server names what is wrong in the file; its message says more than a generic one.
  if (error instanceof ApiError && error.code === 'captions_invalid') return error.message;
  return getErrorMessage(error);
}

interface CaptionsControlProps {
  target: PromptVideoTarget;
  hasCaptions: boolean;
  onChanged: (message: string) => void;
}

/** Upload, replace or remove the video's WebVTT captions; saved as soon as a file is chosen. */
export function CaptionsControl({ target, hasCaptions, onChanged }: CaptionsControlProps) {
  const captions = usePromptVideoCaptions(target);
  const [error, setError] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const inputId = useId();

  async function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const problem = await checkCaptionsFile(file);
    setError(problem);
    if (problem) {
      input.value = '';
      return;
    }
    captions.mutate(file, {
      onSuccess: () => onChanged(hasCaptions ? 'Captions replaced.' : 'Captions added.'),
      onError: (err) => setError(captionsErrorMessage(err)),
      onSettled: () => {
        input.value = '';
      },
    });
  }

  function handleRemove() {
    setIsConfirming(false);
    setError(null);
    captions.mutate(null, {
      onSuccess: () => onChanged('Captions removed.'),
      onError: (err) => setError(captionsErrorMessage(err)),
    });
  }

  return (
    <div className="captions-control" aria-busy={captions.isPending}>
      <p className="captions-control__state">
        <strong>Captions:</strong> {hasCaptions ? 'added, shown by default' : 'none yet'}
      </p>
      <FieldFrame
        id={inputId}
        label={hasCaptions ? 'Replace the captions' : 'Add captions'}
        hint="Captions let candidates who are deaf or hard of hearing, or who cannot play sound, follow the video. A WebVTT file (.vtt), at most 256 KB; most editing and transcription tools export one."
        error={error ?? undefined}
      >
        {(aria) => (
          <input
            {...aria}
            id={inputId}
            type="file"
            accept=".vtt,text/vtt"
            onChange={(event) => void handleChange(event)}
            disabled={captions.isPending}
          />
        )}
      </FieldFrame>
      {hasCaptions && !isConfirming ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => setIsConfirming(true)}
          disabled={captions.isPending}
        >
          Remove captions
        </button>
      ) : null}
      {isConfirming ? (
        <InlineConfirm
          question="Remove the captions? Candidates will no longer be able to turn them on."
          confirmLabel="Remove captions"
          onConfirm={handleRemove}
          onCancel={() => setIsConfirming(false)}
        />
      ) : null}
    </div>
  );
}
