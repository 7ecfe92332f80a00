import { probeInfra, startTestStack, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();

describe.skipIf(!infra.ok)('the organisation-wide lists through the API', () => {
  let stack: TestStack;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('lets coordinators and admins change them, audited; reviewers only read; nobody without a token', async () => {
    const add = (token: string, list: string, values: string[]) => stack.app.inject({ method: 'POST', url: `/v1/org-lists/${list}`, headers: as(token), payload: { values } });
    expect((await add(stack.tokens.coordinator, 'officials', ['Karin Oosterhuis', 'karin  oosterhuis', 'Tarik Benhamou'])).json()).toEqual({ added: ['Karin Oosterhuis', 'Tarik Benhamou'] });
    expect((await add(stack.tokens.admin, 'mailboxes', ['info@gemeente.nl'])).statusCode).toBe(200);
    expect((await add(stack.tokens.reviewer, 'keep', ['x'])).statusCode).toBe(403);
    expect((await stack.app.inject({ method: 'POST', url: '/v1/org-lists/keep', payload: { values: ['x'] } })).statusCode).toBe(401);
    const unknown = await add(stack.tokens.coordinator, 'vrienden', ['x']);
    expect(unknown.statusCode).toBe(400);

    const removed = await stack.app.inject({ method: 'DELETE', url: '/v1/org-lists/officials?value=tarik%20benhamou', headers: as(stack.tokens.coordinator) });
    expect(removed.statusCode).toBe(204);
    const again = await stack.app.inject({ method: 'DELETE', url: '/v1/org-lists/officials?value=Tarik%20Benhamou', headers: as(stack.tokens.coordinator) });
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toMatch(/staat niet op de lijst/);

    const lists = await stack.app.inject({ method: 'GET', url: '/v1/org-lists', headers: as(stack.tokens.reviewer) });
    expect(lists.json()).toEqual({ officials: ['Karin Oosterhuis'], mailboxes: ['info@gemeente.nl'], keep: [], redact: [] });
    const { rows } = await stack.context.db.query<{ actor: string; details: unknown }>(`SELECT actor, details FROM audit_log WHERE action = 'orglist.changed' ORDER BY id`);
    expect(rows.map((r) => [JSON.parse(r.actor).name, r.details])).toEqual([
      ['Coördinator', { list: 'officials', added: ['Karin Oosterhuis', 'Tarik Benhamou'] }],
      ['Beheer', { list: 'mailboxes', added: ['info@gemeente.nl'] }],
      ['Coördinator', { list: 'officials', removed: ['Tarik Benhamou'] }],
    ]);
  });
});
