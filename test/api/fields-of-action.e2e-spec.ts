import { expectErrorShape, startTestApp, type TestApp } from './helpers/app';

describe('fields of action (Handlungsfelder)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the three Handlungsfelder in German and English, in order', async () => {
    const res = await (await t.client()).get('/api/fields-of-action').expect(200);
    expect(res.body.map((f: { code: string }) => f.code)).toEqual(['AB', 'EK', 'SZ']);
    expect(res.body[1]).toEqual(
      expect.objectContaining({
        name: { de: 'Eltern und Kinder stärken – Kinderarmut bekämpfen', en: 'Strengthen parents and children – fight child poverty' },
        description: { de: expect.stringContaining('Kein Kind zurücklassen'), en: expect.any(String) },
        active: true,
      }),
    );
    const one = await (await t.client()).get(`/api/fields-of-action/${res.body[0].id}`).expect(200);
    expect(one.body.code).toBe('AB');
  });

  it('lets an administrator add, change and deactivate a field', async () => {
    const admin = await t.admin();
    const body = {
      code: 'WB',
      name: { de: 'Wohnen und Bauen', en: 'Housing' },
      description: { de: 'Wohnumfeld', en: 'Living environment' },
      sortOrder: 4,
    };
    const created = await admin.post('/api/fields-of-action', body).expect(201);
    expect(created.body).toEqual(expect.objectContaining({ ...body, active: true }));
    expectErrorShape((await admin.post('/api/fields-of-action', body).expect(409)).body, 409, 'FIELD_OF_ACTION_CODE_TAKEN');

    const changed = await admin
      .patch(`/api/fields-of-action/${created.body.id}`, { name: { de: 'Wohnen', en: 'Housing' }, active: false })
      .expect(200);
    expect(changed.body).toEqual(
      expect.objectContaining({ name: { de: 'Wohnen', en: 'Housing' }, active: false, description: body.description }),
    );
    const c = await t.client();
    expect((await c.get('/api/fields-of-action').expect(200)).body.map((f: { code: string }) => f.code)).toEqual(['AB', 'EK', 'SZ']);
    expect((await c.get('/api/fields-of-action?include=all').expect(200)).body.map((f: { code: string }) => f.code)).toEqual([
      'AB',
      'EK',
      'SZ',
      'WB',
    ]);
  });

  it('validates codes, nested names and types with field details', async () => {
    const admin = await t.admin();
    const res = await admin
      .post('/api/fields-of-action', { code: 'ab', name: { de: 'X' }, description: 'text', sortOrder: -1, active: 'yes' })
      .expect(400);
    expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'active',
      'code',
      'description',
      'name.de',
      'name.en',
      'sortOrder',
    ]);
    expectErrorShape(
      (await admin.patch('/api/fields-of-action/00000000-0000-4000-8000-000000000000', { active: false }).expect(404)).body,
      404,
    );
    const ab = (await admin.get('/api/fields-of-action').expect(200)).body[0];
    const nulls = await admin
      .patch(`/api/fields-of-action/${ab.id}`, { code: null, name: null, sortOrder: null, active: null })
      .expect(400);
    expect(nulls.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['active', 'code', 'name', 'sortOrder']);
    const citizen = await t.createUser();
    expectErrorShape(
      (await citizen.client.patch(`/api/fields-of-action/00000000-0000-4000-8000-000000000000`, { active: false }).expect(403)).body,
      403,
    );
  });
});
