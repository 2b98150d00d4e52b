import type { EmailPlaceholder, EmailTemplateKind, Interview } from '@oneway/shared';

/** Each kind of e-mail in words, with who receives it and when. */
export const kindLabels: Record<EmailTemplateKind, { title: string; when: string }> = {
  invitation: { title: 'Invitation', when: 'Sent to the candidate when you invite them.' },
  reminder: {
    title: 'Reminder',
    when: 'Sent to the candidate before the deadline, on the reminder schedule.',
  },
  deadline_extended: {
    title: 'Deadline extended',
    when: 'Sent to the candidate when their deadline is extended.',
  },
  completion_candidate: {
    title: 'Completion (candidate)',
    when: 'Sent to the candidate when they have answered every question.',
  },
  completion_team: {
    title: 'Completion (team)',
    when: "Sent to the interview's team when a candidate has completed the interview.",
  },
  outcome_advance: {
    title: 'Outcome: next step',
    when: 'Sent to the candidate when you advance them, if you tick it with the decision or turn it on for the interview.',
  },
  outcome_hold: {
    title: 'Outcome: on hold',
    when: 'Sent to the candidate when you put them on hold, if you tick it with the decision or turn it on for the interview.',
  },
  outcome_reject: {
    title: 'Outcome: not moving forward',
    when: 'Sent to the candidate when you reject them, if you tick it with the decision or turn it on for the interview.',
  },
};

/** What each placeholder becomes in the e-mail. */
export const placeholderDescriptions: Record<EmailPlaceholder, string> = {
  candidateName: "The candidate's name",
  candidateFirstName: "The first word of the candidate's name, for a friendlier greeting",
  companyName: "Your organisation's name",
  interviewTitle: "The interview's title",
  roleTitle: 'The role you are hiring for',
  link: "The candidate's personal interview link (in the team e-mail: the candidate's page here)",
  deadline: "The candidate's deadline, in their time zone",
  questionCount: 'How many questions the interview has',
};

export const languageNames: Record<Interview['language'], string> = { en: 'English', es: 'Español' };
