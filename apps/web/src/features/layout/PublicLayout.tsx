import { Link, Outlet } from 'react-router';
import { SkipLink } from './SkipLink.tsx';

/** The frame for pages used before signing in: sign up, sign in, password reset, joining a team. */
export function PublicLayout() {
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header app-header--public">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            Oneway
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main app-main--narrow">
        <Outlet />
      </main>
    </div>
  );
}
