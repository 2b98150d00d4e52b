import type { ConsentNotice } from '@oneway/shared';
import type { FastifyInstance } from 'fastify';
import { sendAsCandidate, type CandidateBrowser } from './invitations.ts';

/** Reads the recording notice and agrees to it as the candidate page does; fails the test unless it is stored. */
export async function giveConsent(app: FastifyInstance, browser: CandidateBrowser): Promise<string> {
  const notice = await sendAsCandidate(app, browser, {
    method: 'GET',
    url: '/api/v1/candidate/consent-notice',
  });
  if (notice.statusCode !== 200)
    throw new Error(`Reading the notice failed: ${notice.statusCode} ${notice.body}`);
  const { version, hash } = notice.json<ConsentNotice>();
  const res = await sendAsCandidate(app, browser, {
    method: 'POST',
    url: '/api/v1/candidate/consent',
    payload: { noticeVersion: version, noticeHash: hash },
  });
  if (res.statusCode !== 201) throw new Error(`Consent was refused: ${res.statusCode} ${res.body}`);
  return res.json<{ consentedAt: string }>().consentedAt;
}
