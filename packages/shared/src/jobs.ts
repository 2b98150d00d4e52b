/** Dotted job names, shared so the admin pages can show them. */
export const jobNames = {
  emailSend: 'email.send',
  sessionsPurge: 'sessions.purge',
} as const;
export type JobName = (typeof jobNames)[keyof typeof jobNames];
