import type { QuestionSettings } from '@oneway/shared';
import { describeQuestionRules } from '../format/questionLabels.ts';

/** A question's rules as a compact definition list: answer type, think time, limits, takes, start. */
export function QuestionRules({ question }: { question: QuestionSettings }) {
  return (
    <dl className="rules">
      {describeQuestionRules(question).map((rule) => (
        <div key={rule.term} className="rules__item">
          <dt>{rule.term}</dt>
          <dd>{rule.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The rubric's criteria and the description of each level, folded away until asked for. */
export function RubricDetails({ question }: { question: QuestionSettings }) {
  if (!question.rubric) return null;
  const { criteria } = question.rubric;
  return (
    <details className="rubric-details">
      <summary>
        Rubric: {criteria.length} {criteria.length === 1 ? 'criterion' : 'criteria'}
      </summary>
      {criteria.map((criterion, index) => (
        <div key={index} className="rubric-details__criterion">
          <p className="rubric-details__name">{criterion.name}</p>
          <ol className="rubric-details__levels">
            {(['1', '2', '3', '4', '5'] as const).map((level) => (
              <li key={level} value={Number(level)}>
                {criterion.levels[level] || <span className="empty">Not described</span>}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </details>
  );
}
