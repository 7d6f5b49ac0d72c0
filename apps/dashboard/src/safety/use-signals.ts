import { useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { LoadState } from '../app/load-state';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import {
  acknowledgeSafetySignal,
  listSafetySignals,
  type SafetySignal,
  type SafetySignalPage,
  type SignalQuery,
} from './safety-api';

export interface Signals {
  state: LoadState<SafetySignalPage>;
  /** Open signals matching the filters, counting those acknowledged here since the list loaded; null otherwise. */
  openCount: number | null;
  /** The last thing done here, for a polite live region beside the count. */
  announcement: string;
  retry(): void;
  acknowledge(signal: SafetySignal, note: string): Promise<void>;
}

/**
 * A page of safety signals and acknowledging one: the acknowledged signal stays in view, marked done, until the
 * list is loaded again. A 409 (someone else was quicker) reloads the list and says so.
 */
export function useSignals(
  api: ApiClient,
  query: SignalQuery,
  onUnauthenticated: () => void,
  /** Part of what the list depends on: a switch of institution reloads it. */
  institutionId: string,
): Signals {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const { state, setState, retry } = useLoad<SafetySignalPage>(
    [institutionId, query.status, query.studyId ?? '', query.language, query.limit, query.offset].join('|'),
    (signal) => listSafetySignals(api, query, { signal }),
    onUnauthenticated,
  );

  const openCount =
    state.status === 'loaded' && query.status === 'open'
      ? state.data.total - state.data.items.filter((item) => item.status !== 'open').length
      : null;

  async function acknowledge(signal: SafetySignal, note: string) {
    let updated: SafetySignal;
    try {
      updated = await acknowledgeSafetySignal(api, signal.id, note, query.language);
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      if (isApiError(error) && error.code === 'already_acknowledged') {
        setAnnouncement(t('safety.ack.someoneElse', { code: signal.participant.code }));
        retry();
      }
      throw error;
    }
    setState((current) =>
      current.status === 'loaded'
        ? {
            status: 'loaded',
            data: {
              ...current.data,
              items: current.data.items.map((item) => (item.id === updated.id ? updated : item)),
            },
          }
        : current,
    );
    // The count beside it (in the same live region) changes by itself.
    setAnnouncement(t('safety.ack.done', { code: signal.participant.code }));
  }

  return { state, openCount, announcement, retry, acknowledge };
}
