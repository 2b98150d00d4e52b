/** Query keys shared across features, in one place so invalidation stays consistent. */
export const sessionQueryKey = ['session'] as const;
export const organisationQueryKey = ['organisation'] as const;
export const membersQueryKey = ['members'] as const;
export const invitationsQueryKey = ['members', 'invitations'] as const;
export const outboxQueryKey = ['outbox'] as const;
