import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/api-error';
import type { LoadState } from '../app/load-state';

/**
 * Runs `load` when `key` changes (and on retry), aborting the previous request; a 401 ends the session.
 * `key` is a string so callers can describe their inputs (path and query) without a dependency array.
 */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  onUnauthenticated: () => void,
): { state: LoadState<T>; retry(): void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest load function, without making it a dependency: callers build it inline on every render.
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    latest
      .current(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ status: 'loaded', data });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.status === 401) onUnauthenticated();
        else setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [key, attempt, onUnauthenticated]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}
