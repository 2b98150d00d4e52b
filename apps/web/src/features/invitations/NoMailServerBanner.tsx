import { Link } from 'react-router';
import { useMailDelivery } from './mailDelivery.ts';

/** On pages that e-mail candidates, when no mail server is set: nothing reaches them, and what to do about it. */
export function NoMailServerBanner() {
  if (useMailDelivery() === 'smtp') return null;
  return (
    <section className="alert alert--warning" aria-labelledby="no-mail-heading">
      <h2 id="no-mail-heading" className="alert__heading">
        E-mail is not being delivered
      </h2>
      <p>
        No mail server is set, so invitations, reminders and other e-mails are kept in the{' '}
        <Link to="/outbox">Outbox</Link> and reach nobody. To send them, set <code>SMTP_URL</code> (see the
        README) and start Oneway again. Until then, use <strong>Copy link</strong> on a candidate’s row and
        send them their link yourself.
      </p>
    </section>
  );
}
