import { Link } from 'react-router';
import { useMailDelivery } from '../auth/mailDelivery.ts';

/**
 * On pages that e-mail candidates, when e-mail does not go now: no mail server is set (nothing reaches anyone), or
 * the organisation reached today's e-mail limit (new e-mails wait until tomorrow); and what to do about it.
 */
export function NoMailServerBanner() {
  const delivery = useMailDelivery();
  if (delivery === 'smtp') return null;
  if (delivery === 'held') {
    return (
      <section className="alert alert--warning" aria-labelledby="no-mail-heading">
        <h2 id="no-mail-heading" className="alert__heading">
          Today’s e-mail limit is reached
        </h2>
        <p>
          Your organisation has sent as many e-mails today as this Oneway allows. New invitations, reminders
          and other e-mails are held in the <Link to="/outbox">Outbox</Link> and go out tomorrow (UTC). If a
          candidate needs their link now, use <strong>Copy link</strong> on their row.
        </p>
      </section>
    );
  }
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
