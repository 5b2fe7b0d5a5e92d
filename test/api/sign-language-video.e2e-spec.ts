import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import {
  Role,
  SIGN_LANGUAGE_CAPTIONS_MAX_BYTES,
  SIGN_LANGUAGE_DESCRIPTION_MAX,
  type AuditEntryResponse,
  type Page,
  type SignLanguageVideoState,
} from '@app/shared';
import { RetentionService } from '../../apps/api/src/modules/retention/retention.service';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { germanCaptions, tinyMp4, tinyPng, tinyWebm } from './helpers/files';

/**
 * The city's video in Deutsche Gebärdensprache (BITV 2.0 § 4): administrators publish it with its
 * German captions (checked by content, streamed to disk), replace and remove it; anybody reads it,
 * with Range requests for seeking. Against the real app and its upload folder.
 */

type Files = Record<string, { data: Buffer; name: string; type?: string }>;
const PATH = '/api/sign-language-video';
const DESCRIPTION = 'Das Video erklärt in 3 Minuten, wie Sie Vorschläge machen. Abschrift: https://stadt.example/dgs-abschrift';

describe('the sign language video', () => {
  let t: TestApp;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let citizen: TestUser;
  let moderator: TestUser;

  const folder = () => join(t.config.uploadDir, 'sign-language');
  const filesOnDisk = () => (existsSync(folder()) ? readdirSync(folder()).sort() : []);
  const state = async (client: ApiClient = anonymous) => (await client.get(PATH).expect(200)).body as SignLanguageVideoState;
  const upload = (client: ApiClient, files: Files, fields: Record<string, string> = {}) => client.multipart('put', PATH, { files, fields });
  const mp4 = (data = tinyMp4()) => ({ video: { data, name: 'erklaerung.mp4', type: 'video/mp4' } });
  const vtt = (data = germanCaptions(), name = 'untertitel.vtt') => ({ captions: { data, name, type: 'text/vtt' } });

  /** Publishes a video and returns the state the API answers with. */
  async function publish(files: Files = { ...vtt(), ...mp4() }, fields: Record<string, string> = {}): Promise<SignLanguageVideoState> {
    const res = await upload(admin, files, fields);
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return res.body as SignLanguageVideoState;
  }

  /** Every refused upload leaves the published video as it was and no temporary file behind. */
  async function expectUnchanged(before: SignLanguageVideoState): Promise<void> {
    expect(await state()).toEqual(before);
    const expected = before.video
      ? [`${before.video.id}${before.video.video.mimeType === 'video/mp4' ? '.mp4' : '.webm'}`, `${before.video.id}.vtt`]
      : [];
    // A refused upload's temporary file goes as soon as its request has ended (give the disk a moment).
    await waitFor(() => JSON.stringify(filesOnDisk()) === JSON.stringify(expected.sort()));
    expect(filesOnDisk()).toEqual(expected.sort());
  }

  beforeAll(async () => {
    t = await startTestApp({ SIGN_LANGUAGE_VIDEO_MAX_MB: '1', RETENTION_INTERVAL_MINUTES: '0' });
    admin = await t.admin();
    anonymous = await t.client();
    citizen = await t.createUser({ displayName: 'Bürgerin Gül' });
    moderator = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin Mia' });
  });
  afterAll(() => t.close());

  it('answers video: null (200) while there is none, with the configured limits', async () => {
    expect(await state()).toEqual({ video: null, maxVideoBytes: 1024 * 1024, maxCaptionsBytes: SIGN_LANGUAGE_CAPTIONS_MAX_BYTES });
    expectErrorShape((await admin.delete(PATH)).body, 404, 'NOT_FOUND');
  });

  it('lets only administrators publish and remove it: 401 for anonymous callers, 403 for citizens and moderators', async () => {
    const files = { ...vtt(), ...mp4() };
    const refused = await upload(anonymous, files);
    expect(refused.status).toBe(401);
    expectErrorShape(refused.body, 401, 'UNAUTHENTICATED');
    for (const user of [citizen, moderator]) {
      const res = await upload(user.client, files);
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403, 'FORBIDDEN');
      expectErrorShape((await user.client.delete(PATH)).body, 403, 'FORBIDDEN');
    }
    expectErrorShape((await anonymous.delete(PATH)).body, 401, 'UNAUTHENTICATED');
    expect((await state()).video).toBeNull();
    expect(filesOnDisk()).toEqual([]);
  });

  it('publishes an MP4 with its WebVTT captions and description, and serves both files with the right headers', async () => {
    const video = tinyMp4(8000);
    const published = await publish({ ...vtt(), ...mp4(video) }, { description: `  ${DESCRIPTION}  ` });
    const v = published.video!;
    expect(v).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      video: { url: `${PATH}/${v.id}/video`, fileName: 'erklaerung.mp4', mimeType: 'video/mp4', size: video.length },
      captions: { url: `${PATH}/${v.id}/captions.vtt`, fileName: 'untertitel.vtt', mimeType: 'text/vtt', size: germanCaptions().length },
      description: DESCRIPTION,
      uploadedAt: expect.any(String),
    });
    expect(await state()).toEqual(published);
    expect(filesOnDisk()).toEqual([`${v.id}.mp4`, `${v.id}.vtt`].sort());

    const full = await anonymous.get(v.video.url).buffer(true).expect(200);
    expect(full.headers['content-type']).toBe('video/mp4');
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.headers['content-length']).toBe(String(video.length));
    expect(full.headers['cache-control']).toBe('public, max-age=86400');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers['content-disposition']).toBe('inline; filename=erklaerung.mp4');
    expect(full.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Buffer.compare(full.body as Buffer, video)).toBe(0);
    // Signed in, the file is still public and cacheable (it is the same for everybody).
    expect((await admin.get(v.video.url).expect(200)).headers['cache-control']).toBe('public, max-age=86400');

    const captions = await anonymous.get(v.captions.url).expect(200);
    expect(captions.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(captions.text).toBe(germanCaptions().toString('utf8'));
    const revalidated = await anonymous.get(v.video.url).set('If-None-Match', full.headers.etag);
    expect(revalidated.status).toBe(304);
  });

  it('answers Range requests with 206 and exactly the bytes asked for, so a phone can seek', async () => {
    const v = (await state()).video!;
    const video = (await anonymous.get(v.video.url).buffer(true).expect(200)).body as Buffer;
    const size = video.length;
    const range = async (header: string, extra: Record<string, string> = {}) => {
      let req = anonymous.get(v.video.url).set('Range', header).buffer(true);
      for (const [name, value] of Object.entries(extra)) req = req.set(name, value);
      return req;
    };
    const cases: Array<[string, number, number]> = [
      ['bytes=0-1', 0, 1],
      ['bytes=100-199', 100, 199],
      [`bytes=${size - 10}-`, size - 10, size - 1],
      ['bytes=-16', size - 16, size - 1],
      [`bytes=4000-${size + 5000}`, 4000, size - 1],
    ];
    for (const [header, first, last] of cases) {
      const res = await range(header);
      expect({ header, status: res.status, contentRange: res.headers['content-range'] }).toEqual({
        header,
        status: 206,
        contentRange: `bytes ${first}-${last}/${size}`,
      });
      expect(res.headers['content-type']).toBe('video/mp4');
      expect(res.headers['content-length']).toBe(String(last - first + 1));
      expect(Buffer.compare(res.body as Buffer, video.subarray(first, last + 1))).toBe(0);
    }
    // If-Range: the range only while the file is the one the player has.
    const etag = (await anonymous.get(v.video.url).expect(200)).headers.etag;
    expect((await range('bytes=0-9', { 'If-Range': etag })).status).toBe(206);
    expect((await range('bytes=0-9', { 'If-Range': '"something-else"' })).status).toBe(200);
    // A range outside the file: 416 with the file's length, in the one error body.
    const outside = await range(`bytes=${size + 10}-${size + 20}`);
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${size}`);
    expectErrorShape(JSON.parse((outside.body as Buffer).toString('utf8')), 416, 'RANGE_NOT_SATISFIABLE');
    // The captions take ranges too; HEAD tells the length without the body.
    const cue = await anonymous.get(v.captions.url).set('Range', 'bytes=0-5').expect(206);
    expect(cue.text).toBe('WEBVTT');
    const head = await request(t.url).head(v.video.url).expect(200);
    expect(head.headers['content-length']).toBe(String(size));
    expect(head.headers['accept-ranges']).toBe('bytes');
  });

  it('replaces the video: the new one is served, the old files and addresses are gone, each step audited', async () => {
    const old = (await state()).video!;
    const webm = tinyWebm(5000);
    const replaced = (await publish({ video: { data: webm, name: 'C:\\Videos\\Erklärung <neu>.webm', type: 'video/webm' }, ...vtt() }))
      .video!;
    expect(replaced.id).not.toBe(old.id);
    expect(replaced.video).toEqual(expect.objectContaining({ mimeType: 'video/webm', fileName: 'Erklärung neu.webm', size: webm.length }));
    expect(replaced.description).toBeNull();
    expect(filesOnDisk()).toEqual([`${replaced.id}.vtt`, `${replaced.id}.webm`].sort());
    expectErrorShape((await anonymous.get(old.video.url)).body, 404, 'NOT_FOUND');
    expectErrorShape((await anonymous.get(old.captions.url)).body, 404, 'NOT_FOUND');
    const served = await anonymous.get(replaced.video.url).buffer(true).expect(200);
    expect(served.headers['content-type']).toBe('video/webm');
    expect(Buffer.compare(served.body as Buffer, webm)).toBe(0);

    const audit = (await admin.get('/api/admin/audit?entityType=sign_language_video&pageSize=100').expect(200))
      .body as Page<AuditEntryResponse>;
    const actions = audit.items.map((entry) => [entry.action, entry.entityId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['sign_language_video.uploaded', old.id],
        ['sign_language_video.replaced', replaced.id],
      ]),
    );
    const replacedEntry = audit.items.find((entry) => entry.entityId === replaced.id)!;
    expect(replacedEntry.details).toEqual(expect.objectContaining({ replaced: [old.id], videoFileName: 'Erklärung neu.webm', cues: 2 }));
  });

  it('checks the video by its content, not its name: anything but MP4 or WebM is refused with 422', async () => {
    const before = await state();
    const cases: Array<[string, Buffer, RegExp]> = [
      ['a PNG named .mp4', await tinyPng(), /not an MP4 or WebM video/],
      ['a QuickTime file', tinyMp4(2000, 'qt  '), /QuickTime \(\.mov\)/],
      ['a Matroska file', tinyWebm(2000, 'matroska'), /Matroska \(\.mkv\)/],
      ['text', Buffer.from('<html><script>alert(1)</script></html>'.repeat(10)), /not an MP4 or WebM video/],
      ['a tiny file', Buffer.from('ftyp'), /not an MP4 or WebM video/],
    ];
    for (const [label, data, message] of cases) {
      const res = await upload(admin, { ...vtt(), video: { data, name: 'video.mp4', type: 'video/mp4' } });
      expect({ label, status: res.status, code: res.body.code }).toEqual({ label, status: 422, code: 'VIDEO_TYPE_NOT_ALLOWED' });
      expectErrorShape(res.body, 422, 'VIDEO_TYPE_NOT_ALLOWED');
      expect(res.body.message).toMatch(message);
      expect(res.body.details).toEqual([{ field: 'video', messages: ['must be an MP4 or WebM video'] }]);
    }
    const empty = await upload(admin, { ...vtt(), video: { data: Buffer.alloc(0), name: 'leer.mp4' } });
    expectErrorShape(empty.body, 400, 'VALIDATION_FAILED');
    await expectUnchanged(before);
  });

  it('refuses a video without captions, and captions that are not WebVTT with a cue, with 422 and the reason', async () => {
    const before = await state();
    const missing = await upload(admin, mp4(), { description: 'ohne Untertitel' });
    expectErrorShape(missing.body, 422, 'CAPTIONS_REQUIRED');
    expect(missing.body.message).toMatch(/only with its German captions/);
    expect(missing.body.details).toEqual([{ field: 'captions', messages: ['a WebVTT captions file is required'] }]);

    const cases: Array<[string, string, RegExp]> = [
      ['SubRip', '1\n00:00:01,000 --> 00:00:02,000\nHallo\n', /first line must be "WEBVTT"/],
      ['no cue', 'WEBVTT\n\nNOTE noch leer\n', /no cue/],
      [
        'a broken timing',
        'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGut.\n\n00:00:05.000 -> 00:00:07.000\nKaputt.\n',
        /Line 6: expected a cue timing/,
      ],
      ['an empty file', '', /empty/],
    ];
    for (const [label, text, message] of cases) {
      const res = await upload(admin, { ...vtt(Buffer.from(text, 'utf8')), ...mp4() });
      expect({ label, status: res.status, code: res.body.code }).toEqual({ label, status: 422, code: 'CAPTIONS_INVALID' });
      expect(res.body.message).toMatch(message);
      expect(res.body.details?.[0]?.field).toBe('captions');
    }
    // The captions are checked when they arrive, also when they come after the video.
    const late = await upload(admin, { ...mp4(), ...vtt(Buffer.from('kein WebVTT', 'utf8')) });
    expectErrorShape(late.body, 422, 'CAPTIONS_INVALID');

    const noVideo = await upload(admin, vtt());
    expectErrorShape(noVideo.body, 400, 'VALIDATION_FAILED');
    expect(noVideo.body.details).toEqual([{ field: 'video', messages: ['an MP4 or WebM video is required'] }]);
    await expectUnchanged(before);
  });

  it('refuses files over the limits with 413 and a message that names the limit, and keeps nothing of them', async () => {
    const before = await state();
    const tooBig = await upload(admin, { ...vtt(), ...mp4(tinyMp4(1024 * 1024)) });
    expectErrorShape(tooBig.body, 413, 'PAYLOAD_TOO_LARGE');
    expect(tooBig.body.message).toMatch(/larger than 1 MB/);
    expect(tooBig.body.details).toEqual([{ field: 'video', messages: ['at most 1 MB'] }]);
    // Exactly at the limit is fine (and replaced again below by the remaining tests' video).
    const atLimit = tinyMp4(1024 * 1024 - 32);
    expect(atLimit.length).toBe(1024 * 1024);

    const longCaptions = Buffer.concat([germanCaptions(), Buffer.alloc(SIGN_LANGUAGE_CAPTIONS_MAX_BYTES, 'a')]);
    const captionsTooBig = await upload(admin, { ...vtt(longCaptions), ...mp4() });
    expectErrorShape(captionsTooBig.body, 413, 'PAYLOAD_TOO_LARGE');
    expect(captionsTooBig.body.details?.[0]?.field).toBe('captions');
    await expectUnchanged(before);
    expect((await publish({ ...vtt(), ...mp4(atLimit) })).video?.video.size).toBe(1024 * 1024);
  });

  it('answers malformed uploads with clear 400 errors', async () => {
    const before = await state();
    const json = await admin.put(PATH, { description: 'nur Text' });
    expectErrorShape(json.body, 400, 'VALIDATION_FAILED');
    expect(json.body.message).toMatch(/multipart\/form-data/);

    const wrongField = await upload(admin, { ...vtt(), file: { data: tinyMp4(), name: 'video.mp4' } });
    expectErrorShape(wrongField.body, 400, 'VALIDATION_FAILED');
    expect(wrongField.body.message).toMatch(/form fields "video" and "captions"/);
    const twoVideos = await admin
      .multipart('put', PATH, { files: vtt() })
      .attach('video', tinyMp4(), 'a.mp4')
      .attach('video', tinyMp4(), 'b.mp4');
    expectErrorShape(twoVideos.body, 400, 'VALIDATION_FAILED');

    const tooLong = await upload(admin, { ...vtt(), ...mp4() }, { description: 'x'.repeat(SIGN_LANGUAGE_DESCRIPTION_MAX + 1) });
    expectErrorShape(tooLong.body, 400, 'VALIDATION_FAILED');
    expect(tooLong.body.details.map((d: { field: string }) => d.field)).toEqual(['description']);
    const control = await upload(admin, { ...vtt(), ...mp4() }, { description: 'Text\u0000mit NUL' });
    expectErrorShape(control.body, 400, 'VALIDATION_FAILED');
    const extra = await upload(admin, { ...vtt(), ...mp4() }, { isAdmin: 'true' });
    expectErrorShape(extra.body, 400, 'VALIDATION_FAILED');

    expectErrorShape((await anonymous.get(`${PATH}/not-a-uuid/video`)).body, 400, 'VALIDATION_FAILED');
    expectErrorShape((await anonymous.get(`${PATH}/${randomUUID()}/captions.vtt`)).body, 404, 'NOT_FOUND');
    await expectUnchanged(before);
  });

  it('streams the upload to disk as it arrives, and leaves no file behind when it is cut off mid-way', async () => {
    const before = await state();
    const boundary = 'abgebrochen';
    const { port } = new URL(t.url);
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'PUT',
      path: PATH,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, ...admin.authHeaders() },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="halb.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
    req.write(tinyMp4(200_000));
    // The file is being written while the request is still open: nothing holds the video in memory.
    await waitFor(() => filesOnDisk().some((name) => name.endsWith('.part')));
    expect(filesOnDisk().filter((name) => name.endsWith('.part'))).toHaveLength(1);
    req.destroy();
    await expectUnchanged(before);
  });

  it('keeps one current video when two administrators replace it at the same time', async () => {
    const second = await t.createUser({ role: Role.Administrator, displayName: 'Zweite Verwaltung' });
    const answers = await Promise.all([
      upload(admin, { ...vtt(), ...mp4(tinyMp4(3000)) }),
      upload(second.client, { ...vtt(), video: { data: tinyWebm(3000), name: 'zwei.webm' } }),
    ]);
    expect(answers.map((res) => res.status)).toEqual([200, 200]);
    const current = (await state()).video!;
    expect([answers[0].body.video.id, answers[1].body.video.id]).toContain(current.id);
    await expectUnchanged(await state());
  });

  it('clears files nobody refers to (a crash between the steps) once they are older than the grace period', async () => {
    const current = (await state()).video!;
    const stray = join(folder(), '00000000-0000-4000-8000-000000000000.mp4');
    const part = join(folder(), '00000000-0000-4000-8000-000000000001.part');
    writeFileSync(stray, tinyMp4(10));
    writeFileSync(part, 'halb');
    const report = await t.app.get(RetentionService).run(new Date(Date.now() + 25 * 3600_000));
    expect(report?.orphanUploadsDeleted).toBe(2);
    expect(filesOnDisk()).toEqual(
      [`${current.id}.vtt`, `${current.id}${current.video.mimeType === 'video/mp4' ? '.mp4' : '.webm'}`].sort(),
    );
  });

  it('is removed by an administrator: the page shows none again, the files and addresses are gone', async () => {
    const current = (await state()).video!;
    await admin.delete(PATH).expect(204);
    expect((await state()).video).toBeNull();
    expect(filesOnDisk()).toEqual([]);
    expectErrorShape((await anonymous.get(current.video.url)).body, 404, 'NOT_FOUND');
    expectErrorShape((await anonymous.get(current.captions.url)).body, 404, 'NOT_FOUND');
    expectErrorShape((await admin.delete(PATH)).body, 404, 'NOT_FOUND');
    const audit = (await admin.get(`/api/admin/audit?entityType=sign_language_video&entityId=${current.id}`).expect(200))
      .body as Page<AuditEntryResponse>;
    expect(audit.items.map((entry) => entry.action)).toContain('sign_language_video.removed');
  });
});

/** Waits until the condition holds or the time is up (the caller's expectation then shows the difference). */
async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 25));
}
