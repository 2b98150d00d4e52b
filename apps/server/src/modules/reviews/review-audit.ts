import type { AuditService } from '../audit/audit.service.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { ReviewViewer } from './review-viewer.ts';

/**
 * Records who looked at or changed a candidate's review: a member by their user id, a guest by the share link
 * and the name they gave. Values are stored as data, never interpreted.
 */
export function recordReviewEvent(
  audit: AuditService,
  viewer: ReviewViewer,
  event: {
    action: string;
    targetType: string;
    targetId: string;
    client?: ClientInfo;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const guest =
    viewer.kind === 'guest' ? { shareLinkId: viewer.shareLinkId, guestName: viewer.guestName } : {};
  return audit.recordEvent({
    organisationId: viewer.organisationId,
    actorUserId: viewer.kind === 'member' ? viewer.userId : null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    ip: event.client?.ip ?? null,
    userAgent: event.client?.userAgent ?? null,
    details: { ...event.details, ...guest },
  });
}
