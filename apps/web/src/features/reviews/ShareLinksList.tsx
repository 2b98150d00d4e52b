import { formatDateTime } from '../../lib/formatDate.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { useRevokeShareLink, useShareLinks } from './shareQueries.ts';

const statusLabels = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

interface ShareLinksListProps {
  interviewId: string;
  /** Only links that include this candidate. */
  invitationId?: string;
  feedback: Feedback;
}

/** The interview's share links with their state and a way to revoke each. */
export function ShareLinksList({ interviewId, invitationId, feedback }: ShareLinksListProps) {
  const links = useShareLinks(interviewId, true);
  const revoke = useRevokeShareLink(interviewId);
  if (!links.data) return null;
  const shown = links.data.filter((l) => !invitationId || l.invitationIds.includes(invitationId));
  if (shown.length === 0) return <p className="muted">No share links yet.</p>;
  return (
    <ul className="item-list share-links">
      {shown.map((link) => (
        <li key={link.id} className="item">
          <div className="item__main">
            <p className="item__title">
              {link.invitationIds.length === 1 ? '1 candidate' : `${link.invitationIds.length} candidates`} ·{' '}
              {statusLabels[link.status]}
            </p>
            <p className="item__meta">
              <span>
                {link.status === 'revoked' ? 'Revoked' : 'Expires'}{' '}
                {formatDateTime(
                  link.status === 'revoked' && link.revokedAt ? link.revokedAt : link.expiresAt,
                )}
              </span>
              <span>By {link.createdBy.name}</span>
              <span>Opened {link.useCount === 1 ? 'once' : `${link.useCount} times`}</span>
              {link.anonymised ? <span>Anonymised</span> : null}
              {link.allowRatings ? <span>Guest may rate</span> : null}
            </p>
          </div>
          {link.status === 'active' ? (
            <button
              type="button"
              className="button button--small button--danger-quiet"
              disabled={revoke.isPending}
              onClick={() =>
                revoke.mutate(link.id, {
                  onSuccess: () => feedback.success('Share link revoked. It no longer opens.'),
                  onError: feedback.failure,
                })
              }
            >
              Revoke<span className="visually-hidden"> link created {formatDateTime(link.createdAt)}</span>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
