import { playbackSchema, type CompareResult } from '@oneway/shared';
import { useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { requestApi } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { useInterview } from '../interviews/interviewQueries.ts';
import { AnswerPlayer } from './AnswerPlayer.tsx';
import { decisionLabels, formatScore } from './reviewFormat.ts';
import { reviewCandidatePath, reviewListPath, useCompare } from './reviewQueries.ts';
import './reviews.css';

const requestPlayback = (takeId: string) =>
  requestApi(`/takes/${encodeURIComponent(takeId)}/playback`, { method: 'POST', schema: playbackSchema });

/** /interviews/:id/compare?questionId=&ids=: one question across chosen candidates, side by side. */
export function ComparePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const interview = useInterview(id);
  const questions = interview.data?.questions ?? [];
  const questionId = params.get('questionId') || questions[0]?.id || '';
  const compare = useCompare(id, questionId, ids);
  const headingRef = usePageHeading('Compare candidates');

  return (
    <div className="page page--wide review-page">
      <p className="back-link">
        <Link to={reviewListPath(id)}>
          All candidates{interview.data ? ` of “${interview.data.title}”` : ''}
        </Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        Compare candidates
      </h1>
      {questions.length > 0 ? (
        <SelectField
          id="compare-question"
          label="Question"
          options={questions.map((q, index) => ({ value: q.id, label: `${index + 1}. ${q.promptText}` }))}
          value={questionId}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            next.set('questionId', event.target.value);
            setParams(next, { replace: true });
          }}
        />
      ) : null}
      {ids.length === 0 ? (
        <p className="alert alert--info">Choose candidates on the review list to compare them.</p>
      ) : compare.isError ? (
        <ErrorMessage error={compare.error} />
      ) : interview.isError ? (
        <ErrorMessage error={interview.error} />
      ) : !compare.data ? (
        <Loading />
      ) : (
        <CompareGrid interviewId={id} result={compare.data} onRetry={() => void compare.refetch()} />
      )}
    </div>
  );
}

function CompareGrid({
  interviewId,
  result,
  onRetry,
}: {
  interviewId: string;
  result: CompareResult;
  onRetry: () => void;
}) {
  return (
    <>
      <p className="question-review__prompt break-anywhere">{result.question.promptText}</p>
      <ul className="compare-grid">
        {result.candidates.map((c) => (
          <CompareCard key={c.invitationId} interviewId={interviewId} candidate={c} onRetry={onRetry} />
        ))}
      </ul>
    </>
  );
}

function CompareCard(props: {
  interviewId: string;
  candidate: CompareResult['candidates'][number];
  onRetry: () => void;
}) {
  const { candidate: c } = props;
  const mediaRef = useRef<HTMLMediaElement | null>(null);
  const headingId = `compare-${c.invitationId}`;
  return (
    <li className="panel compare-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="break-anywhere">
        <Link to={reviewCandidatePath(props.interviewId, c.invitationId)}>{c.name}</Link>
      </h2>
      {c.asked ? (
        <AnswerPlayer
          answer={c.answer}
          label={`Answer of ${c.name}`}
          mediaRef={mediaRef}
          requestPlayback={requestPlayback}
          scope="member"
          onRetry={props.onRetry}
        />
      ) : (
        <p className="muted">This candidate was not asked this question.</p>
      )}
      <dl className="details-list compare-card__scores">
        <div>
          <dt>My score</dt>
          <dd>{formatScore(c.myScore)}</dd>
        </div>
        <div>
          <dt>Team average</dt>
          <dd>{c.ratingsHidden ? 'Rate first to see it' : formatScore(c.averageScore)}</dd>
        </div>
        <div>
          <dt>Decision</dt>
          <dd>{c.decision ? decisionLabels[c.decision] : 'None'}</dd>
        </div>
      </dl>
    </li>
  );
}
