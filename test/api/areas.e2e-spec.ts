import { AreaType } from '@app/shared';
import { expectErrorShape, startTestApp, type TestApp } from './helpers/app';

interface Area {
  id: string;
  type: string;
  code: string;
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  current: boolean;
}

describe('areas', () => {
  let t: TestApp;
  let all: Area[];
  const byName = (name: string) => all.find((a) => a.name === name)!;
  beforeAll(async () => {
    t = await startTestApp();
    all = (await (await t.client()).get('/api/areas?include=all').expect(200)).body;
  });
  afterAll(() => t.close());

  it('carries the demo data: 12 Stadtbezirke, the Aktionsräume with their revision, the Quartiere', async () => {
    expect(all.filter((a) => a.type === AreaType.District)).toHaveLength(12);
    expect(all.filter((a) => a.type === AreaType.ActionArea)).toHaveLength(15);
    expect(byName('Nordmarkt')).toEqual(
      expect.objectContaining({ code: 'ar-nordmarkt', parentId: byName('Innenstadt-Nord').id, current: true }),
    );
    expect(byName('Wickede')).toEqual(expect.objectContaining({ validTo: '2016-12-31', current: false }));
    expect(byName('Meylantviertel')).toEqual(
      expect.objectContaining({ type: AreaType.Neighbourhood, parentId: byName('Wickede').id, current: true }),
    );
    expect(byName('Bövinghausen/Westrich').code).toBe('ar-boevinghausen-westrich');
  });

  it('lists only current areas by default, filters by type and parent', async () => {
    const c = await t.client();
    const current = (await c.get('/api/areas?type=action_area').expect(200)).body as Area[];
    expect(current).toHaveLength(13);
    expect(current.map((a) => a.name)).not.toContain('Wickede');
    const north = (await c.get(`/api/areas?parentId=${byName('Innenstadt-Nord').id}`).expect(200)).body as Area[];
    expect(north.map((a) => a.name).sort()).toEqual(['Borsigplatz', 'Hafen', 'Nordmarkt']);
    for (const q of ['type=city', 'include=some', 'parentId=nope'])
      expectErrorShape((await c.get(`/api/areas?${q}`).expect(400)).body, 400);
  });

  it('shows an area with its parent and children', async () => {
    const c = await t.client();
    const res = await c.get(`/api/areas/${byName('Innenstadt-Nord').id}`).expect(200);
    expect(res.body.parent).toBeNull();
    expect(res.body.children.map((a: Area) => a.name)).toEqual(['Borsigplatz', 'Hafen', 'Nordmarkt']);
    const child = await c.get(`/api/areas/${byName('Hafen').id}`).expect(200);
    expect(child.body.parent.name).toBe('Innenstadt-Nord');
    expectErrorShape((await c.get('/api/areas/00000000-0000-4000-8000-000000000000').expect(404)).body, 404, 'NOT_FOUND');
  });

  it('lets an administrator create a Quartier under an Aktionsraum, and refuses broken ones', async () => {
    const admin = await t.admin();
    const body = {
      type: 'neighbourhood',
      code: 'q-nordmarkt-sued',
      name: 'Nordmarkt-Süd',
      parentId: byName('Nordmarkt').id,
      validFrom: '2024-01-01',
    };
    const created = await admin.post('/api/areas', body).expect(201);
    expect(created.body).toEqual(expect.objectContaining({ ...body, validTo: null, current: true, description: null }));

    expectErrorShape((await admin.post('/api/areas', body).expect(409)).body, 409, 'AREA_CODE_TAKEN');
    const wrongParent = await admin.post('/api/areas', { ...body, code: 'q-x', parentId: byName('Innenstadt-Nord').id }).expect(422);
    expectErrorShape(wrongParent.body, 422, 'AREA_PARENT_INVALID');
    expect(wrongParent.body.message).toContain('Aktionsraum');
    expectErrorShape(
      (await admin.post('/api/areas', { ...body, code: 'q-y', parentId: undefined }).expect(422)).body,
      422,
      'AREA_PARENT_INVALID',
    );
    expectErrorShape(
      (
        await admin
          .post('/api/areas', { type: 'district', code: 'sb-z', name: 'Zett', parentId: byName('Eving').id, validFrom: '2024-01-01' })
          .expect(422)
      ).body,
      422,
      'AREA_PARENT_INVALID',
    );
    expectErrorShape(
      (await admin.post('/api/areas', { ...body, code: 'q-unknown-parent', parentId: '00000000-0000-4000-8000-000000000000' }).expect(422))
        .body,
      422,
    );
    expectErrorShape(
      (await admin.post('/api/areas', { ...body, code: 'q-z', validTo: '2023-12-31' }).expect(422)).body,
      422,
      'AREA_VALIDITY_INVALID',
    );
    const invalid = await admin.post('/api/areas', { ...body, code: 'Bad Code!', validFrom: '2024-02-30', name: '' }).expect(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'name', 'validFrom']);
  });

  it('retires an area by validTo instead of deleting it, and renames it', async () => {
    const admin = await t.admin();
    const nette = byName('Nette');
    const retired = await admin.patch(`/api/areas/${nette.id}`, { validTo: '2020-12-31', name: 'Nette (alt)' }).expect(200);
    expect(retired.body).toEqual(expect.objectContaining({ validTo: '2020-12-31', name: 'Nette (alt)', current: false }));
    const c = await t.client();
    expect(((await c.get('/api/areas?type=action_area').expect(200)).body as Area[]).map((a) => a.id)).not.toContain(nette.id);
    expect(((await c.get('/api/areas?include=all').expect(200)).body as Area[]).map((a) => a.id)).toContain(nette.id);
    const reopened = await admin.patch(`/api/areas/${nette.id}`, { validTo: null }).expect(200);
    expect(reopened.body.current).toBe(true);
    expect((await admin.delete(`/api/areas/${nette.id}`).expect(404)).body.code).toBe('NOT_FOUND');
    expectErrorShape((await admin.patch(`/api/areas/${nette.id}`, { type: 'district' }).expect(400)).body, 400);
    for (const field of ['name', 'code', 'validFrom']) {
      const res = await admin.patch(`/api/areas/${nette.id}`, { [field]: null }).expect(400);
      expect(res.body.details[0].field).toBe(field);
    }
    expect((await admin.patch(`/api/areas/${nette.id}`, { description: null }).expect(200)).body.description).toBeNull();
    expectErrorShape(
      (await admin.patch(`/api/areas/${nette.id}`, { code: byName('Hafen').code }).expect(409)).body,
      409,
      'AREA_CODE_TAKEN',
    );
    expectErrorShape((await admin.patch(`/api/areas/${nette.id}`, { parentId: nette.id }).expect(422)).body, 422, 'AREA_PARENT_INVALID');
  });

  it('keeps reference data changes to administrators', async () => {
    const citizen = await t.createUser();
    const res = await citizen.client
      .post('/api/areas', { type: 'district', code: 'sb-neu', name: 'Neu', validFrom: '2024-01-01' })
      .expect(403);
    expectErrorShape(res.body, 403, 'FORBIDDEN');
    expectErrorShape((await (await t.client()).patch(`/api/areas/${byName('Hafen').id}`, { name: 'X' }).expect(401)).body, 401);
  });
});
