import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { interviewPath } from '../interviews/interviewQueries.ts';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { averageRule } from './reviewFormat.ts';
import { comparePath, raterScoresCsvUrl, resultsCsvUrl, useReviewList } from './reviewQueries.ts';
import { ReviewFiltersForm } from './ReviewFiltersForm.tsx';
import { readFilters, toSearch, toSearchParams, type ReviewFilters } from './reviewSearch.ts';
import { ReviewTable } from './ReviewTable.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { ShareLinksList } from './ShareLinksList.tsx';
import './reviews.css';

/** /interviews/:id/review: the candidates with the team's scores, to filter, open, compare, share and export. */
export function ReviewListPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const list = useReviewList(id, filters);
  const interview = list.data?.interview;
  const title = interview ? `Review: ${interview.title}` : 'Review';
  const headingRef = usePageHeading(title);
  const { status, error, feedback, dismiss } = usePageFeedback();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const navigate = useNavigate();
  const chosen = [...selected];

  const changeFilters = (next: ReviewFilters) => setParams(toSearchParams(next), { replace: true });
  const toggle = (invitationId: string, checked: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (checked) next.add(invitationId);
      else next.delete(invitationId);
      return next;
    });

  return (
    <div className="page page--wide review-page">
      <p className="back-link">
        <Link to={interviewPath(id)}>Back to {interview ? `“${interview.title}”` : 'the interview'}</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1} className="break-anywhere">
        {title}
      </h1>
      {interview ? (
        <p className="lead">
          {interview.roleTitle}
          {interview.anonymised ? ' · Anonymised review: names and e-mail addresses are hidden' : ''}
          {interview.ratingsHiddenUntilRated ? ' · Team ratings show once you have rated' : ''}
        </p>
      ) : null}
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : (
        <>
          <ReviewFiltersForm
            filters={filters}
            onChange={changeFilters}
            canSearch={!list.data.interview.anonymised}
          />
          <div className="review-actions">
            <p className="list-meta__count" aria-live="polite">
              {list.data.total === 1 ? '1 candidate' : `${list.data.total} candidates`}
              {chosen.length > 0 ? `, ${chosen.length} selected` : ''}
            </p>
            <button
              type="button"
              className="button"
              disabled={chosen.length < 2}
              onClick={() => void navigate(comparePath(id, '', chosen))}
            >
              Compare selected
            </button>
            {list.data.interview.canManage ? (
              <ShareDialog
                interviewId={id}
                invitationIds={chosen}
                subject={
                  chosen.length === 0
                    ? 'selected candidates'
                    : chosen.length === 1
                      ? '1 candidate'
                      : `${chosen.length} candidates`
                }
                disabled={chosen.length === 0}
              />
            ) : null}
            <a className="button" href={resultsCsvUrl(id)} download>
              Export results CSV
            </a>
            <a
              className="button"
              href={raterScoresCsvUrl(id)}
              download
              title="One row per reviewer and candidate, with each score and note, for calibrating the team"
            >
              Export scores by rater
            </a>
          </div>
          {chosen.length < 2 ? (
            <p className="hint">
              Select two or more completed candidates to compare them, or one or more to share.
            </p>
          ) : null}
          {list.data.candidates.length === 0 ? (
            <p className="empty">No candidates match these filters.</p>
          ) : (
            <ReviewTable
              interviewId={id}
              candidates={list.data.candidates}
              search={toSearch(filters)}
              selected={selected}
              onToggle={toggle}
            />
          )}
          <p className="hint">{averageRule}</p>
          {list.data.interview.canManage ? (
            <section className="panel review-share-links" aria-labelledby="share-links-heading">
              <h2 id="share-links-heading">Share links</h2>
              <ShareLinksList interviewId={id} feedback={feedback} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
