import type { CreateInterviewData, CreateQuestionInput } from '@oneway/shared';

/** The demo follows the example the product started from: a Series B fintech hiring a senior AE. */
export const demoOrganisationName = 'Northwind Pay';
export const demoOwner = { name: 'Dana Reyes', email: 'owner@demo.oneway.test' };
export const demoCandidate = { name: 'Sam Okafor', email: 'sam.okafor@demo.oneway.test' };
/** Has answered every question already, so reviewers have something to watch on the first start. */
export const demoCompletedCandidate = { name: 'Priya Raman', email: 'priya.raman@demo.oneway.test' };

export const demoInterview: CreateInterviewData = {
  title: 'Senior Account Executive — first round',
  roleTitle: 'Senior Account Executive',
  introText:
    'Thanks for applying to Northwind Pay. This first round replaces a phone screen: six questions you answer on ' +
    'video, in your own time, before the deadline. The hiring team watches every answer.',
  instructions:
    'Each question gives you 45 seconds to think and up to two minutes to answer. You have two takes per ' +
    'question and can watch a take before you save it. Start with the practice question: it is never sent to anyone.',
  language: 'en',
  accentColour: '#1f5f8b',
  deadlinePolicy: { mode: 'relative', days: 7 },
  reminderHours: [48, 24],
  practiceQuestion: {},
  autoExtension: { maxDays: 3, maxTimes: 1 },
  ratingsHiddenUntilRated: true,
  anonymisedReview: false,
  outcomeEmails: { advance: false, hold: false, reject: false },
};

const rules = {
  answerType: 'video',
  think: { mode: 'timed', seconds: 45 },
  answerSeconds: 120,
  takes: 2,
  startMode: 'auto',
} as const;

const criterion = (name: string, low: string, high: string) => ({
  name,
  levels: { 1: low, 2: '', 3: 'Meets the bar', 4: '', 5: high },
});

export const demoQuestions: CreateQuestionInput[] = [
  {
    ...rules,
    promptText: 'Walk us through a deal you closed in the last year that you are proud of. What moved it?',
    rubric: {
      criteria: [
        criterion('Outcome first', 'No clear result', 'Leads with the result and the number that moved'),
      ],
    },
  },
  {
    ...rules,
    promptText: 'Tell us about a time you handled a difficult client. What happened, and what did you do?',
  },
  { ...rules, promptText: 'How do you build and keep a pipeline of three times your quota?' },
  { ...rules, promptText: 'Describe a deal you lost. What did you learn and change afterwards?' },
  { ...rules, promptText: 'How would you explain our payments product to a CFO in two minutes?' },
  { ...rules, promptText: 'Why Northwind Pay, and why this role now?' },
];
