import { useRef } from 'react';
import { TextField } from '../../../components/TextField.tsx';
import { createCriterionDraft, rubricLevels, type CriterionDraft } from './questionValues.ts';

const maxCriteria = 10;
const levelHints: Record<string, string> = { '1': ' (lowest)', '5': ' (highest)' };

interface RubricEditorProps {
  /** Takes focus from the error summary; the rubric's error is shown at the top. */
  id: string;
  error?: string | undefined;
  criteria: CriterionDraft[];
  onChange: (criteria: CriterionDraft[]) => void;
}

/** An optional rubric: criteria, each with a name and a description for every score from 1 to 5. */
export function RubricEditor({ id, error, criteria, onChange }: RubricEditorProps) {
  const containerRef = useRef<HTMLFieldSetElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const errorId = `${id}-error`;

  function change(key: number, update: Partial<CriterionDraft>) {
    onChange(criteria.map((c) => (c.key === key ? { ...c, ...update } : c)));
  }

  function add() {
    onChange([...criteria, createCriterionDraft()]);
    // Start typing the new criterion's name straight away.
    requestAnimationFrame(() => {
      const names = containerRef.current?.querySelectorAll<HTMLInputElement>('[data-criterion-name]');
      names?.[names.length - 1]?.focus();
    });
  }

  function remove(key: number) {
    onChange(criteria.filter((c) => c.key !== key));
    requestAnimationFrame(() => addRef.current?.focus());
  }

  return (
    <fieldset
      id={id}
      ref={containerRef}
      tabIndex={-1}
      className={`fieldset rubric-editor${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field__label">Rubric (optional)</legend>
      <p className="field__hint">Reviewers rate answers against each criterion from 1 to 5.</p>
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {criteria.map((criterion, index) => (
        <fieldset key={criterion.key} className="fieldset rubric-editor__criterion">
          <legend className="rubric-editor__legend">Criterion {index + 1}</legend>
          <TextField
            id={`${id}-${criterion.key}-name`}
            data-criterion-name=""
            label="Name"
            value={criterion.name}
            onChange={(event) => change(criterion.key, { name: event.target.value })}
          />
          {rubricLevels.map((level) => (
            <TextField
              key={level}
              id={`${id}-${criterion.key}-level-${level}`}
              label={`Level ${level}${levelHints[level] ?? ''}`}
              value={criterion.levels[level]}
              onChange={(event) =>
                change(criterion.key, { levels: { ...criterion.levels, [level]: event.target.value } })
              }
            />
          ))}
          <div>
            <button
              type="button"
              className="button button--small button--danger-quiet"
              onClick={() => remove(criterion.key)}
            >
              Remove criterion {index + 1}
            </button>
          </div>
        </fieldset>
      ))}
      {criteria.length < maxCriteria ? (
        <div>
          <button ref={addRef} type="button" className="button button--small" onClick={add}>
            Add a criterion
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
