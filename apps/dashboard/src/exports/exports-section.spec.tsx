import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { recruitingStudy } from '../participants/participants-fixtures';
import { changeValue, describedErrors, getGroup } from '../setup/testing';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, getByLabelText, present, render, settle, textOf, waitFor } from '../test/render';
import { DEFAULT_OPTIONS, type StudyExport } from './exports-api';
import { ExportsSection, POLL_MS } from './exports-section';

const BASE = '/api/studies/s-1/exports';

const report = {
  k: 5,
  quasiIdentifiers: ['cohort', 'age_band'],
  participants: 96,
  exportedParticipants: 95,
  generalisations: [
    { quasiIdentifier: 'cohort', level: 0, description: 'cohort', changed: [] },
    {
      quasiIdentifier: 'age_band',
      level: 1,
      description: '20-year bands (18-34, 35-54, 55+)',
      changed: [
        { from: '18-24', to: '18-34' },
        { from: '25-34', to: '18-34' },
      ],
    },
  ],
  suppression: { method: 'participant_left_out', participants: 1, classes: 1 },
  classes: 6,
  smallestClass: 7,
};

const exportOf = (overrides: Partial<StudyExport>): StudyExport => ({
  id: 'e-1',
  studyId: 's-1',
  status: 'complete',
  options: DEFAULT_OPTIONS,
  progress: { rowsDone: 2400, rowsTotal: 2400 },
  rowCount: 2400,
  files: [
    { name: 'klik-long.csv', size: 204_800, sha256: 'ab'.repeat(32), url: `${BASE}/e-1/files/klik-long.csv` },
    { name: 'klik-export.R', size: 2048, sha256: 'cd'.repeat(32), url: `${BASE}/e-1/files/klik-export.R` },
  ],
  report: report as StudyExport['report'],
  error: null,
  createdAt: '2026-11-28T10:00:00.000Z',
  completedAt: '2026-11-28T10:00:05.000Z',
  ...overrides,
});

function renderSection(study = recruitingStudy) {
  return render(
    <ExportsSection
      api={createApiClient()}
      study={study}
      session={researcherSession}
      role="researcher"
      search=""
      onStudyChange={vi.fn()}
      onUnauthenticated={vi.fn()}
    />,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ExportsSection', () => {
  it('preselects the safe defaults and explains each option', async () => {
    mockFetch({ [`GET ${BASE}`]: json(200, { items: [] }) });
    const view = await renderSection();
    await settle();
    const checked = (legend: string) =>
      [...getGroup(view, legend).querySelectorAll<HTMLInputElement>('input:checked')].map((input) =>
        textOf(input.parentElement),
      );
    expect(checked('Files')).toHaveLength(6);
    expect(checked('Content')).toEqual(['Scores']);
    expect(checked('Dates')[0]).toMatch(/^Shifted/);
    expect(checked('Quasi-identifiers')).toEqual(['Cohort (site)']);
    expect(getByLabelText(view, 'k (smallest group size)').value).toBe('5');
    expect(getByLabelText(view, 'Include free-text answers').checked).toBe(false);
    expect(textOf(view)).toContain(
      'Every combination of quasi-identifier values must occur at least k times',
    );
    expect(textOf(view)).toContain('No exports yet.');
  });

  it('starts an export with the chosen options, shows its progress while polling, then the report and files', async () => {
    const running = exportOf({
      status: 'running',
      progress: { rowsDone: 600, rowsTotal: 2400 },
      files: [],
      rowCount: null,
    });
    const { requests } = mockFetch({
      [`GET ${BASE}`]: json(200, { items: [] }),
      [`POST ${BASE}`]: json(
        202,
        exportOf({
          status: 'queued',
          progress: { rowsDone: 0, rowsTotal: 0 },
          files: [],
          report: null,
          rowCount: null,
        }),
      ),
      [`GET ${BASE}/e-1`]: [json(200, running), json(200, exportOf({}))],
    });
    const view = await renderSection();
    await settle();
    await click(present(view.querySelector<HTMLInputElement>('input[name="qi-age_band"]')));
    await click(present(view.querySelector<HTMLInputElement>('input[name="content-items"]')));
    await changeValue(getByLabelText(view, 'k (smallest group size)'), '10');
    await click(getButton(view, 'Start export'));
    await settle();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      ...DEFAULT_OPTIONS,
      content: ['scores', 'items'],
      quasiIdentifiers: ['cohort', 'age_band'],
      k: 10,
    });
    expect(textOf(view)).toContain('The export has started.');
    expect(textOf(view)).toContain('Waiting to start');

    await waitFor(() => expect(textOf(view)).toContain('600 of 2400 rows'), POLL_MS * 3);
    expect(present(view.querySelector('progress')).getAttribute('value')).toBe('600');
    await waitFor(() => expect(textOf(view)).toContain('Complete'), POLL_MS * 3);
    expect(view.querySelector('progress')).toBeNull();
    expect(textOf(view)).toContain('95 of 96 participants exported in 6 groups; the smallest group has 7.');
    expect(textOf(view)).toContain(
      'Age band: 20-year bands (18-34, 35-54, 55+) (18-24 → 18-34, 25-34 → 18-34)',
    );
    expect(textOf(view)).toContain('Left out because their group stayed smaller than k: 1 participant(s).');
    const links = [...view.querySelectorAll<HTMLAnchorElement>('.export-files a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.hasAttribute('download')])).toEqual([
      ['klik-long.csv', `${BASE}/e-1/files/klik-long.csv`, true],
      ['klik-export.R', `${BASE}/e-1/files/klik-export.R`, true],
    ]);
  });

  it("shows the API's refusal beside the field it names", async () => {
    mockFetch({
      [`GET ${BASE}`]: json(200, { items: [] }),
      [`POST ${BASE}`]: json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The request is not valid',
        errors: [{ field: 'k', messages: ['k must be at least 2'] }],
      }),
    });
    const view = await renderSection();
    await settle();
    await changeValue(getByLabelText(view, 'k (smallest group size)'), '1');
    await act(async () => getButton(view, 'Start export').click());
    await settle();
    expect(describedErrors(getByLabelText(view, 'k (smallest group size)'))).toEqual([
      'k must be at least 2',
    ]);
  });

  it('lists earlier exports with a failure reason, and tells a partner institution it cannot export', async () => {
    mockFetch({
      [`GET ${BASE}`]: json(200, {
        items: [
          exportOf({ id: 'e-2', status: 'failed', error: 'The export failed.', files: [], report: null }),
        ],
      }),
    });
    const view = await renderSection();
    await settle();
    expect(present(view.querySelector('.export-item [role="alert"]')).textContent).toBe('The export failed.');

    const partner = await renderSection({ ...recruitingStudy, owned: false });
    expect(textOf(partner)).toContain('Only the institution that owns this study can export its data.');
    expect(partner.querySelector('form')).toBeNull();
  });
});
