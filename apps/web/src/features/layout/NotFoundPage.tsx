import { Link } from 'react-router';
import { usePageHeading } from '../../hooks/usePageHeading.ts';

export function NotFoundPage() {
  const headingRef = usePageHeading('Page not found');
  return (
    <div className="auth-card">
      <h1 ref={headingRef} tabIndex={-1}>
        Page not found
      </h1>
      <p>There is no page at this address. If you typed it, check the spelling.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </div>
  );
}
