import { roles, type Role } from '@oneway/shared';

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  recruiter: 'Recruiter',
  reviewer: 'Reviewer',
};

/** What each role may do, shown next to role choices. */
export const roleDescriptions: Record<Role, string> = {
  owner: 'Owner: everything, including the organisation itself',
  admin: 'Admin: manages the team, settings and interviews',
  recruiter: 'Recruiter: creates interviews and invites candidates',
  reviewer: 'Reviewer: watches and rates answers',
};

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
