import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { isApiError } from '../api/api-error';
import type { LoadState } from './load-state';

/**
 * Runs `load` when `key` changes (and on retry), aborting the previous request; a 401 ends the session.
 * `key` is a string so callers can describe their inputs (path and query) without a dependency array.
 * `setState` lets a container change what was loaded (after a save, a page more) without loading it again.
 */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  onUnauthenticated: () => void,
): { state: LoadState<T>; setState: Dispatch<SetStateAction<LoadState<T>>>; retry(): void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest callbacks, without making them dependencies: callers build them inline on every render.
  const latest = useRef({ load, onUnauthenticated });
  latest.current = { load, onUnauthenticated };

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    latest.current
      .load(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ status: 'loaded', data });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.status === 401) latest.current.onUnauthenticated();
        else setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [key, attempt]);

  return { state, setState, retry: () => setAttempt((n) => n + 1) };
}
