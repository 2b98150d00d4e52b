import type { CreatedShareLink } from '@oneway/shared';
import { useRef, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { CheckboxField } from '../interviews/fields/CheckboxField.tsx';
import { useCreateShareLink } from './shareQueries.ts';

interface ShareDialogProps {
  interviewId: string;
  invitationIds: string[];
  /** "this candidate" or "3 candidates". */
  subject: string;
  disabled?: boolean;
}

/** "Share" opens a dialog that creates an expiring read-only link and shows it once. */
export function ShareDialog({ interviewId, invitationIds, subject, disabled }: ShareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const create = useCreateShareLink(interviewId);
  const [days, setDays] = useState('7');
  const [anonymised, setAnonymised] = useState(false);
  const [allowRatings, setAllowRatings] = useState(false);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [copied, setCopied] = useState(false);

  const open = () => {
    setCreated(null);
    setCopied(false);
    create.reset();
    dialogRef.current?.showModal();
  };
  return (
    <>
      <button type="button" className="button" onClick={open} disabled={disabled}>
        Share {subject}
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="share-dialog-heading">
        <h2 id="share-dialog-heading">Share {subject}</h2>
        {created ? (
          <div>
            <p>
              Copy the link now: it is shown only once. Anyone with it can watch until it expires or is
              revoked.
            </p>
            <label className="field__label" htmlFor="share-link-url">
              Share link
            </label>
            <input
              id="share-link-url"
              className="input"
              readOnly
              value={created.url}
              onFocus={(e) => e.target.select()}
            />
            <p className="status-inline" role="status">
              {copied ? 'Link copied.' : ''}
            </p>
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => void navigator.clipboard.writeText(created.url).then(() => setCopied(true))}
              >
                Copy link
              </button>
              <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
                Done
              </button>
            </div>
          </div>
        ) : (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate(
                { invitationIds, expiresInDays: Number(days), anonymised, allowRatings },
                { onSuccess: setCreated },
              );
            }}
          >
            <ErrorMessage error={create.error} />
            <div className="field">
              <label className="field__label" htmlFor="share-days">
                Expires in (days)
              </label>
              <input
                id="share-days"
                className="input input--short"
                type="number"
                inputMode="numeric"
                min={1}
                max={90}
                value={days}
                onChange={(event) => setDays(event.target.value)}
              />
            </div>
            <CheckboxField
              id="share-anonymised"
              label="Hide names and e-mail addresses"
              checked={anonymised}
              onChange={setAnonymised}
            />
            <CheckboxField
              id="share-ratings"
              label="Let the guest rate"
              checked={allowRatings}
              onChange={setAllowRatings}
              hint="Guest ratings are shown with the name the guest gives."
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={create.isPending}>
                Create link
              </button>
              <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
