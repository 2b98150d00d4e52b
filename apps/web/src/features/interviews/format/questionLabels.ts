import type { AnswerType, QuestionSettings, StartMode, ThinkTime } from '@oneway/shared';
import { formatDuration } from './durations.ts';

export const answerTypeLabels: Record<AnswerType, string> = {
  video: 'Video',
  audio: 'Audio only',
  text: 'Text',
};

export const startModeLabels: Record<StartMode, string> = {
  auto: 'Automatically when think time ends',
  ready: 'When the candidate is ready',
};

export function describeThinkTime(think: ThinkTime): string {
  if (think.mode === 'none') return 'None';
  if (think.mode === 'unlimited') return 'Unlimited';
  return formatDuration(think.seconds);
}

/** The rules of a question as label and value pairs, in the order the form asks for them. */
export function describeQuestionRules(question: QuestionSettings): { term: string; value: string }[] {
  const isText = question.answerType === 'text';
  return [
    { term: 'Answer', value: answerTypeLabels[question.answerType] },
    { term: 'Think time', value: describeThinkTime(question.think) },
    isText
      ? { term: 'Character limit', value: (question.textMaxChars ?? 0).toLocaleString() }
      : { term: 'Answer time', value: formatDuration(question.answerSeconds ?? 0) },
    { term: 'Takes', value: String(question.takes) },
    ...(isText ? [] : [{ term: 'Recording starts', value: startModeLabels[question.startMode] }]),
  ];
}
