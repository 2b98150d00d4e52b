import { Link, NavLink, Outlet } from 'react-router';
import { canManageOrganisation, useSignedInSession } from '../auth/useSession.ts';
import { usePendingRequestCount } from '../invitation-requests/useInvitationRequests.ts';
import { SkipLink } from './SkipLink.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The frame of the signed-in app: header with organisation, main navigation and user menu. */
export function AppLayout() {
  const session = useSignedInSession();
  const decidesRequests = session.role !== 'reviewer';
  const pending = usePendingRequestCount(decidesRequests).data ?? 0;
  const links: { to: string; label: string; count?: number; end?: boolean }[] = [
    { to: '/', label: 'Home', end: true },
    { to: '/interviews', label: 'Interviews' },
    { to: '/question-bank', label: 'Question bank' },
    { to: '/team', label: 'Team' },
    ...(decidesRequests ? [{ to: '/requests', label: 'Requests', count: pending }] : []),
    ...(canManageOrganisation(session)
      ? [
          { to: '/outbox', label: 'Outbox' },
          { to: '/processing', label: 'Processing' },
        ]
      : []),
    { to: '/settings', label: 'Settings' },
  ];

  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <div className="app-header__identity">
            <Link to="/" className="brand">
              Oneway
            </Link>
            <span className="app-header__org" title={session.organisation.name}>
              <span className="visually-hidden">Organisation: </span>
              {session.organisation.name}
            </span>
          </div>
          <nav className="app-nav" aria-label="Main">
            <ul className="app-nav__list">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink
                    to={link.to}
                    className="app-nav__link"
                    end={link.end}
                    // One name, not pieces: the badge's box would put a space before the comma when read out.
                    aria-label={link.count ? `${link.label}, ${link.count} waiting` : undefined}
                  >
                    {link.label}
                    {link.count ? (
                      <span className="app-nav__count" aria-hidden="true">
                        {link.count}
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <UserMenu session={session} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
