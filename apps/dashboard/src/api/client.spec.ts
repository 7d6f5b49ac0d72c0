import { describe, expect, it } from 'vitest';
import { json, mockFetch, noContent } from '../test/fetch-mock';
import { researcherSession, studies } from '../test/fixtures';
import { ApiError, parseRetryAfter } from './api-error';
import { createApiClient } from './client';

describe('createApiClient', () => {
  it('posts the credentials as JSON with same-origin cookies and returns the session', async () => {
    const { requests } = mockFetch({ 'POST /api/auth/login': json(200, researcherSession) });

    const session = await createApiClient().login({ email: 'researcher@demo.klik', password: 'secret' });

    expect(session).toEqual(researcherSession);
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/api/auth/login',
        body: { email: 'researcher@demo.klik', password: 'secret' },
        credentials: 'same-origin',
      },
    ]);
  });

  it('reads the study list and sends switch-institution with its body', async () => {
    const { requests } = mockFetch({
      'GET /api/studies': json(200, { items: studies }),
      'POST /api/auth/switch-institution': json(200, { ...researcherSession, activeInstitutionId: 'inst-b' }),
    });
    const api = createApiClient();

    await expect(api.listStudies()).resolves.toEqual({ items: studies });
    await expect(api.switchInstitution('inst-b')).resolves.toMatchObject({ activeInstitutionId: 'inst-b' });
    expect(requests[1]).toMatchObject({ method: 'POST', body: { institutionId: 'inst-b' } });
  });

  it('resolves logout on 204 without a body', async () => {
    mockFetch({ 'POST /api/auth/logout': noContent() });
    await expect(createApiClient().logout()).resolves.toBeUndefined();
  });

  it('parses a validation error body into code, message, field errors and correlation id', async () => {
    mockFetch({
      'POST /api/auth/login': json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The request is invalid.',
        errors: [
          { field: 'email', messages: ['email must be an email'] },
          { field: 'password', messages: ['password should not be empty', 'password is too short'] },
        ],
        correlationId: 'c0ffee',
      }),
    });

    const error = await createApiClient()
      .login({ email: 'x', password: '' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.message).toBe('The request is invalid.');
    expect(apiError.correlationId).toBe('c0ffee');
    expect(apiError.messagesFor('email')).toEqual(['email must be an email']);
    expect(apiError.messagesFor('password')).toEqual([
      'password should not be empty',
      'password is too short',
    ]);
    expect(apiError.messagesFor('displayName')).toEqual([]);
  });

  it('keeps the code of a body that has no message (429)', async () => {
    mockFetch({ 'POST /api/auth/login': json(429, { code: 'too_many_attempts' }) });

    await expect(createApiClient().login({ email: 'a@b.nl', password: 'x' })).rejects.toMatchObject({
      status: 429,
      code: 'too_many_attempts',
      fieldErrors: [],
    });
  });

  it('turns a non-JSON error page into an http_error with the status text', async () => {
    mockFetch({
      'GET /api/auth/me': new Response('<html>Bad gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
      }),
    });

    await expect(createApiClient().me()).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
      message: 'Bad Gateway',
    });
  });

  it('reports an unreachable server as network_error', async () => {
    mockFetch({ 'GET /api/studies': () => Promise.reject(new TypeError('Failed to fetch')) });

    await expect(createApiClient().listStudies()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('rejects a 200 without JSON as invalid_response', async () => {
    mockFetch({ 'GET /api/auth/me': new Response('', { status: 200 }) });

    await expect(createApiClient().me()).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('lets an abort through as an AbortError, not as an ApiError', async () => {
    mockFetch({ 'GET /api/studies': json(200, { items: [] }) });
    const controller = new AbortController();
    controller.abort();

    const error = await createApiClient()
      .listStudies({ signal: controller.signal })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('uses the base URL it is given', async () => {
    const { requests } = mockFetch({ 'GET https://klik.example/api/studies': json(200, { items: [] }) });
    await createApiClient({ baseUrl: 'https://klik.example/api' }).listStudies();
    expect(requests[0]?.url).toBe('https://klik.example/api/studies');
  });

  it("keeps a 429's Retry-After on the error, in seconds", async () => {
    mockFetch({
      'POST /api/auth/login': json(
        429,
        { statusCode: 429, code: 'too_many_requests', message: 'Slow down' },
        {
          'Retry-After': '120',
        },
      ),
    });
    await expect(createApiClient().login({ email: 'a@b.c', password: 'x' })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 120,
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds or an HTTP date, and nothing else', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(parseRetryAfter('90', now)).toBe(90);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Fri, 01 May 2026 12:02:30 GMT', now)).toBe(150);
    expect(parseRetryAfter('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });
});
