export * from './errors.ts';
export * from './accounts.ts';
export * from './outbox.ts';
export * from './jobs.ts';
