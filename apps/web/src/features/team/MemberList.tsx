import type { SessionInfo } from '@oneway/shared';
import { useRef } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { Feedback } from '../../lib/feedback.ts';
import { MemberRow } from './MemberRow.tsx';
import { useMembers } from './useMembers.ts';

interface MemberListProps {
  session: SessionInfo;
  canManage: boolean;
  feedback: Feedback;
}

export function MemberList({ session, canManage, feedback }: MemberListProps) {
  const members = useMembers();
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading" ref={headingRef} tabIndex={-1}>
        Members{members.data ? ` (${members.data.length})` : ''}
      </h2>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorMessage error={members.error} />
      ) : (
        <ul className="item-list">
          {members.data.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isSelf={member.userId === session.user.id}
              canManage={canManage}
              feedback={feedback}
              // The removed row disappears, so focus needs somewhere sensible to go.
              onRemoved={() => headingRef.current?.focus()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
