import { Language, LANGUAGES, Role } from '@app/shared';
import ar from '../../apps/api/src/modules/mail/locales/ar.json';
import tr from '../../apps/api/src/modules/mail/locales/tr.json';
import { linkFrom } from '../helpers/smtp';
import { expectErrorShape, PASSWORD, startTestApp, uniqueEmail, type TestApp } from './helpers/app';

describe('languages: review state of the translations, and mails in the resident language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the ten languages, German as the source, the translations not yet checked', async () => {
    const res = await (await t.client()).get('/api/languages').expect(200);
    expect(res.body.map((entry: { language: string }) => entry.language)).toEqual([...LANGUAGES]);
    expect(res.body[0]).toEqual({ language: 'de', endonym: 'Deutsch', direction: 'ltr', source: true, reviewed: true, reviewedAt: null });
    const arabic = res.body.find((entry: { language: string }) => entry.language === 'ar');
    expect(arabic).toEqual({ language: 'ar', endonym: 'العربية', direction: 'rtl', source: false, reviewed: false, reviewedAt: null });
  });

  it('lets an administrator mark a translation as checked and take it back; nobody else', async () => {
    const admin = await t.admin();
    const marked = await admin.put('/api/languages/tr/review', { reviewed: true }).expect(200);
    expect(marked.body).toEqual(expect.objectContaining({ language: 'tr', reviewed: true, reviewedAt: expect.any(String) }));
    // Marking twice keeps the first date.
    const again = await admin.put('/api/languages/tr/review', { reviewed: true }).expect(200);
    expect(again.body.reviewedAt).toBe(marked.body.reviewedAt);
    const list = (await (await t.client()).get('/api/languages').expect(200)).body as Array<{ language: string; reviewed: boolean }>;
    expect(list.find((entry) => entry.language === 'tr')?.reviewed).toBe(true);
    expect(list.filter((entry) => entry.reviewed).map((entry) => entry.language)).toEqual(['de', 'tr']);

    const withdrawn = await admin.put('/api/languages/tr/review', { reviewed: false }).expect(200);
    expect(withdrawn.body).toEqual(expect.objectContaining({ language: 'tr', reviewed: false, reviewedAt: null }));

    const moderator = await t.createUser({ role: Role.Moderator });
    expectErrorShape((await moderator.client.put('/api/languages/tr/review', { reviewed: true }).expect(403)).body, 403, 'FORBIDDEN');
    expectErrorShape((await (await t.client()).put('/api/languages/tr/review', { reviewed: true }).expect(401)).body, 401);
  });

  it('answers unknown languages, German and bad bodies with an error a person can act on', async () => {
    const admin = await t.admin();
    const unknown = await admin.put('/api/languages/fr/review', { reviewed: true }).expect(404);
    expectErrorShape(unknown.body, 404, 'NOT_FOUND');
    expect(unknown.body.message).toContain('de, de-x-ls, en, tr, ar, bg, ro, pl, uk, ru');
    const german = await admin.put('/api/languages/de/review', { reviewed: true }).expect(422);
    expect(german.body.message).toMatch(/German is the source/);
    const body = await admin.put('/api/languages/tr/review', { reviewed: 'yes' }).expect(400);
    expectErrorShape(body.body, 400, 'VALIDATION_FAILED');
    expectErrorShape((await admin.put('/api/languages/tr/review', {}).expect(400)).body, 400, 'VALIDATION_FAILED');
  });

  it.each([
    [Language.Turkish, tr],
    [Language.Arabic, ar],
  ])('mails a resident who registers in %s in that language, also when only the browser says so', async (language, texts) => {
    const chosen = uniqueEmail(`chosen-${language}`);
    const c = await t.client();
    await c.post('/api/auth/register', { email: chosen, password: PASSWORD, displayName: 'Ayşe', language }).expect(201);
    const mail = await t.smtp.waitFor(chosen);
    expect(mail.subject).toBe(texts.verifyEmail.subject);
    expect(mail.text).toContain(texts.greeting.replace('{{name}}', 'Ayşe'));
    expect(mail.html).toContain(`<html lang="${language}" dir="${language === Language.Arabic ? 'rtl' : 'ltr'}">`);
    // The link opens the platform in the same language, also on a device that has never seen it.
    const link = linkFrom(mail, '/verify-email');
    expect([link.searchParams.get('lang'), Boolean(link.searchParams.get('token'))]).toEqual([language, true]);

    const browser = uniqueEmail(`browser-${language}`);
    const fromBrowser = await t.client();
    await fromBrowser
      .post('/api/auth/register', { email: browser, password: PASSWORD, displayName: 'Ayşe' })
      .set('Accept-Language', `${language}-XX,${language};q=0.9,de;q=0.5`)
      .expect(201);
    expect((await t.smtp.waitFor(browser)).subject).toBe(texts.verifyEmail.subject);
  });
});
