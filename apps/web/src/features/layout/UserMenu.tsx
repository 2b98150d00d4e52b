import type { SessionInfo } from '@oneway/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useSignOut } from '../auth/useAuthMutations.ts';
import { roleLabels } from '../roles.ts';

/** A disclosure with who is signed in and the sign-out actions. */
export function UserMenu({ session }: { session: SessionInfo }) {
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const signOut = useSignOut();

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target)) setIsOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsidePointer);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  function handleSignOut(everywhere: boolean) {
    if (!signOut.isPending) signOut.mutate(everywhere);
  }

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-label={`${session.user.name}, account menu`}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {getInitials(session.user.name)}
        </span>
        <span className="user-menu__name">{session.user.name}</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!isOpen}>
        <p className="user-menu__who">
          <strong>{session.user.name}</strong>
          <span>{session.user.email}</span>
          <span>{roleLabels[session.role]}</span>
        </p>
        <Link className="button button--block" to="/account/security" onClick={() => setIsOpen(false)}>
          Sign-in and security
        </Link>
        <button type="button" className="button button--block" onClick={() => handleSignOut(false)}>
          Sign out
        </button>
        <button type="button" className="button button--block" onClick={() => handleSignOut(true)}>
          Sign out everywhere
        </button>
        <ErrorMessage error={signOut.error} />
      </div>
    </div>
  );
}

function getInitials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.charAt(0).toUpperCase() ?? '').join('') || '?';
}
