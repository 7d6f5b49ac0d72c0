import { useMemo, type ComponentType } from 'react';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import type { StudySectionProps } from '../study/section-props';
import { studyPath } from '../study/study-sections';
import { AlertsPage } from './alerts-page';
import { analysesApi } from './analyses-api';
import type { AnalysisPageProps } from './analysis-page-props';
import {
  ANALYSIS_VIEWS,
  readAddress,
  writeAddress,
  type AnalysisAddress,
  type AnalysisView,
  type Filters,
  type ViewOptions,
} from './analysis-query';
import { ChangePage } from './change-page';
import { CorrelationsPage } from './correlations-page';
import { DyadsPage } from './dyads-page';
import { FilterBar } from './filter-bar';
import { ScaleQualityPage } from './scale-quality-page';
import { ScatterPage } from './scatter-page';
import { useFilterOptions } from './use-filter-options';
import { WithinPersonPage } from './within-person-page';
import './analyses.css';

const PAGES: Record<AnalysisView, ComponentType<AnalysisPageProps>> = {
  correlations: CorrelationsPage,
  scatter: ScatterPage,
  'within-person': WithinPersonPage,
  change: ChangePage,
  dyads: DyadsPage,
  'scale-quality': ScaleQualityPage,
  alerts: AlertsPage,
};

/**
 * The analyses of a study: a view per analysis, filters shared by all of them, and everything in the address
 * (`?view=change&cohortId=…&instrument=gad-7`) so a view can be linked and reloaded.
 */
export function AnalysesSection({ api, study, session, role, search, onUnauthenticated }: StudySectionProps) {
  const { t } = useI18n();
  const practitioner = role === 'practitioner';
  const address = readAddress(search, practitioner ? 'alerts' : 'correlations');
  // A practitioner only ever sees their own clients: the API scopes them, the filter is not offered.
  const filters: Filters = practitioner ? { ...address.filters, practitionerId: undefined } : address.filters;
  const client = useMemo(() => analysesApi(api, study.id), [api, study.id]);
  const filterOptions = useFilterOptions(client, !practitioner, session.activeInstitutionId);
  const path = studyPath(study.id, 'analyses');

  const go = (next: AnalysisAddress) => navigate(path + writeAddress(next));
  const Page = PAGES[address.view];

  return (
    <section className="analyses" aria-labelledby="analyses-heading">
      <h2 id="analyses-heading">{t('analyses.title')}</h2>
      <p className="muted">
        {t('analyses.intro')} {practitioner && t('analyses.practitionerIntro')}
      </p>
      <nav className="analysis-nav" aria-label={t('analyses.views')}>
        <ul>
          {ANALYSIS_VIEWS.map((view) => (
            <li key={view}>
              <Link
                to={path + writeAddress({ ...address, filters, view })}
                aria-current={view === address.view ? 'page' : undefined}
              >
                {t(`analyses.view.${view}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FilterBar
        options={filterOptions}
        filters={filters}
        onChange={(next) =>
          go({ ...address, filters: practitioner ? { ...next, practitionerId: undefined } : next })
        }
      />
      <div className="analysis-page" data-view={address.view}>
        <Page
          api={client}
          filters={filters}
          options={address.options}
          onOptionsChange={(changes: Partial<ViewOptions>) =>
            go({ ...address, filters, options: { ...address.options, ...changes } })
          }
          onUnauthenticated={onUnauthenticated}
        />
      </div>
    </section>
  );
}
