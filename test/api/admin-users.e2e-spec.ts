import { Role } from '@app/shared';
import { ADMIN, expectErrorShape, startTestApp, type TestApp } from './helpers/app';

describe('admin: users and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists, searches, filters and pages accounts', async () => {
    const admin = await t.admin();
    const a = await t.createUser({ displayName: 'Suchbare Person' });
    await t.createUser();
    const all = await admin.get('/api/admin/users?pageSize=100').expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    expect(all.body.items[0]).toEqual(expect.objectContaining({ email: ADMIN.email, role: 'administrator', deleted: false }));
    expect(all.body.items[0]).not.toHaveProperty('passwordHash');

    const found = await admin.get('/api/admin/users?q=suchbare').expect(200);
    expect(found.body.items.map((u: { id: string }) => u.id)).toEqual([a.id]);
    const byRole = await admin.get('/api/admin/users?role=administrator').expect(200);
    expect(byRole.body.items.every((u: { role: string }) => u.role === 'administrator')).toBe(true);
    const wildcard = await admin.get('/api/admin/users?q=%25').expect(200);
    expect(wildcard.body.total).toBe(0);

    const page = await admin.get('/api/admin/users?page=2&pageSize=1').expect(200);
    expect(page.body).toEqual(expect.objectContaining({ page: 2, pageSize: 1, items: [expect.any(Object)] }));
    for (const q of ['page=0', 'pageSize=101', 'role=king', 'page=abc']) {
      expectErrorShape((await admin.get(`/api/admin/users?${q}`).expect(400)).body, 400, 'VALIDATION_FAILED');
    }
  });

  it('makes a citizen a moderator scoped to areas, and the change takes effect at once', async () => {
    const admin = await t.admin();
    const u = await t.createUser();
    const areas = (await admin.get('/api/areas?type=action_area').expect(200)).body as Array<{ id: string }>;
    const scope = [areas[0].id, areas[1].id].sort();
    const res = await admin.patch(`/api/admin/users/${u.id}`, { role: Role.Moderator, moderatorAreaIds: scope }).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ id: u.id, role: 'moderator', moderatorAreaIds: scope }));
    expect((await u.client.get('/api/me').expect(200)).body).toEqual(
      expect.objectContaining({ role: 'moderator', moderatorAreaIds: scope }),
    );

    const narrowed = await admin.patch(`/api/admin/users/${u.id}`, { moderatorAreaIds: [scope[0]] }).expect(200);
    expect(narrowed.body.moderatorAreaIds).toEqual([scope[0]]);
    const back = await admin.patch(`/api/admin/users/${u.id}`, { role: Role.Citizen }).expect(200);
    expect(back.body).toEqual(expect.objectContaining({ role: 'citizen', moderatorAreaIds: [] }));
  });

  it('refuses unknown areas, unknown users, bad roles and bad ids', async () => {
    const admin = await t.admin();
    const u = await t.createUser();
    const unknownArea = await admin
      .patch(`/api/admin/users/${u.id}`, { role: Role.Moderator, moderatorAreaIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expectErrorShape(unknownArea.body, 400, 'VALIDATION_FAILED');
    expect((await u.client.get('/api/me')).body.role).toBe('citizen');
    expectErrorShape(
      (await admin.patch('/api/admin/users/00000000-0000-4000-8000-000000000000', { role: Role.Moderator }).expect(404)).body,
      404,
      'NOT_FOUND',
    );
    expectErrorShape((await admin.patch(`/api/admin/users/${u.id}`, { role: 'superuser' }).expect(400)).body, 400, 'VALIDATION_FAILED');
    expectErrorShape(
      (await admin.patch('/api/admin/users/not-a-uuid', { role: Role.Moderator }).expect(400)).body,
      400,
      'VALIDATION_FAILED',
    );
  });

  it('never demotes the last administrator', async () => {
    const admin = await t.admin();
    const me = (await admin.get('/api/me').expect(200)).body;
    const others = (await admin.get('/api/admin/users?role=administrator').expect(200)).body.items.filter(
      (u: { id: string }) => u.id !== me.id,
    );
    expect(others).toHaveLength(0);
    const res = await admin.patch(`/api/admin/users/${me.id}`, { role: Role.Citizen }).expect(409);
    expectErrorShape(res.body, 409, 'LAST_ADMINISTRATOR');
    expect((await admin.get('/api/me').expect(200)).body.role).toBe('administrator');
  });

  it('records role changes in the audit log, visible in the actor’s export', async () => {
    const admin = await t.admin();
    const u = await t.createUser();
    await admin.patch(`/api/admin/users/${u.id}`, { role: Role.Moderator }).expect(200);
    const exported = JSON.parse((await admin.get('/api/me/export').expect(200)).text);
    const changes = exported.actionsTaken.filter((a: { entityId: string }) => a.entityId === u.id);
    await admin.patch(`/api/admin/users/${u.id}`, {}).expect(200);
    await admin.patch(`/api/admin/users/${u.id}`, { role: Role.Moderator }).expect(200);
    const after = JSON.parse((await admin.get('/api/me/export').expect(200)).text);
    expect(after.actionsTaken.filter((a: { entityId: string }) => a.entityId === u.id)).toHaveLength(changes.length);
    expect(exported.actionsTaken).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'user.role_changed', entityType: 'user', entityId: u.id })]),
    );
  });
});
