import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading.tsx';
import { MediaProblemAlert } from '../device-check/MediaProblemAlert.tsx';
import { AnsweredSummary } from './AnsweredSummary.tsx';
import { DeadlineWarning } from './DeadlineWarning.tsx';
import { DevicePicker } from './DevicePicker.tsx';
import type { FlowQuestion } from './flowQuestion.ts';
import { HandoverNotice } from './HandoverNotice.tsx';
import { LiveRefreshNotice } from './LiveInterview.tsx';
import { StreamPreview } from './MediaPreview.tsx';
import { QuestionVideo } from '../prompt-video/QuestionVideo.tsx';
import { PromptCard, promptTextId } from './PromptCard.tsx';
import { QuestionIntro } from './QuestionIntro.tsx';
import { ReadyToRecord } from './ReadyToRecord.tsx';
import { RecordingPanel } from './RecordingPanel.tsx';
import { RecoveryOffer } from './RecoveryOffer.tsx';
import { SilenceWarning } from './SilenceWarning.tsx';
import { TakeFailurePanel } from './TakeFailurePanel.tsx';
import { TakeReview } from './TakeReview.tsx';
import { TextAnswer } from './TextAnswer.tsx';
import { ThinkCountdown } from './ThinkCountdown.tsx';
import { TimeAnnouncer } from './TimeAnnouncer.tsx';
import { TimerToggle, useTimerVisibility } from './TimerToggle.tsx';
import { useAnswerSaving } from './useAnswerSaving.ts';
import { useQuestionFlow } from './useQuestionFlow.ts';
import { useRecovery } from './useRecovery.ts';
import { useSilentTake } from './useSilentTake.ts';
import { useStepFocus } from './useStepFocus.ts';

interface QuestionFlowProps {
  question: FlowQuestion;
  /** "Start question 2", or the practice question's own words. */
  startLabel: string;
  /** Leaves the question once it has an answer (the next question or the review); unused for practice. */
  onAnswered: () => void;
  /** Shown below the step except while recording (links away, pausing), so nothing distracts mid-answer. */
  aside?: ReactNode;
  /** The interview's deadline, for the warning before an answer that may end after it; none for practice. */
  deadline?: string;
}

