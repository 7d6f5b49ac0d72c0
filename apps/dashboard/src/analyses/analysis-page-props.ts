import type { AnalysesApi } from './analyses-api';
import type { Filters, ViewOptions } from './analysis-query';

/** What the section hands every analysis page. */
export interface AnalysisPageProps {
  api: AnalysesApi;
  filters: Filters;
  options: ViewOptions;
  onOptionsChange(options: Partial<ViewOptions>): void;
  onUnauthenticated(): void;
}

/** A stable description of a request's inputs, for useLoad's key. */
export const requestKey = (name: string, filters: Filters, ...parts: string[]) =>
  JSON.stringify([name, filters, ...parts]);
