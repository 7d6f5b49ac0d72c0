import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { click, getButton, getByLabelText, present, render, settle, textOf, waitFor } from '../test/render';
import { CsvUpload, CsvUploadView } from './csv-upload';
import { uploadEnrolmentCsv } from './participants-api';
import { replyJson, startTestHttpServer, type TestHttpServer } from './test-http-server';

let server: TestHttpServer;
beforeAll(async () => {
  server = await startTestHttpServer();
});
afterAll(() => server.close());

async function chooseFile(container: HTMLElement, file: File) {
  const input = getByLabelText(container, 'CSV file');
  await act(async () => {
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function renderUpload() {
  const onImported = vi.fn();
  const api = createApiClient({ baseUrl: server.baseUrl });
  const container = await render(
    <CsvUpload
      upload={(file, options) => uploadEnrolmentCsv(api, 's-1', file, file.name, options)}
      onImported={onImported}
      onUnauthenticated={vi.fn()}
    />,
  );
  return { container, onImported };
}

describe('CsvUpload', () => {
  it('shows a labelled progress bar while the file is sent, then how many were enrolled', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.reply(
      (_request, response) => void held.then(() => replyJson(response, 201, { created: 3, items: [] })),
    );
    const { container, onImported } = await renderUpload();

    await chooseFile(
      container,
      new File(['cohort\nUtrecht\nUtrecht\nZeist\n'], 'enrol.csv', { type: 'text/csv' }),
    );
    await click(getButton(container, 'Upload and enrol'));
    await waitFor(() => expect(server.received).toHaveLength(1));

    const progress = present(container.querySelector('progress'));
    expect(progress.getAttribute('max')).toBe('100');
    expect(progress.getAttribute('value')).toBe('0');
    expect(
      textOf(getByLabelText(container, 'Uploading enrol.csv: 0%').closest('.upload-progress')),
    ).toContain('0%');
    expect(getButton(container, 'Upload and enrol').disabled).toBe(true);
    expect(server.received[0]?.body).toContain('cohort\nUtrecht\nUtrecht\nZeist\n');

    release();
    await waitFor(() => expect(onImported).toHaveBeenCalledWith({ created: 3, items: [] }));
    expect(container.querySelector('progress')).toBeNull();
    expect(textOf(container.querySelector('[role="status"]'))).toBe(
      '3 participants enrolled from enrol.csv.',
    );
  });

  it('shows the per-row report when the API refuses the file, and enrols nobody', async () => {
    server.reply((_request, response) =>
      replyJson(response, 400, {
        statusCode: 400,
        code: 'csv_invalid',
        message: 'Nothing was enrolled: fix these rows and upload the file again.',
        errors: [
          { field: 'row 3: cohort', messages: ['no cohort "Almere" of your institution in this study'] },
        ],
        rows: [
          { row: 3, column: 'cohort', reason: 'no cohort "Almere" of your institution in this study' },
          { row: 5, column: 'code', reason: 'code P-1 also appears on row 2' },
        ],
      }),
    );
    const { container, onImported } = await renderUpload();

    await chooseFile(container, new File(['cohort,code\n...'], 'bad.csv'));
    await click(getButton(container, 'Upload and enrol'));
    await waitFor(() => expect(container.querySelector('table')).not.toBeNull());

    expect(textOf(container.querySelector('[role="alert"]'))).toBe(
      'Nothing was enrolled: fix these rows and upload the file again.',
    );
    const table = present(container.querySelector('table'));
    expect(textOf(table.querySelector('caption'))).toBe('Problems in the file (2); nothing was enrolled');
    expect([...table.querySelectorAll('th')].map(textOf)).toEqual(['Row', 'Column', 'Problem']);
    expect(
      [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map(textOf)),
    ).toEqual([
      ['3', 'cohort', 'no cohort "Almere" of your institution in this study'],
      ['5', 'code', 'code P-1 also appears on row 2'],
    ]);
    expect(onImported).not.toHaveBeenCalled();
    expect(getButton(container, 'Upload and enrol').disabled).toBe(false);
  });

  it('asks for a file before sending anything', async () => {
    const before = server.received.length;
    const { container } = await renderUpload();
    await click(getButton(container, 'Upload and enrol'));
    await settle();

    const input = getByLabelText(container, 'CSV file');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    expect(textOf(container.querySelector('.field-errors'))).toBe('Choose a CSV file first.');
    expect(server.received.length).toBe(before);
  });
});

describe('CsvUploadView', () => {
  it('renders the fraction sent as a percentage, in Dutch too', async () => {
    const container = await render(
      <CsvUploadView
        state={{ status: 'uploading', fileName: 'deelnemers.csv', fraction: 0.456 }}
        onUpload={vi.fn()}
      />,
      { language: 'nl' },
    );
    expect(present(container.querySelector('progress')).getAttribute('value')).toBe('46');
    expect(getByLabelText(container, 'deelnemers.csv uploaden: 46%')).toBe(
      container.querySelector('progress'),
    );
    expect(container.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
  });
});
