import { Outlet } from 'react-router';
import { SkipLink } from '../layout/SkipLink.tsx';

/** The frame of a share link's pages: no account, no team navigation. */
export function SharedLayout() {
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header app-header--public">
        <div className="app-header__inner">
          <span className="brand">Oneway</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
