import { useEffect, useState } from 'react';
import type { LoadState } from '../app/load-state';
import type { AnalysesApi } from './analyses-api';
import type { Cohort, Member, Timepoint } from './analysis-types';

export interface FilterOptions {
  cohorts: Cohort[];
  timepoints: Timepoint[];
  /** null: the practitioner filter is not offered (the user is a practitioner: the API scopes to them). */
  practitioners: Member[] | null;
  /** Instrument versions in the protocol, sorted. */
  versions: string[];
}

/**
 * The choices of the filter selects, from the study's cohorts and protocol and the institution's practitioners.
 * Only the institution's own cohorts: analyses see the own participants, so a partner's cohort would show nothing.
 */
export function useFilterOptions(
  api: AnalysesApi,
  withPractitioners: boolean,
  institutionId: string,
): LoadState<FilterOptions> {
  const [state, setState] = useState<LoadState<FilterOptions>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    setState({ status: 'loading' });
    Promise.all([
      api.cohorts({ signal }),
      api.protocol({ signal }),
      withPractitioners ? api.practitioners({ signal }) : Promise.resolve(null),
    ])
      .then(([cohorts, protocol, practitioners]) => {
        const versions = [
          ...new Set(protocol.timepoints.flatMap((tp) => tp.instruments.map((i) => i.instrumentVersion))),
        ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        setState({
          status: 'loaded',
          data: {
            cohorts: cohorts.items.filter((cohort) => cohort.institutionId === institutionId),
            timepoints: [...protocol.timepoints].sort((a, b) => a.position - b.position),
            practitioners: practitioners ? practitioners.items : null,
            versions,
          },
        });
      })
      .catch((error: unknown) => {
        if (!signal.aborted) setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [api, withPractitioners, institutionId]);
  return state;
}
