import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { CsvUploadError, uploadEnrolmentCsv } from './participants-api';
import { replyJson, startTestHttpServer, type TestHttpServer } from './test-http-server';

let server: TestHttpServer;
beforeAll(async () => {
  server = await startTestHttpServer();
});
afterAll(() => server.close());

describe('uploadEnrolmentCsv', () => {
  it('sends the file as the multipart field "file" and reports progress from 0 to 100%', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.reply(
      (_request, response) => void held.then(() => replyJson(response, 201, { created: 2, items: [] })),
    );
    const csv = `cohort,code\n${'Site A,P-0001\n'.repeat(20_000)}`;
    const progress: number[] = [];

    const pending = uploadEnrolmentCsv(
      createApiClient({ baseUrl: server.baseUrl }),
      's-1',
      new Blob([csv], { type: 'text/csv' }),
      'enrol.csv',
      { onProgress: (fraction) => progress.push(fraction) },
    );
    // The server holds its answer until the whole body has arrived: by then the upload has started.
    await expect.poll(() => server.received.length).toBe(1);
    expect(progress[0]).toBe(0);
    expect(progress).not.toContain(1);
    release();
    const result = await pending;

    expect(result.created).toBe(2);
    const request = server.received.at(-1);
    expect(request?.url).toBe('/api/studies/s-1/participants/import');
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.body).toContain('name="file"; filename="enrol.csv"');
    expect(request?.body).toContain(csv);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("rejects with the API's per-row report when the file is refused", async () => {
    const rows = [
      { row: 3, column: 'cohort', reason: 'no cohort "Site Z" of your institution in this study' },
      { row: 4, column: 'code', reason: 'code P-1 is already enrolled' },
    ];
    server.reply((_request, response) =>
      replyJson(response, 400, {
        statusCode: 400,
        code: 'csv_invalid',
        message: 'Nothing was enrolled: fix these rows and upload the file again.',
        errors: [],
        rows,
        correlationId: 'req-7',
      }),
    );

    const failure = await uploadEnrolmentCsv(
      createApiClient({ baseUrl: server.baseUrl }),
      's-1',
      new Blob(['cohort\nSite Z\n']),
      'bad.csv',
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(CsvUploadError);
    const error = failure as CsvUploadError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('csv_invalid');
    expect(error.message).toBe('Nothing was enrolled: fix these rows and upload the file again.');
    expect(error.rows).toEqual(rows);
    expect(error.correlationId).toBe('req-7');
  });
});
