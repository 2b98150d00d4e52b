import { defaultPracticePrompts, type Interview, type InterviewLanguage } from '@oneway/shared';
import type { FieldRoute } from '../fields/formIssues.ts';
import { splitDuration } from '../format/durations.ts';
import { getBrowserTimeZone, toWallTime } from '../format/timeZones.ts';

/**
 * The settings form as flat strings, in the order the fields appear (the error summary follows it).
 * `reminderHours` only carries the reminder list's error; the list itself is kept beside the form.
 */
export function createSettingsValues() {
  return {
    title: '',
    roleTitle: '',
    introText: '',
    instructions: '',
    language: 'en',
    accentColour: '',
    deadlineMode: 'relative',
    deadlineDays: '7',
    deadlineDate: '',
    deadlineTime: '17:00',
    // The interview's time zone, for every deadline typed for it; a new interview starts in the creator's.
    timeZone: getBrowserTimeZone(),
    reminderMode: 'scheduled',
    reminderHours: '',
    practiceEnabled: 'true',
    practicePrompt: defaultPracticePrompts.en,
    practiceThinkMode: 'timed',
    practiceThinkSeconds: '30',
    practiceAnswerMinutes: '1',
    practiceAnswerSeconds: '30',
    autoExtensionEnabled: 'false',
    autoMaxDays: '3',
    autoMaxTimes: '1',
    ratingsHiddenUntilRated: 'true',
    anonymisedReview: 'false',
    outcomeAdvance: 'false',
    outcomeHold: 'false',
    outcomeReject: 'false',
  };
}

export type SettingsValues = ReturnType<typeof createSettingsValues>;

export const defaultReminderHours = ['48', '24'];

/** The form's values for an existing interview. */
export function toSettingsValues(interview: Interview): SettingsValues {
  const base = createSettingsValues();
  const deadline = interview.deadlinePolicy;
  const practice = interview.practiceQuestion;
  const answer = splitDuration(practice.answerSeconds);
  const wall = deadline.mode === 'fixed' ? toWallTime(deadline.at, interview.timeZone) : null;
  const auto = interview.autoExtension;
  const isAutoOn = auto.maxDays > 0 && auto.maxTimes > 0;
  return {
    ...base,
    title: interview.title,
    roleTitle: interview.roleTitle,
    introText: interview.introText,
    instructions: interview.instructions,
    language: interview.language,
    accentColour: interview.accentColour ?? '',
    deadlineMode: deadline.mode,
    deadlineDays: deadline.mode === 'relative' ? String(deadline.days) : base.deadlineDays,
    deadlineDate: wall?.date ?? '',
    deadlineTime: wall?.time ?? base.deadlineTime,
    timeZone: interview.timeZone,
    reminderMode: interview.reminderHours.length > 0 ? 'scheduled' : 'none',
    practiceEnabled: String(practice.enabled),
    practicePrompt: practice.promptText,
    practiceThinkMode: practice.think.mode,
    practiceThinkSeconds: practice.think.mode === 'timed' ? String(practice.think.seconds) : '30',
    practiceAnswerMinutes: answer.minutes,
    practiceAnswerSeconds: answer.seconds,
    autoExtensionEnabled: String(isAutoOn),
    autoMaxDays: isAutoOn ? String(auto.maxDays) : base.autoMaxDays,
    autoMaxTimes: isAutoOn ? String(auto.maxTimes) : base.autoMaxTimes,
    ratingsHiddenUntilRated: String(interview.ratingsHiddenUntilRated),
    anonymisedReview: String(interview.anonymisedReview),
    outcomeAdvance: String(interview.outcomeEmails.advance),
    outcomeHold: String(interview.outcomeEmails.hold),
    outcomeReject: String(interview.outcomeEmails.reject),
  };
}

/** The reminder list for the form: the interview's own, or the defaults when it sends none. */
export function toReminderList(interview: Interview | undefined): string[] {
  if (!interview || interview.reminderHours.length === 0) return defaultReminderHours;
  return interview.reminderHours.map(String);
}

/** A practice prompt left at one language's default follows the interview's language. */
export function followLanguage(prompt: string, language: string): string {
  const defaults = Object.values(defaultPracticePrompts);
  return defaults.includes(prompt) ? defaultPracticePrompts[language as InterviewLanguage] : prompt;
}

/** API fields that show on a differently named form field. */
export const settingsFieldRoutes: FieldRoute[] = [
  { prefix: 'deadlinePolicy', field: 'deadlineMode' },
  { prefix: 'deadlinePolicy.days', field: 'deadlineDays' },
  { prefix: 'deadlinePolicy.at', field: 'deadlineDate' },
  { prefix: 'deadlinePolicy.timeZone', field: 'timeZone' },
  { prefix: 'timeZone', field: 'timeZone' },
  { prefix: 'reminderHours', field: 'reminderHours', item: 'Reminder' },
  { prefix: 'practiceQuestion', field: 'practiceEnabled' },
  { prefix: 'practiceQuestion.promptText', field: 'practicePrompt' },
  { prefix: 'practiceQuestion.think', field: 'practiceThinkMode' },
  { prefix: 'practiceQuestion.think.seconds', field: 'practiceThinkSeconds' },
  { prefix: 'practiceQuestion.answerSeconds', field: 'practiceAnswerMinutes' },
  { prefix: 'autoExtension', field: 'autoExtensionEnabled' },
  { prefix: 'autoExtension.maxDays', field: 'autoMaxDays' },
  { prefix: 'autoExtension.maxTimes', field: 'autoMaxTimes' },
];
