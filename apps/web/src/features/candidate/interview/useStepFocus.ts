import { useEffect, useRef } from 'react';

/**
 * Moves focus to the heading of a step when the step changes within a page, so screen reader and keyboard users
 * start at the new step. Not for the first step a page settles on (`null` until then): the page's h1 has focus.
 * Put the ref on a heading with tabIndex={-1}.
 */
export function useStepFocus(step: string | null) {
  const ref = useRef<HTMLHeadingElement>(null);
  const previous = useRef(step);

  useEffect(() => {
    const was = previous.current;
    previous.current = step;
    if (was === step || was === null) return;
    ref.current?.focus();
  }, [step]);

  return ref;
}
