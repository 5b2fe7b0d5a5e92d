import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DatabaseBusyError } from '../../database/sqlite-units-of-work';
import { AllExceptionsFilter } from './all-exceptions.filter';

/** What the filter sends for database errors a person can wait out: 503 with the BUSY code and Retry-After, never 500. */
describe('AllExceptionsFilter and a busy database', () => {
  function send(exception: unknown) {
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
    const res = {
      headersSent: false,
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      status(code: number) {
        sent.status = code;
        return this;
      },
      json: (body: unknown) => (sent.body = body),
    };
    const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
    new AllExceptionsFilter().catch(exception, host);
    return sent;
  }

  it('answers SQLite’s lock wait running out with 503 BUSY and Retry-After: 5', () => {
    const sent = send(new DatabaseBusyError());
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('5');
    expect(sent.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'BUSY',
      message: 'The server is very busy right now. Please try again in 5 seconds.',
    });
  });

  it.each([
    ['40P01', 'deadlock detected'],
    ['40001', 'could not serialize access due to concurrent update'],
    ['55P03', 'canceling statement due to lock timeout'],
    ['57014', 'canceling statement due to statement timeout'],
  ])('answers PostgreSQL’s %s (%s) with 503 BUSY', (code, message) => {
    const sent = send(new QueryFailedError('UPDATE x', [], Object.assign(new Error(message), { code })));
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ code: 'BUSY' });
  });

  it('still answers other database failures with 500 and no SQL in the body', () => {
    const sent = send(
      new QueryFailedError('SELECT secret FROM t', [], Object.assign(new Error('relation "t" does not exist'), { code: '42P01' })),
    );
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toMatch(/secret|relation/);
    expect(sent.headers['Retry-After']).toBeUndefined();
  });
});
