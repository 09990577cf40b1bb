import { DataSource } from 'typeorm';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

const STACK_TRACE = /\n\s+at |\.ts:\d+|node_modules|Error: /;

describe('error envelope', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('answers an unknown field with 422 and details naming the field', async () => {
    const response = await testApp
      .http()
      .post('/api/auth/setup')
      .send({ username: 'admin', password: 'long enough password', is_admin: true })
      .expect(422);
    expect(response.body).toEqual({
      status: 'error',
      error: {
        code: 'VALIDATION_ERROR',
        message: expect.stringContaining('is_admin'),
        details: { is_admin: ['Unknown field "is_admin"'] },
      },
    });
  });

  it('answers missing and invalid fields with 422 and a message for each', async () => {
    const response = await testApp.http().post('/api/auth/setup').send({ username: 'a b' }).expect(422);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(response.body.error.details).sort()).toEqual(['password', 'username']);
    expect(response.body.error.details.username[0]).toMatch(/letters, digits/);
  });

  it('words each message for a person: labels, no rule text, no contradicting duplicates', async () => {
    const response = await testApp.http().post('/api/auth/setup').send({ username: 'ninechars', password: 7 }).expect(422);
    expect(response.body.error).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Password must be text',
      details: { password: ['Password must be text'] },
    });
    const empty = await testApp.http().post('/api/auth/setup').send({ username: '', password: 'long enough password' }).expect(422);
    expect(empty.body.error.details).toEqual({ username: ['Username must not be empty'] });
  });

  it('heads a refusal raised by a service with its message, not the field key', async () => {
    const weak = await testApp.http().post('/api/auth/setup').send({ username: 'ninechars', password: 'password12345' }).expect(422);
    const [reason] = weak.body.error.details.password;
    expect(reason).toMatch(/^This password is too easy to guess\./);
    expect(weak.body.error.message).toBe(reason);
    expect(weak.body.error.message).not.toMatch(/Invalid input data|password:/);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await testApp
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "admin",')
      .expect(400);
    expect(response.body).toEqual({
      status: 'error',
      error: { code: 'BAD_REQUEST', message: 'Malformed JSON in request body' },
    });
  });

  it('answers a JSON body that is not an object with 400', async () => {
    const response = await testApp.http().post('/api/auth/login').send([1, 2]).expect(400);
    expect(response.body.error).toEqual({ code: 'BAD_REQUEST', message: 'Request body must be a JSON object' });
  });

  it('refuses a body that is not JSON with 400 (no HTML form can post to the API)', async () => {
    const response = await testApp.http().post('/api/auth/login').type('form').send('username=admin&password=x').expect(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
    expect(response.body.error.message).toMatch(/must be JSON/);
  });

  it('answers an oversized body with 413', async () => {
    const response = await testApp
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) })
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['get', '/api/no-such-thing'],
    ['post', '/api/repositories-typo'],
    ['delete', '/api/auth'],
  ] as const)('answers %s %s with 404 in the envelope', async (method, path) => {
    const response = await testApp.http()[method](path).expect(404);
    expect(response.body).toEqual({
      status: 'error',
      error: { code: 'NOT_FOUND', message: `No route for ${method.toUpperCase()} ${path}` },
    });
  });

  it('echoes a request id on every response', async () => {
    const mine = await testApp.http().get('/api/auth/status').set('X-Request-Id', 'trace-123').expect(200);
    expect(mine.headers['x-request-id']).toBe('trace-123');
    const generated = await testApp.http().get('/api/auth/status').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('unexpected failures', () => {
  it('answer 500 with an error id and no stack trace, and health says 503', async () => {
    const testApp = await startTestApp();
    try {
      const agent = await setupAdmin(testApp);
      await testApp.app.get(DataSource).destroy();

      const failed = await agent.get('/api/repositories').set('X-Request-Id', 'boom-1').expect(500);
      expect(failed.body).toEqual({
        status: 'error',
        error: { code: 'INTERNAL_ERROR', message: 'Internal server error (error id boom-1)', details: { error_id: 'boom-1' } },
      });
      expect(failed.text).not.toMatch(STACK_TRACE);

      const health = await testApp.http().get('/api/health').expect(503);
      expect(health.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(health.body.error.details.database.ok).toBe(false);
      expect(health.body.error.details.borg.ok).toBe(true);
    } finally {
      await testApp.close();
    }
  });
});
