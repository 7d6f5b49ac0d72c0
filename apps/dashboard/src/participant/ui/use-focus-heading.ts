import { useCallback, useEffect, useRef } from 'react';

/**
 * A ref for a page's heading (tabIndex -1) that takes focus when the page appears, so keyboard and
 * screen-reader users start at the top of the new content instead of on a button that is gone.
 * `focus()` moves it again, e.g. after SurveyJS turns a page.
 */
export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  const focus = useCallback(() => {
    ref.current?.focus({ preventScroll: true });
    globalThis.scrollTo?.({ top: 0 });
  }, []);
  useEffect(focus, [focus]);
  return { ref, focus };
}
