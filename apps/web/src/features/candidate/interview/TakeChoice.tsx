import type { SavedTake } from '@oneway/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewErrorMessage } from './interviewErrors.ts';
import { formatBytes, formatClock } from './interviewFormat.ts';
import { useTakePlayback } from './useTakePlayback.ts';

interface TakeChoiceProps {
  kind: 'video' | 'audio';
  /** Every saved take of the question, oldest first. */
  takes: SavedTake[];
  chosenTakeId: string | null;
  /** The take just recorded, played back above the list: it gets no player of its own here. */
  justRecordedTakeId?: string | null;
  /** Its length as recorded here, shown until the server's processed length is known. */
  justRecordedSeconds?: number;
  onChoose: (takeId: string) => void;
  isDisabled: boolean;
}

/** "Keep the one you prefer": each saved take with its length, playable, one of them chosen as the answer. */
export function TakeChoice({
  kind,
  takes,
  chosenTakeId,
  justRecordedTakeId,
  justRecordedSeconds,
  onChoose,
  isDisabled,
}: TakeChoiceProps) {
  const { t, i18n } = useTranslation('candidate');
  const name = useId();
  return (
    <fieldset className="take-choice">
      <legend>{t('interview.takes.legend')}</legend>
      <ul className="take-choice__list">
        {takes.map((take) => {
          const isJustRecorded = take.takeId === justRecordedTakeId;
          const seconds = take.durationSeconds ?? (isJustRecorded ? justRecordedSeconds : undefined);
          // Whole seconds as a player shows them; the size until the length is known.
          const length =
            seconds === undefined
              ? formatBytes(take.bytes, i18n.language)
              : formatClock(Math.max(1, Math.floor(seconds)));
          return (
            <li key={take.takeId} className="take-choice__item">
              <label className="take-choice__option">
                <input
                  type="radio"
                  name={name}
                  value={take.takeId}
                  checked={take.takeId === chosenTakeId}
                  onChange={() => onChoose(take.takeId)}
                  disabled={isDisabled}
                />
                <span>
                  {t('interview.takes.option', { number: take.takeNumber, length })}
                  {isJustRecorded ? ` ${t('interview.takes.justRecorded')}` : null}
                </span>
              </label>
              {isJustRecorded ? null : <SavedTakePlayer kind={kind} take={take} />}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** Plays a saved take from the server once asked (each address is signed for this candidate and expires). */
function SavedTakePlayer({ kind, take }: { kind: 'video' | 'audio'; take: SavedTake }) {
  const { t } = useTranslation('candidate');
  const playback = useTakePlayback(take.takeId);
  const label = t('interview.takes.player', { number: take.takeNumber });
  if (playback.data) {
    return kind === 'video' ? (
      <video
        className="interview-playback take-choice__player"
        src={playback.data.url}
        controls
        autoPlay
        playsInline
        aria-label={label}
      />
    ) : (
      <audio
        className="interview-playback-audio"
        src={playback.data.url}
        controls
        autoPlay
        aria-label={label}
      />
    );
  }
  return (
    <div className="take-choice__play">
      <button
        type="button"
        className="button"
        onClick={() => playback.mutate()}
        disabled={playback.isPending}
      >
        {playback.isPending
          ? t('interview.takes.loading', { number: take.takeNumber })
          : t('interview.takes.play', { number: take.takeNumber })}
      </button>
      {playback.error ? (
        <div className="alert alert--error" role="alert">
          <p>{interviewErrorMessage(t, playback.error)}</p>
        </div>
      ) : null}
    </div>
  );
}
