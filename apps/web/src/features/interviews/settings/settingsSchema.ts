import { createInterviewSchema, type CreateInterviewInput, type DeadlinePolicy } from '@oneway/shared';
import { createFormSchema, createNumberReader, type FormIssue } from '../fields/formIssues.ts';
import { toZonedInstant } from '../format/timeZones.ts';
import { settingsFieldRoutes, type SettingsValues } from './settingsValues.ts';

type ReadNumber = ReturnType<typeof createNumberReader>;

function toDeadlinePolicy(
  values: SettingsValues,
  readNumber: ReadNumber,
  issues: FormIssue[],
): DeadlinePolicy {
  if (values.deadlineMode === 'relative') {
    return {
      mode: 'relative',
      days: readNumber(values.deadlineDays, 'deadlineDays', 'Enter the number of days'),
    };
  }
  if (!values.deadlineDate) issues.push({ field: 'deadlineDate', message: 'Enter the deadline date' });
  if (!values.deadlineTime) issues.push({ field: 'deadlineTime', message: 'Enter the deadline time' });
  // A fixed deadline is set in the interview's time zone, like every other deadline typed for it.
  const at = toZonedInstant({ date: values.deadlineDate, time: values.deadlineTime }, values.timeZone);
  if (values.deadlineDate && values.deadlineTime && !at) {
    issues.push({ field: 'deadlineDate', message: 'Enter a real date and time' });
  } else if (at && at.getTime() <= Date.now()) {
    issues.push({ field: 'deadlineDate', message: 'Choose a deadline in the future' });
  }
  return { mode: 'fixed', at: at?.toISOString() ?? '', timeZone: values.timeZone };
}

/** The API body for the form's values; the reminder list is kept outside the flat values. */
function toInterviewInput({ values, reminders }: { values: SettingsValues; reminders: string[] }) {
  const issues: FormIssue[] = [];
  const readNumber = createNumberReader(issues);
  const isAutoOn = values.autoExtensionEnabled === 'true';
  const thinkSeconds =
    values.practiceThinkMode === 'timed'
      ? readNumber(values.practiceThinkSeconds, 'practiceThinkSeconds', 'Enter the think time in seconds')
      : 0;
  const answerMessage = 'Enter the answer time in minutes and seconds';
  const answerSeconds =
    readNumber(values.practiceAnswerMinutes || '0', 'practiceAnswerMinutes', answerMessage) * 60 +
    readNumber(values.practiceAnswerSeconds || '0', 'practiceAnswerMinutes', answerMessage);
  const input: CreateInterviewInput = {
    title: values.title,
    roleTitle: values.roleTitle,
    introText: values.introText,
    instructions: values.instructions,
    language: values.language as CreateInterviewInput['language'],
    accentColour: values.accentColour.trim() || null,
    deadlinePolicy: toDeadlinePolicy(values, readNumber, issues),
    timeZone: values.timeZone,
    reminderHours:
      values.reminderMode === 'none'
        ? []
        : reminders.map((hours, i) =>
            readNumber(hours, 'reminderHours', `Reminder ${i + 1}: Enter a whole number of hours`),
          ),
    practiceQuestion: {
      enabled: values.practiceEnabled === 'true',
      promptText: values.practicePrompt,
      think:
        values.practiceThinkMode === 'timed'
          ? { mode: 'timed', seconds: thinkSeconds }
          : { mode: values.practiceThinkMode as 'none' | 'unlimited' },
      answerSeconds,
    },
    autoExtension: isAutoOn
      ? {
          maxDays: readNumber(values.autoMaxDays, 'autoMaxDays', 'Enter a whole number of days'),
          maxTimes: readNumber(values.autoMaxTimes, 'autoMaxTimes', 'Enter a whole number of times'),
        }
      : { maxDays: 0, maxTimes: 0 },
    ratingsHiddenUntilRated: values.ratingsHiddenUntilRated === 'true',
    anonymisedReview: values.anonymisedReview === 'true',
    outcomeEmails: {
      advance: values.outcomeAdvance === 'true',
      hold: values.outcomeHold === 'true',
      reject: values.outcomeReject === 'true',
    },
  };
  if (isAutoOn && input.autoExtension?.maxDays === 0) {
    issues.push({ field: 'autoMaxDays', message: 'Allow at least 1 day, or turn automatic approval off' });
  }
  if (isAutoOn && input.autoExtension?.maxTimes === 0) {
    issues.push({ field: 'autoMaxTimes', message: 'Allow at least 1 time, or turn automatic approval off' });
  }
  return { input, issues };
}

/** Checks the settings form and gives the complete body for POST /interviews or PATCH /interviews/:id. */
export const settingsFormSchema = createFormSchema(
  toInterviewInput,
  createInterviewSchema,
  settingsFieldRoutes,
);
