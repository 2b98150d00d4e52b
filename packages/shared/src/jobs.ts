/** Dotted job names, shared so the admin pages can show them. */
export const jobNames = {
  emailSend: 'email.send',
  sessionsPurge: 'sessions.purge',
  emailSweep: 'email.sweep',
  invitationAnnounce: 'invitation.announce',
  invitationExpire: 'invitation.expire',
  invitationRemind: 'invitation.remind',
  takeProcess: 'take.process',
  promptVideoProcess: 'promptVideo.process',
  interviewRemindersReschedule: 'interview.reminders-reschedule',
  notificationDigest: 'notification.digest',
  takeProcessingSweep: 'take.processing-sweep',
  dataRetention: 'data.retention',
  candidateErase: 'candidate.erase',
  storageCleanup: 'storage.cleanup',
  practiceTakesPurge: 'takes.practice-purge',
  accountPasswordReset: 'account.password-reset',
} as const;
export type JobName = (typeof jobNames)[keyof typeof jobNames];
