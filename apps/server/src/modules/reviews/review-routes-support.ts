import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';
import type { MemberViewer } from './review-viewer.ts';

export const reviewTags = ['reviews'];
export const security = [{ session: [] }];
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** The signed-in member (or API key) as a review viewer; 401 when anonymous. */
export function requireMemberViewer(request: FastifyRequest): MemberViewer {
  const auth = requireMember(request);
  return { kind: 'member', organisationId: auth.organisationId, userId: auth.userId, role: auth.role };
}

/** Sends an export as a CSV download named `fileName`. */
export function sendCsvFile(reply: FastifyReply, file: { fileName: string; csv: string }): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.csv);
}
