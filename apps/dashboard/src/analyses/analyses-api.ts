import type { ApiClient, RequestOptions } from '../api/client';
import type {
  Alerts,
  Change,
  Cohort,
  Correlations,
  Dyads,
  Member,
  ScaleQuality,
  Scatter,
  Timepoint,
  Trajectories,
  WithinPerson,
} from './analysis-types';
import { apiQuery, type Filters, type ViewOptions } from './analysis-query';

const base = (studyId: string) => `/studies/${encodeURIComponent(studyId)}`;

/** Typed calls of the analysis endpoints (all GET; the API computes, the dashboard draws). */
export function analysesApi(api: ApiClient, studyId: string) {
  const get = <T>(path: string, options?: RequestOptions) =>
    api.request<T>('GET', `${base(studyId)}${path}`, undefined, options);
  return {
    correlations: (filters: Filters, o: ViewOptions, options?: RequestOptions) =>
      get<Correlations>(
        `/analyses/correlations${apiQuery(filters, { method: o.method, adjust: o.adjust })}`,
        options,
      ),
    scatter: (filters: Filters, o: ViewOptions, options?: RequestOptions) =>
      get<Scatter>(`/analyses/scatter${apiQuery(filters, { x: o.scatterX, y: o.scatterY })}`, options),
    withinPerson: (filters: Filters, o: ViewOptions, options?: RequestOptions) =>
      get<WithinPerson>(
        `/analyses/within-person${apiQuery(filters, { x: o.withinX, y: o.withinY })}`,
        options,
      ),
    trajectories: (filters: Filters, o: ViewOptions, options?: RequestOptions) =>
      get<Trajectories>(`/analyses/trajectories${apiQuery(filters, { variable: o.trajectory })}`, options),
    change: (filters: Filters, o: ViewOptions, options?: RequestOptions) =>
      get<Change>(`/analyses/change${apiQuery(filters, { instrument: o.instrument })}`, options),
    dyads: (filters: Filters, _o: ViewOptions, options?: RequestOptions) =>
      get<Dyads>(`/analyses/dyads${apiQuery(filters)}`, options),
    scaleQuality: (filters: Filters, _o: ViewOptions, options?: RequestOptions) =>
      get<ScaleQuality>(`/analyses/scale-quality${apiQuery(filters)}`, options),
    alerts: (filters: Filters, _o: ViewOptions, options?: RequestOptions) =>
      get<Alerts>(`/analyses/alerts${apiQuery(filters)}`, options),
    cohorts: (options?: RequestOptions) => get<{ items: Cohort[] }>('/cohorts', options),
    protocol: (options?: RequestOptions) =>
      get<{ studyId: string; timepoints: Timepoint[] }>('/protocol', options),
    practitioners: (options?: RequestOptions) =>
      api.request<{ items: Member[] }>('GET', '/users?role=practitioner', undefined, options),
  };
}

export type AnalysesApi = ReturnType<typeof analysesApi>;
