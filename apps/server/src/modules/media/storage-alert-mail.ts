import type { StorageProblemKind } from '../../db/schema/storage-problems.ts';
import { storageProblemWords } from '../../lib/storage-errors.ts';

/** The e-mail to an organisation's owners and admins when candidates' uploads hit a storage failure. */
export function composeStorageAlert(options: {
  organisationName: string;
  kind: StorageProblemKind;
  detail: string;
  since: string;
  publicUrl: string;
}): { subject: string; text: string } {
  const since = `${options.since.slice(0, 16).replace('T', ' ')} UTC`;
  return {
    subject: "Candidates' recordings cannot be saved: the server's storage is failing",
    text: `Hello,

Since ${since}, the server has not been able to save the recordings that candidates of ${options.organisationName} are sending.

${storageProblemWords[options.kind]}

The system's message: ${options.detail}

What the server already holds is kept. Candidates' pages are told that the server is busy saving, and send the rest of their recordings once the storage works again.

Storage problems are listed on the Processing page:
${options.publicUrl}/processing

You get this e-mail because you are an owner or admin of ${options.organisationName}; you get at most one an hour about this.`,
  };
}
