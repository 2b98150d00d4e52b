import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRefreshPromptVideos } from '../prompt-video/useCandidatePromptVideos.ts';
import { initialStep, thinkTimesOf, type FlowQuestion, type FlowStep } from './flowQuestion.ts';
import {
  discardRecoveredTake,
  listRecoverableTakes,
  useTakeRecorder,
  type RecoverableTake,
} from './recorder.ts';
import { useReportTakeBusy } from './LiveInterview.tsx';
import { isAnswerTimeUp, serverClock } from './timing.ts';
import { useAnswerStream } from './useAnswerStream.ts';
import { candidateInterviewQueryKey, useRevealQuestion } from './useCandidateInterview.ts';
import { useElapsed } from './useClock.ts';
import { takeOverOption, useHandover } from './useHandover.ts';
import { useLeaveGuard } from './useLeaveGuard.ts';

type FreeReason = 'technical_failure' | 'recovery';

/**
 * One question's way from its rules to a saved answer: intro -> thinking -> (ready) -> recording -> recorded, or
 * -> writing for text answers; answered when the server already has an answer. The engine owns the take
 * (idle/starting/recording/finishing/saved/failed); this owns the steps around it, the timers and the stream.
 */
export function useQuestionFlow(question: FlowQuestion) {
  const kind = question.answerType === 'text' ? null : question.answerType;
  const recorder = useTakeRecorder();
  const media = useAnswerStream(kind);
  const reveal = useRevealQuestion();
  const queryClient = useQueryClient();
  // Think time runs from the server's reveal, so it is timed on the server's clock (see timing.ts).
  const [first] = useState(() => initialStep(question, serverClock.now()));
  const [step, setStep] = useState<FlowStep>(kind && !question.isPractice ? 'checking' : first.step);
  const [thinkEndsAt, setThinkEndsAt] = useState(first.thinkEndsAt);
  const [thinkStartsAt, setThinkStartsAt] = useState(first.thinkStartsAt);
  // The video prompt plays by itself only right after the candidate's "Start question", never after a reload.
  const [isVideoStarted, setIsVideoStarted] = useState(false);
  const refreshVideos = useRefreshPromptVideos();
  const [recovered, setRecovered] = useState<RecoverableTake | null>(null);
  // A take the server would not open for a reason other than takes or deadline (offline, consent missing).
  const [startError, setStartError] = useState<unknown>(null);
  // Why the next take is free (after a failure or a crash), kept while the candidate gets ready to start it.
  const [nextReason, setNextReason] = useState<FreeReason | undefined>(undefined);
  const { questionId, isPractice } = question;
  const handover = useHandover({ isPractice, startError });
  const { settle: settleHandover, choose: chooseHandover } = handover;
  const { phase } = recorder.state;
  const elapsed = useElapsed(phase === 'recording');
  const stopping = useRef(false);

  // A take kept on this device from a visit that ended mid-answer (reload, crash) is offered before anything else.
  const unfinishedId = question.unfinishedTake?.takeId;
  const savedIds = question.savedTakes.map((saved) => saved.takeId).join(' ');
  useEffect(() => {
    if (step !== 'checking') return;
    let cancelled = false;
    const isUnfinished = (take: RecoverableTake) =>
      take.questionId === questionId &&
      (take.takeId === unfinishedId || !savedIds.split(' ').includes(take.takeId));
    listRecoverableTakes()
      .then((takes) => takes.find(isUnfinished) ?? null)
      .catch(() => null)
      .then((take) => {
        if (cancelled) return;
        setRecovered(take);
        setStep(take ? 'recovery' : first.step);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [step, questionId, unfinishedId, savedIds, first.step]);

  const startRecording = useCallback(
    async (reason?: FreeReason) => {
      if (!kind) return;
      stopping.current = false;
      // Reset with the step change, so the last take's 'saved' never sends the new recording step to its review.
      recorder.reset();
      setStep('recording');
      const stream = await media.ensureLive();
      if (!stream) {
        setStep('ready');
        return;
      }
      try {
        setStartError(null);
        setNextReason(reason);
        await recorder.start({ stream, questionId, kind, reason, ...(isPractice ? {} : takeOverOption()) });
        if (!isPractice) settleHandover();
      } catch (error) {
        setStartError(error);
        setStep('ready');
      }
    },
    [kind, media, recorder, isPractice, questionId, settleHandover],
  );

  const finishThinking = useCallback(() => {
    setThinkEndsAt(null);
    setThinkStartsAt(null);
    if (!kind) setStep('writing');
    else if (question.startMode === 'auto') void startRecording();
    else setStep('ready');
  }, [kind, question.startMode, startRecording]);

  const beginQuestion = useCallback(async () => {
    if (!question.isPractice && question.prompt === null) {
      try {
        await reveal.mutateAsync(question.questionId);
      } catch {
        return; // reveal.error is shown
      }
    }
    // The video's addresses are given once the question is revealed.
    if (question.video) void refreshVideos();
    if (question.think === 'none' && !question.video) return finishThinking();
    const times = thinkTimesOf(question, serverClock.now());
    setThinkStartsAt(times.thinkStartsAt);
    setThinkEndsAt(times.thinkEndsAt);
    setIsVideoStarted(question.video !== null);
    setStep('thinking');
  }, [question, reveal, finishThinking, refreshVideos]);

  /**
   * Another take (a retake, or a free one after a failure or crash) starts as the question says: at once when
   * recording starts by itself, otherwise from "Start recording" with the camera to check first.
   */
  const recordAgain = useCallback(
    (reason?: FreeReason) => {
      if (question.startMode === 'auto') return void startRecording(reason);
      recorder.reset();
      setNextReason(reason);
      setStep('ready');
      void media.ensureLive();
    },
    [question.startMode, startRecording, recorder, media],
  );

  const stop = useCallback(() => {
    if (stopping.current) return;
    stopping.current = true;
    void recorder.stop();
  }, [recorder]);

  // Automatic stop at the answer time limit (none when untimed), on the monotonic clock (useElapsed).
  const limit = question.answerSeconds;
  useEffect(() => {
    if (phase === 'recording' && isAnswerTimeUp(elapsed, limit)) stop();
  }, [phase, limit, elapsed, stop]);

  // Stopping, by hand or at the limit, leads to the take's review; a saved take may now be the answer.
  useEffect(() => {
    if (step === 'recording' && (phase === 'finishing' || phase === 'saved')) setStep('recorded');
    if (phase === 'saved' && !question.isPractice) {
      void queryClient.invalidateQueries({ queryKey: candidateInterviewQueryKey });
    }
  }, [step, phase, question.isPractice, queryClient]);

  // Practice takes are never answers: one left on this device by a reload is of no use to anyone.
  useEffect(() => {
    if (!isPractice) return;
    listRecoverableTakes()
      .then((takes) => takes.filter((take) => take.questionId === questionId))
      .then((takes) => Promise.all(takes.map((take) => discardRecoveredTake(take.takeId))))
      .catch(() => undefined);
  }, [isPractice, questionId]);

  // A take in progress is never unmounted by a refresh (InterviewGate) nor left without asking.
  const isBusy = phase === 'starting' || phase === 'recording' || phase === 'finishing';
  useReportTakeBusy(isBusy);
  useLeaveGuard(isBusy);

  /** "Stop that recording and continue here": this device's next take ends the one recording elsewhere. */
  const takeOver = useCallback(() => {
    chooseHandover();
    if (step === 'intro') void beginQuestion();
    else void startRecording(nextReason);
  }, [chooseHandover, step, beginQuestion, startRecording, nextReason]);

  return {
    step,
    setStep,
    kind,
    recorder,
    media,
    reveal,
    elapsed,
    thinkEndsAt,
    thinkStartsAt,
    isVideoStarted,
    recovered,
    startError,
    isBusy,
    handover,
    takeOver,
    beginQuestion: () => void beginQuestion(),
    finishThinking,
    /** "Start recording" on the ready step; free when the take it replaces failed or was lost. */
    startRecording: () => void startRecording(nextReason),
    recordAgain,
    stop,
    /** Back to the start of the question with fresh timers (practice: "Try again"). */
    restart: () => {
      recorder.reset();
      void beginQuestion();
    },
  };
}

export type QuestionFlow = ReturnType<typeof useQuestionFlow>;
