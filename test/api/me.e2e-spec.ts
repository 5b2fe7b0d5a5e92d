import { Role } from '@app/shared';
import { ADMIN, expectErrorShape, PASSWORD, startTestApp, uniqueEmail, type TestApp } from './helpers/app';
import { linkFrom } from '../helpers/smtp';

describe('my account: profile, email, password, export, deletion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows and changes the profile, with validation', async () => {
    const u = await t.createUser({ displayName: 'Alt' });
    const me = await u.client.get('/api/me').expect(200);
    expect(me.body).toEqual({
      id: u.id,
      email: u.email,
      displayName: 'Alt',
      language: 'de',
      role: 'citizen',
      moderatorAreaIds: [],
      emailVerified: true,
      pendingEmail: null,
      createdAt: expect.any(String),
    });
    const changed = await u.client.patch('/api/me', { displayName: '  Neu  ', language: 'en' }).expect(200);
    expect(changed.body).toEqual(expect.objectContaining({ displayName: 'Neu', language: 'en' }));
    const bad = await u.client.patch('/api/me', { displayName: 'x', language: 'fr', role: 'administrator' }).expect(400);
    expectErrorShape(bad.body, 400, 'VALIDATION_FAILED');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['displayName', 'language', 'role']);
    expect((await u.client.get('/api/me').expect(200)).body.role).toBe('citizen');
    const nulls = await u.client.patch('/api/me', { displayName: null, language: null }).expect(400);
    expect(nulls.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['displayName', 'language']);
    expect((await u.client.get('/api/me').expect(200)).body.displayName).toBe('Neu');
  });

  it('changes the email address only after the new address is confirmed', async () => {
    const u = await t.createUser();
    const newEmail = uniqueEmail('moved');
    const wrongPw = await u.client.post('/api/me/email', { newEmail, currentPassword: 'not my password' }).expect(401);
    expectErrorShape(wrongPw.body, 401, 'INVALID_CREDENTIALS');
    expectErrorShape(
      (await u.client.post('/api/me/email', { newEmail: u.email, currentPassword: PASSWORD }).expect(409)).body,
      409,
      'EMAIL_TAKEN',
    );

    await u.client.post('/api/me/email', { newEmail, currentPassword: PASSWORD }).expect(202);
    const pending = await u.client.get('/api/me').expect(200);
    expect(pending.body).toEqual(expect.objectContaining({ email: u.email, pendingEmail: newEmail }));
    const mail = await t.smtp.waitFor(newEmail);
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre neue E-Mail-Adresse');
    const c = await t.client();
    await c.post('/api/auth/verify-email', { token: linkFrom(mail, '/verify-email').searchParams.get('token') }).expect(200);
    expect((await u.client.get('/api/me').expect(200)).body).toEqual(expect.objectContaining({ email: newEmail, pendingEmail: null }));
    // The link opened again: the new address is confirmed already (not "invalid"), and nothing changes.
    expectErrorShape(
      (await c.post('/api/auth/verify-email', { token: linkFrom(mail, '/verify-email').searchParams.get('token') }).expect(409)).body,
      409,
      'EMAIL_ALREADY_VERIFIED',
    );
    expect((await u.client.get('/api/me').expect(200)).body).toEqual(expect.objectContaining({ email: newEmail, pendingEmail: null }));
    await c.post('/api/auth/login', { email: newEmail, password: PASSWORD }).expect(200);
    await (await t.client()).post('/api/auth/login', { email: u.email, password: PASSWORD }).expect(401);
  });

  it('changes the password and signs out other browsers, not this one', async () => {
    const u = await t.createUser();
    const elsewhere = await t.login(u.email, PASSWORD);
    expectErrorShape(
      (await u.client.post('/api/me/password', { currentPassword: 'wrong one!', newPassword: 'next password 42' }).expect(401)).body,
      401,
    );
    const weak = await u.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'short' }).expect(400);
    expect(weak.body.details[0].field).toBe('newPassword');
    await u.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'next password 42' }).expect(200);
    await u.client.get('/api/me').expect(200);
    await elsewhere.get('/api/me').expect(401);
    await t.login(u.email, 'next password 42');
  });

  it('exports everything stored about the person as a JSON download', async () => {
    const u = await t.createUser({ displayName: 'Exportiererin' });
    const res = await u.client.get('/api/me/export').expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="soziale-stadt-export.json"');
    expect(res.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(res.text);
    expect(data).toEqual(
      expect.objectContaining({
        format: 'soziale-stadt-export/1',
        exportedAt: expect.any(String),
        account: expect.objectContaining({ id: u.id, email: u.email, displayName: 'Exportiererin', emailVerifiedAt: expect.any(String) }),
        sessions: [expect.objectContaining({ createdAt: expect.any(String), expiresAt: expect.any(String) })],
        actionsTaken: [],
      }),
    );
    expect(res.text).not.toMatch(/passwordHash|argon2|tokenHash/);
  });

  it('exports the person’s participation: proposals, supports, comments, reports and follows', async () => {
    const u = await t.createUser();
    const other = await t.createUser();
    const area = (await u.client.get('/api/areas?type=action_area').expect(200)).body[0];
    const field = (await u.client.get('/api/fields-of-action').expect(200)).body[0];
    const body = {
      title: 'Trinkbrunnen am Markt',
      body: 'Im Sommer fehlt Trinkwasser auf dem Platz, ein Brunnen würde helfen.',
      areaId: area.id,
      fieldOfActionId: field.id,
    };
    const own = (await u.client.post('/api/proposals', body).expect(201)).body;
    const theirs = (await other.client.post('/api/proposals', { ...body, title: 'Schattenplätze am Markt' }).expect(201)).body;
    await u.client.put(`/api/proposals/${theirs.id}/support`).expect(200);
    await u.client.post(`/api/proposals/${theirs.id}/comments`, { body: 'Gute Idee, dazu noch Bäume.' }).expect(201);
    await u.client.put(`/api/proposals/${theirs.id}/follow`).expect(200);
    await u.client
      .post('/api/reports', { targetType: 'proposal', targetId: theirs.id, reason: 'Doppelt eingereicht, bitte prüfen.' })
      .expect(201);
    const data = JSON.parse((await u.client.get('/api/me/export').expect(200)).text);
    expect(data.proposals).toEqual([expect.objectContaining({ id: own.id, title: 'Trinkbrunnen am Markt' })]);
    expect(data.supports).toEqual([expect.objectContaining({ proposalId: theirs.id })]);
    expect(data.comments).toEqual([expect.objectContaining({ proposalId: theirs.id, body: 'Gute Idee, dazu noch Bäume.' })]);
    expect(data.reports).toEqual([expect.objectContaining({ targetId: theirs.id, reason: 'Doppelt eingereicht, bitte prüfen.' })]);
    expect(data.follows).toEqual([expect.objectContaining({ proposalId: theirs.id, muted: false })]);
    expect(JSON.stringify(data)).not.toContain(other.email);
  });

  it('deletes the account: personal data gone, public profile shows a deleted user, address free again', async () => {
    const u = await t.createUser({ displayName: 'Bald weg' });
    const public1 = await (await t.client()).get(`/api/users/${u.id}`).expect(200);
    expect(public1.body).toEqual({ id: u.id, displayName: 'Bald weg' });

    expectErrorShape((await u.client.delete('/api/me', { password: 'not my password' }).expect(401)).body, 401, 'INVALID_CREDENTIALS');
    expectErrorShape((await u.client.delete('/api/me').expect(400)).body, 400);
    await u.client.delete('/api/me', { password: PASSWORD }).expect(204);
    const mail = await t.smtp.waitFor(u.email, (m) => m.subject === 'Ihr Konto wurde gelöscht');
    expect(mail.text).toContain('„Gelöschtes Konto“');

    await u.client.get('/api/me').expect(401);
    expect((await (await t.client()).get(`/api/users/${u.id}`).expect(200)).body).toEqual({ id: u.id, displayName: null });
    await (await t.client()).post('/api/auth/login', { email: u.email, password: PASSWORD }).expect(401);

    const admin = await t.admin();
    const listed = await admin.get(`/api/admin/users?q=${encodeURIComponent(u.email)}`).expect(200);
    expect(listed.body.total).toBe(0);
    const c = await t.client();
    await c.post('/api/auth/register', { email: u.email, password: PASSWORD, displayName: 'Wieder da' }).expect(201);
    const welcome = await t.smtp.waitFor(u.email, (m) => m.subject === 'Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(welcome).toBeTruthy();
  });

  it('keeps the last administrator from deleting their account', async () => {
    const admin = await t.admin();
    const res = await admin.delete('/api/me', { password: ADMIN.password }).expect(409);
    expectErrorShape(res.body, 409, 'LAST_ADMINISTRATOR');
    await admin.get('/api/me').expect(200);
  });

  it('lets a second administrator delete themselves once another exists', async () => {
    const second = await t.createUser({ role: Role.Administrator });
    await second.client.delete('/api/me', { password: PASSWORD }).expect(204);
  });
});
