import { validationFailed } from '../../errors.ts';
import {
  defaultPracticePrompts,
  type CreateInterviewData,
  type DeadlinePolicy,
  type InterviewLanguage,
  type PracticeQuestion,
  type UpdateInterviewInput,
} from '@oneway/shared';
import type { InterviewSettings } from './interview-rows.ts';

const defaultPracticeQuestion = (language: InterviewLanguage): PracticeQuestion => ({
  enabled: true,
  promptText: defaultPracticePrompts[language],
  think: { mode: 'timed', seconds: 30 },
  answerSeconds: 90,
});

/** A fixed deadline must lie in the future; it is stored in UTC with the zone's canonical name. */
function checkDeadlinePolicy(policy: DeadlinePolicy, now: Date): DeadlinePolicy {
  if (policy.mode === 'relative') return policy;
  const at = new Date(policy.at);
  if (at.getTime() <= now.getTime()) {
    throw validationFailed([{ field: 'deadlinePolicy.at', message: 'Choose a deadline in the future' }]);
  }
  const timeZone = new Intl.DateTimeFormat('en', { timeZone: policy.timeZone }).resolvedOptions().timeZone;
  return { mode: 'fixed', at: at.toISOString(), timeZone };
}

const normaliseReminderHours = (hours: number[]): number[] => [...hours].sort((a, b) => b - a);

/** A zone's canonical name ("Europe/Kiev" and "europe/kyiv" both become one spelling). */
const canonicalZone = (timeZone: string): string =>
  new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;

/** The settings of a new interview from its parsed input, defaults filled in. */
export function buildInterviewSettings(input: CreateInterviewData, now: Date): InterviewSettings {
  const deadlinePolicy = checkDeadlinePolicy(input.deadlinePolicy, now);
  const zone = input.timeZone ?? (deadlinePolicy.mode === 'fixed' ? deadlinePolicy.timeZone : 'UTC');
  return {
    title: input.title,
    roleTitle: input.roleTitle,
    introText: input.introText,
    instructions: input.instructions,
    language: input.language,
    accentColour: input.accentColour?.toLowerCase() ?? null,
    deadlinePolicy,
    timeZone: canonicalZone(zone),
    reminderHours: normaliseReminderHours(input.reminderHours),
    practiceQuestion: { ...defaultPracticeQuestion(input.language), ...input.practiceQuestion },
    autoExtension: input.autoExtension,
    ratingsHiddenUntilRated: input.ratingsHiddenUntilRated,
    anonymisedReview: input.anonymisedReview,
    outcomeEmails: input.outcomeEmails,
  };
}

/** The current settings with a change applied; nested objects are merged field by field. */
export function applyInterviewChanges(
  current: InterviewSettings,
  changes: UpdateInterviewInput,
  now: Date,
): InterviewSettings {
  const language = changes.language ?? current.language;
  // A practice prompt left at the old language's default follows the language.
  const practicePrompt =
    current.practiceQuestion.promptText === defaultPracticePrompts[current.language]
      ? defaultPracticePrompts[language]
      : current.practiceQuestion.promptText;
  return {
    ...current,
    ...stripUndefined(changes),
    language,
    accentColour:
      changes.accentColour === undefined
        ? current.accentColour
        : (changes.accentColour?.toLowerCase() ?? null),
    deadlinePolicy: changes.deadlinePolicy
      ? checkDeadlinePolicy(changes.deadlinePolicy, now)
      : current.deadlinePolicy,
    timeZone: canonicalZone(changes.timeZone ?? current.timeZone),
    reminderHours: normaliseReminderHours(changes.reminderHours ?? current.reminderHours),
    practiceQuestion: {
      ...current.practiceQuestion,
      promptText: practicePrompt,
      ...stripUndefined(changes.practiceQuestion ?? {}),
    },
    autoExtension: { ...current.autoExtension, ...stripUndefined(changes.autoExtension ?? {}) },
    outcomeEmails: { ...current.outcomeEmails, ...stripUndefined(changes.outcomeEmails ?? {}) },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
