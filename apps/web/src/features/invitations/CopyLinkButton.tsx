import type { Invitation } from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { useCopyCandidateLink } from './invitationMutations.ts';

/**
 * One click for a working link to hand the candidate yourself (no mail server, or a lost e-mail). Each click makes
 * a fresh link, as a reminder does: the links already sent keep working, and no link is ever stored in the clear.
 */
export function CopyLinkButton({ invitation, feedback }: { invitation: Invitation; feedback: Feedback }) {
  const copy = useCopyCandidateLink(invitation.id);
  return (
    <button
      type="button"
      className="button button--small"
      aria-label={`Copy link for ${invitation.name}`}
      aria-disabled={copy.isPending || undefined}
      onClick={() => {
        if (copy.isPending) return;
        copy.mutate(undefined, {
          onSuccess: ({ url, expiresAt }) => {
            const until = formatDateTime(expiresAt);
            navigator.clipboard.writeText(url).then(
              () =>
                feedback.success(
                  `Link for ${invitation.name} copied. It works until ${until}; links already e-mailed keep working.`,
                ),
              // No clipboard (permission, an old browser): the link is in the message, to select and copy.
              () =>
                feedback.success(
                  `Link for ${invitation.name}, to copy and send yourself (until ${until}): ${url}`,
                ),
            );
          },
          onError: feedback.failure,
        });
      }}
    >
      Copy link
    </button>
  );
}
