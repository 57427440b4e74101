import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../src/http/errors.ts';

afterEach(() => vi.restoreAllMocks());

describe('a 500 is logged with an incident, a code and the case, never the data behind it', () => {
  it('masks the ID number in the message and leaves out the query and its parameters', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    const app = Fastify({ logger: false });
    app.setErrorHandler(handleError);
    app.get('/api/citizen/cases/:id', async () => {
      // What a database driver's error carries: the statement and its values.
      throw Object.assign(new Error('insert failed for mother 35050319900101002X, phone 13900001111'), {
        query: 'insert into cases (mother_id_number) values ($1)',
        params: ['35050319900101002X', '王芳'],
      });
    });
    const res = await app.inject({ method: 'GET', url: '/api/citizen/cases/C-42' });
    expect(res.statusCode).toBe(500);
    const { error } = res.json<{ error: { code: string; incident: string; message: { zh: string } } }>();
    expect(error.code).toBe('INTERNAL');
    expect(error.message.zh).toContain(error.incident);

    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(logged).toMatchObject({
      level: 'error',
      incident: error.incident,
      where: 'GET /api/citizen/cases/:id',
      code: 'INTERNAL',
      caseId: 'C-42',
      error: 'Error: insert failed for mother 3505**********002X, phone 139****1111',
    });
    expect(lines[0]).not.toMatch(/35050319900101002X|13900001111|王芳|insert into/);
    await app.close();
  });
});
