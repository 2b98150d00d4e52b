import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

// On the first page of a visit the browser already starts at the top; focus moves only after navigation.
let isFirstPage = true;

/**
 * Sets the document title and moves focus to the page's h1 after each navigation, so screen reader and
 * keyboard users start at the top of the new page. Put the returned ref on an h1 with tabIndex={-1}.
 */
export function usePageHeading(title: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = `${title} – Oneway`;
  }, [title]);

  useEffect(() => {
    if (isFirstPage) {
      isFirstPage = false;
      return;
    }
    ref.current?.focus();
  }, [pathname]);

  return ref;
}