/** One question from its rules to a saved answer; see useQuestionFlow for the steps. */
export function QuestionFlow({ question, startLabel, onAnswered, aside, deadline }: QuestionFlowProps) {
  const { t } = useTranslation('candidate');
  const flow = useQuestionFlow(question);
  const recovery = useRecovery(flow, question);
  const saving = useAnswerSaving(question, onAnswered);
  const timer = useTimerVisibility();
  const { step, kind, recorder, media } = flow;
  const { state } = recorder;
  const failure = state.phase === 'failed' ? state.failure : null;
  const isSilent = useSilentTake(media.stream, state.phase === 'recording');
  const view = failure && (step === 'recording' || step === 'recorded') ? 'failed' : step;
  const focusRef = useStepFocus(view === 'checking' ? null : view);
  const stepRef = view === 'thinking' ? undefined : focusRef;
  const limit = question.answerSeconds;
  const { answer } = question;
  const timerToggle = <TimerToggle isHidden={timer.isHidden} onChange={timer.setHidden} />;
  // Before recording only: the camera or microphone can be changed here, never mid-take.
  const preview = kind ? (
    <>
      <StreamPreview kind={kind} stream={media.stream} />
      <DevicePicker kind={kind} media={media} />
    </>
  ) : null;
  // Before an answer starts: the deadline drawing near, and another device recording (media answers only).
  const handover =
    kind && flow.handover.isElsewhere ? (
      <HandoverNotice role={flow.handover.isRefused ? 'alert' : 'status'} onTakeOver={flow.takeOver} />
    ) : null;
  const deadlineWarning = (span: { videoSeconds: number; think: FlowQuestion['think'] }) => (
    <DeadlineWarning deadline={deadline} span={{ ...span, answerSeconds: limit }} />
  );

  return (
    <>
      {kind ? (
        <TimeAnnouncer phase={state.phase} remaining={limit === null ? null : limit - flow.elapsed} />
      ) : null}
      {media.problem && view !== 'answered' && view !== 'intro' ? (
        <MediaProblemAlert problem={media.problem} onRetry={() => void media.retry()} />
      ) : null}
      {question.prompt !== null && view !== 'intro' && view !== 'checking' && view !== 'recovery' ? (
        <PromptCard
          prompt={question.prompt}
          headingRef={view === 'thinking' ? focusRef : undefined}
          video={
            // Never while recording: the answer would pick up its sound.
            question.video && view !== 'recording' && view !== 'failed' ? (
              <QuestionVideo
                video={question.video}
                autoPlay={flow.isVideoStarted && view === 'thinking'}
                textId={promptTextId}
              />
            ) : null
          }
        />
      ) : null}
      <LiveRefreshNotice isTakeBusy={flow.isBusy} />
      {view === 'checking' ? <Loading label={t('common.loading')} /> : null}
      {view === 'recovery' && flow.recovered ? (
        <RecoveryOffer take={flow.recovered} {...recovery} headingRef={stepRef} />
      ) : null}
      {view === 'intro' ? (
        <QuestionIntro
          question={question}
          startLabel={startLabel}
          onStart={flow.beginQuestion}
          isStarting={flow.reveal.isPending}
          error={flow.reveal.error}
          headingRef={stepRef}
        >
          {deadlineWarning({ videoSeconds: question.video?.durationSeconds ?? 0, think: question.think })}
          {handover}
        </QuestionIntro>
      ) : null}
      {view === 'thinking' ? (
        <ThinkCountdown
          endsAt={flow.thinkEndsAt}
          startsAt={flow.thinkStartsAt}
          thinkSeconds={question.think}
          startsRecording={question.startMode === 'auto'}
          isTextAnswer={kind === null}
          isTimerHidden={timer.isHidden}
          timerToggle={timerToggle}
          onDone={flow.finishThinking}
          headingRef={undefined}
        >
          {preview}
        </ThinkCountdown>
      ) : null}
      {view === 'ready' ? (
        <ReadyToRecord
          onStart={flow.startRecording}
          isDisabled={media.isStarting}
          error={flow.handover.isRefused ? null : flow.startError}
          headingRef={stepRef}
        >
          {deadlineWarning({ videoSeconds: 0, think: null })}
          {handover}
          {preview}
        </ReadyToRecord>
      ) : null}
      {view === 'recording' && kind ? (
        <RecordingPanel
          kind={kind}
          stream={media.stream}
          state={state}
          elapsed={flow.elapsed}
          limit={limit}
          isTimerHidden={timer.isHidden}
          timerToggle={timerToggle}
          onStop={flow.stop}
          headingRef={stepRef}
        />
      ) : null}
      {view === 'recorded' && kind && isSilent ? (
        <SilenceWarning
          isPractice={question.isPractice}
          takesLeft={state.takesLeft ?? question.takesLeft}
          isSaved={state.phase === 'saved'}
          onRecordAgain={question.isPractice ? flow.restart : () => flow.recordAgain()}
        />
      ) : null}
      {view === 'recorded' && kind ? (
        <TakeReview
          kind={kind}
          state={state}
          isPractice={question.isPractice}
          takesLeft={state.takesLeft ?? question.takesLeft}
          savedTakes={question.savedTakes}
          onRecordAgain={question.isPractice ? flow.restart : () => flow.recordAgain()}
          onSave={saving.saveTake}
          isSaving={saving.isSaving}
          saveError={saving.error}
          headingRef={stepRef}
        />
      ) : null}
      {view === 'failed' && failure ? (
        <TakeFailurePanel
          failure={failure}
          onFreshTake={() => flow.recordAgain('technical_failure')}
          hasAnswer={question.answer !== null}
          onContinue={onAnswered}
          recovery={recovery}
          headingRef={stepRef}
        />
      ) : null}
      {view === 'writing' ? (
        <TextAnswer
          questionId={question.questionId}
          revealedAt={question.revealedAt}
          savedAnswer={answer}
          onUnsavedChange={flow.setHasUnsavedText}
          maxChars={question.textMaxChars}
          answerSeconds={limit}
          isPractice={question.isPractice}
          isTimerHidden={timer.isHidden}
          timerToggle={timerToggle}
          onSave={saving.saveText}
          onTryAgain={flow.restart}
          isSaving={saving.isSaving}
          error={saving.error}
          headingRef={stepRef}
        />
      ) : null}
      {view === 'answered' ? (
        <AnsweredSummary
          kind={kind}
          answer={answer}
          savedTakes={question.savedTakes}
          takesLeft={kind ? question.takesLeft : null}
          onRecordAgain={() => flow.recordAgain()}
          onChooseTake={saving.chooseTake}
          isSaving={saving.isSaving}
          saveError={saving.error}
          onEdit={() => flow.setStep('writing')}
          onContinue={onAnswered}
          headingRef={stepRef}
        />
      ) : null}
      {view === 'recording' ? null : aside}
    </>
  );
}
