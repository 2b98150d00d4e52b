import { roleSchema, type Member } from '@oneway/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SelectField } from '../../components/SelectField.tsx';
import { formatDate } from '../../lib/formatDate.ts';
import { roleLabels, roleOptions } from '../roles.ts';
import type { Feedback } from '../../lib/feedback.ts';
import { InlineConfirm } from '../../components/InlineConfirm.tsx';
import { useChangeRole, useRemoveMember } from './useMembers.ts';

interface MemberRowProps {
  member: Member;
  isSelf: boolean;
  canManage: boolean;
  feedback: Feedback;
  onRemoved: () => void;
}

/** One member; owners and admins can change the role (with an explicit Save) or remove them. */
export function MemberRow({ member, isSelf, canManage, feedback, onRemoved }: MemberRowProps) {
  const selectId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const [role, setRole] = useState(member.role);
  const [isConfirming, setIsConfirming] = useState(false);
  const changeRole = useChangeRole();
  const removeMember = useRemoveMember();
  const canEdit = canManage && !isSelf;

  // Follow the server after a refetch (or a failed change).
  useEffect(() => setRole(member.role), [member.role]);

  function handleRoleSubmit(event: FormEvent) {
    event.preventDefault();
    if (changeRole.isPending || role === member.role) return;
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => {
          feedback.success(`${member.name} is now ${roleLabels[role]}.`);
          selectRef.current?.focus();
        },
        onError: (error) => {
          setRole(member.role);
          feedback.failure(error);
        },
      },
    );
  }

  function handleRemove() {
    if (removeMember.isPending) return;
    removeMember.mutate(member.userId, {
      onSuccess: () => {
        feedback.success(`${member.name} has been removed from the team.`);
        onRemoved();
      },
      onError: (error) => {
        setIsConfirming(false);
        feedback.failure(error);
        removeRef.current?.focus();
      },
    });
  }

  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          {member.name}
          {isSelf ? <span className="item__tag"> (you)</span> : null}
        </p>
        <p className="item__meta">
          <span className="break-anywhere">{member.email}</span>
          <span>Joined {formatDate(member.joinedAt)}</span>
        </p>
      </div>
      {canEdit ? (
        <form className="item__actions" onSubmit={handleRoleSubmit} aria-busy={changeRole.isPending}>
          <SelectField
            id={selectId}
            ref={selectRef}
            label={`Role for ${member.name}`}
            hideLabel
            options={roleOptions}
            value={role}
            onChange={(event) => setRole(roleSchema.parse(event.target.value))}
          />
          {role !== member.role ? (
            <button
              type="submit"
              className="button button--small"
              aria-label={`Save role for ${member.name}`}
            >
              Save
            </button>
          ) : null}
          {isConfirming ? null : (
            <button
              ref={removeRef}
              type="button"
              className="button button--small button--danger-quiet"
              aria-label={`Remove ${member.name}`}
              onClick={() => setIsConfirming(true)}
            >
              Remove
            </button>
          )}
        </form>
      ) : (
        <p className="item__role">{roleLabels[member.role]}</p>
      )}
      {isConfirming ? (
        <InlineConfirm
          question={`Remove ${member.name} from the team? They will lose access straight away.`}
          confirmLabel={`Yes, remove ${member.name}`}
          onConfirm={handleRemove}
          onCancel={() => {
            setIsConfirming(false);
            // Wait for the Remove button to come back before focusing it.
            requestAnimationFrame(() => removeRef.current?.focus());
          }}
        />
      ) : null}
    </li>
  );
}
