import { interviewLogoMaxBytes, interviewLogoTypes, type Interview } from '@oneway/shared';
import { useId, useState, type ChangeEvent } from 'react';
import { ApiError } from '../../../api/client.ts';
import { getErrorMessage } from '../../../api/errorMessages.ts';
import { FieldFrame } from '../../../components/FieldFrame.tsx';
import { useInterviewLogo } from '../interviewQueries.ts';

const accept = interviewLogoTypes.join(',');

/** The problem with a chosen file that the browser can tell before sending it, or null. */
function checkLogoFile(file: File): string | null {
  if (!(interviewLogoTypes as readonly string[]).includes(file.type)) {
    return 'Choose a PNG, JPEG or WebP image. SVG and other types are not accepted.';
  }
  if (file.size > interviewLogoMaxBytes) return 'The logo must be 1 MB or smaller.';
  return null;
}

function logoErrorMessage(error: unknown): string {
  // The server names the refused type or the mismatch; its message says more than a generic one.
  if (error instanceof ApiError && error.code === 'upload_rejected') return error.message;
  if (error instanceof ApiError && error.code === 'payload_too_large')
    return 'The logo must be 1 MB or smaller.';
  return getErrorMessage(error);
}

/** The logo shown beside the company name on the candidate's pages; saved as soon as it is chosen. */
export function LogoField({ interview }: { interview: Interview }) {
  const logo = useInterviewLogo(interview);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const problem = checkLogoFile(file);
    setError(problem);
    if (problem) return;
    logo.mutate(file, {
      onError: (err) => setError(logoErrorMessage(err)),
      onSettled: () => {
        input.value = '';
      },
    });
  }

  function handleRemove() {
    setError(null);
    logo.mutate(null, { onError: (err) => setError(logoErrorMessage(err)) });
  }

  return (
    <div
      className="logo-field"
      role="group"
      aria-labelledby={`${inputId}-heading`}
      aria-busy={logo.isPending}
    >
      <h3 id={`${inputId}-heading`} className="field__label">
        Logo
      </h3>
      {interview.logoUrl ? (
        <img className="logo-field__preview" src={interview.logoUrl} alt="Current logo" />
      ) : (
        <p className="field__hint">No logo yet.</p>
      )}
      <FieldFrame
        id={inputId}
        label="Upload a logo"
        hint="Shown next to your company name on the candidate's pages. PNG, JPEG or WebP, at most 1 MB."
        error={error ?? undefined}
      >
        {(aria) => (
          <input
            {...aria}
            id={inputId}
            type="file"
            accept={accept}
            onChange={handleChange}
            disabled={logo.isPending}
          />
        )}
      </FieldFrame>
      {interview.logoUrl ? (
        <button type="button" className="button" onClick={handleRemove} disabled={logo.isPending}>
          Remove logo
        </button>
      ) : null}
    </div>
  );
}
