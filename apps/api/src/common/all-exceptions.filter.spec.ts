import { type ArgumentsHost, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AppError } from './app-error';

/** A minimal Express request/response pair behind an ArgumentsHost, recording what the filter answers. */
function fakeHost(request: Record<string, unknown> = {}, headersSent = false) {
  const answer: { status?: number; body?: Record<string, unknown> } = {};
  const response = {
    headersSent,
    status(code: number) {
      answer.status = code;
      return response;
    },
    json(body: Record<string, unknown>) {
      answer.body = body;
      return response;
    },
  };
  const req = {
    method: 'GET',
    originalUrl: '/api/studies?x=1',
    path: '/api/studies',
    correlationId: 'corr-1234-abcd',
    ...request,
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => req, getNext: () => undefined }),
  } as unknown as ArgumentsHost;
  return { host, answer };
}

describe('AllExceptionsFilter', () => {
  const filter = new AllExceptionsFilter();
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('answers an unexpected Error with a bare 500 internal_error and the correlation id, never the stack', () => {
    const { host, answer } = fakeHost();
    const error = new Error('connection terminated: secret detail');
    filter.catch(error, host);
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: expect.stringContaining('correlation id'),
      correlationId: 'corr-1234-abcd',
    });
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain('secret detail');
    expect(text).not.toContain('at ');
    expect(text).not.toContain('stack');
  });

  it('logs the unexpected error with its stack, the request and the correlation id', () => {
    const { host } = fakeHost({ method: 'POST', originalUrl: '/api/studies/abc/participants' });
    const error = new Error('boom');
    filter.catch(error, host);
    expect(logged).toHaveBeenCalledTimes(1);
    const [message, stack] = logged.mock.calls[0] as [string, string];
    expect(message).toContain('POST /api/studies/abc/participants');
    expect(message).toContain('corr-1234-abcd');
    expect(stack).toBe(error.stack);
  });

  it('treats a thrown non-Error the same way', () => {
    const { host, answer } = fakeHost();
    filter.catch('a string', host);
    expect(answer).toMatchObject({
      status: 500,
      body: { code: 'internal_error', correlationId: 'corr-1234-abcd' },
    });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('corr-1234-abcd'), 'a string');
  });

  it('does not log expected errors, and passes on their code, field errors and extras', () => {
    const { host, answer } = fakeHost();
    const rows = [{ row: 2, column: 'cohort', reason: 'unknown' }];
    filter.catch(
      new AppError(
        HttpStatus.BAD_REQUEST,
        'csv_invalid',
        'Bad CSV',
        [{ field: 'row 2: cohort', messages: ['unknown'] }],
        { rows },
      ),
      host,
    );
    expect(answer).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        code: 'csv_invalid',
        message: 'Bad CSV',
        errors: [{ field: 'row 2: cohort', messages: ['unknown'] }],
        rows,
        correlationId: 'corr-1234-abcd',
      },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it("turns Nest's unknown-route 404 and body-parser errors into the stable codes", () => {
    const route = fakeHost({ method: 'DELETE', path: '/api/nope' });
    filter.catch(new NotFoundException('Cannot DELETE /api/nope'), route.host);
    expect(route.answer.body).toMatchObject({
      statusCode: 404,
      code: 'route_not_found',
      message: 'No route DELETE /api/nope',
    });
    const parse = fakeHost();
    filter.catch(
      Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' }),
      parse.host,
    );
    expect(parse.answer.body).toMatchObject({ statusCode: 400, code: 'malformed_json' });
    const large = fakeHost();
    filter.catch(
      Object.assign(new Error('too large'), { status: 413, type: 'entity.too.large' }),
      large.host,
    );
    expect(large.answer.body).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    expect(logged).not.toHaveBeenCalled();
  });

  it('writes nothing when the response has already started', () => {
    const { host, answer } = fakeHost({}, true);
    filter.catch(new Error('late'), host);
    expect(answer).toEqual({});
  });

  it('answers a unique-index violation (a lost race past a duplicate check) with 409, and other database errors with 500', () => {
    const duplicate = new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    const { host, answer } = fakeHost();
    filter.catch(duplicate, host);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'conflict', correlationId: 'corr-1234-abcd' });
    expect(logged).not.toHaveBeenCalled();

    const other = new QueryFailedError('SELECT …', [], Object.assign(new Error('boom'), { code: '42P01' }));
    const second = fakeHost();
    filter.catch(other, second.host);
    expect(second.answer.status).toBe(500);
  });
});
