import type { EmailPlaceholder } from '@oneway/shared';
import { placeholderDescriptions } from './emailTemplateText.ts';

/** The placeholders a template may use, each with what it becomes. */
export function PlaceholderList({ placeholders }: { placeholders: readonly EmailPlaceholder[] }) {
  return (
    <section className="panel placeholder-list" aria-labelledby="placeholders-heading">
      <h2 id="placeholders-heading">Placeholders</h2>
      <p className="hint">
        Write a placeholder in double braces and it is replaced in each e-mail. Any other word in braces is
        refused when you save.
      </p>
      <dl className="placeholder-list__items">
        {placeholders.map((name) => (
          <div key={name}>
            <dt>
              <code>{`{{${name}}}`}</code>
            </dt>
            <dd>{placeholderDescriptions[name]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
