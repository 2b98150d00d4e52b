import type { InvitationImportPreview } from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';
import { plural } from '../interviews/format/durations.ts';
import { csvColumnNames } from './exampleCsv.ts';

// Enough to check the file looks right; the whole file is imported either way.
const shownRows = 100;

/** What a checked CSV holds: the problems by line first, then the rows that would be invited. */
export function ImportPreview({ preview }: { preview: InvitationImportPreview }) {
  const { errors, valid } = preview;
  return (
    <div className="import-preview">
      {errors.length > 0 ? (
        <>
          <div className="alert alert--error" role="alert">
            <p>
              <strong>
                {plural(errors.length, 'problem', 'problems')} in the file. Nothing has been imported.
              </strong>{' '}
              Fix the lines below and check the file again.
            </p>
          </div>
          <div className="table-scroll" role="region" aria-label="Problems in the file" tabIndex={0}>
            <table className="data-table">
              <caption>Problems in the file</caption>
              <thead>
                <tr>
                  <th scope="col" className="import-preview__line">
                    Line
                  </th>
                  <th scope="col" className="import-preview__narrow">
                    Column
                  </th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((error, index) => (
                  <tr key={`${error.line}-${error.field}-${index}`}>
                    <th scope="row">Line {error.line}</th>
                    <td>{csvColumnNames[error.field] ?? error.field}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {valid.length > 0 ? (
        <div className="table-scroll" role="region" aria-label="Candidates ready to invite" tabIndex={0}>
          <table className="data-table">
            <caption>Ready to invite: {plural(valid.length, 'candidate', 'candidates')}</caption>
            <thead>
              <tr>
                <th scope="col" className="import-preview__line">
                  Line
                </th>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col" className="import-preview__narrow">
                  Phone
                </th>
                <th scope="col" className="import-preview__narrow">
                  External ID
                </th>
                <th scope="col" className="import-preview__deadline">
                  Deadline
                </th>
              </tr>
            </thead>
            <tbody>
              {valid.slice(0, shownRows).map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <th scope="row">{row.name}</th>
                  <td>{row.email}</td>
                  <td>{row.phone ?? '—'}</td>
                  <td>{row.externalId ?? '—'}</td>
                  <td>{formatDateTime(row.deadline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {valid.length > shownRows ? (
            <p className="hint">And {plural(valid.length - shownRows, 'more row', 'more rows')}.</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
