import type { Rubric } from '@oneway/shared';

const scores = [1, 2, 3, 4, 5] as const;
type Level = keyof Rubric['criteria'][number]['levels'];

interface ScoreRadiosProps {
  name: string;
  legend: string;
  value: number | null;
  onChange: (score: number) => void;
  rubric?: Rubric | null | undefined;
  disabled?: boolean;
  /** Why the scores cannot be picked yet, shown under the legend. */
  hint?: string | null | undefined;
}

/** A 1–5 score as radio buttons, each with what the rubric says that level looks like. */
export function ScoreRadios({ name, legend, value, onChange, rubric, disabled, hint }: ScoreRadiosProps) {
  const hintId = `${name}-hint`;
  return (
    <fieldset className="score-radios" disabled={disabled} aria-describedby={hint ? hintId : undefined}>
      <legend className="score-radios__legend">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className={rubric ? 'score-radios__list score-radios__list--rubric' : 'score-radios__list'}>
        {scores.map((score) => {
          const id = `${name}-${score}`;
          const levels = rubric?.criteria.filter((c) => c.levels[String(score) as Level].trim() !== '') ?? [];
          return (
            <div key={score} className="score-radio">
              <input
                id={id}
                type="radio"
                name={name}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
              />
              <label htmlFor={id}>
                <span className="score-radio__score">{score}</span>
                {levels.map((criterion) => (
                  <span key={criterion.name} className="score-radio__level">
                    {rubric && rubric.criteria.length > 1 ? <strong>{criterion.name}: </strong> : null}
                    {criterion.levels[String(score) as Level]}
                  </span>
                ))}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
