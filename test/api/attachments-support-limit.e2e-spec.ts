import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_PROPOSAL,
  Role,
  type AreaResponse,
  type AuditEntryResponse,
  type Page,
  type ProposalAttachment,
  type ProposalDetail,
  type SupportResponse,
} from '@app/shared';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { jpegWithGps, tinyPdf, tinyPng } from './helpers/files';

/**
 * Images and PDFs on proposals (upload checks, metadata removal, safe serving, permissions,
 * limits) and the per-person support limit of an Aktionsraum, against the real app.
 */

type Body = Record<string, unknown>;
const fieldsOf = (body: { details?: Array<{ field: string }> }) => (body.details ?? []).map((d) => d.field).sort();

/** A PNG whose header claims 100,000 × 100,000 pixels: a decompression bomb in 60 bytes. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.alloc(0)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('proposal attachments and support limits', () => {
  let t: TestApp;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let author: TestUser;
  let other: TestUser;
  let fieldId: string;
  /** Two current Aktionsräume and a Quartier made under the first. */
  let nordmarkt: AreaResponse;
  let hafen: AreaResponse;
  let quartierId: string;

  async function propose(user: TestUser, over: Body = {}): Promise<ProposalDetail> {
    const res = await user.client.post('/api/proposals', {
      title: 'Ein Vorschlag mit Bildern',
      body: 'Ein Vorschlag, der Bilder und Dokumente zeigt, mit genug Text für die Prüfung.',
      fieldOfActionId: fieldId,
      areaId: nordmarkt.id,
      ...over,
    });
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as ProposalDetail;
  }
  const detail = async (client: ApiClient, id: string) => (await client.get(`/api/proposals/${id}`).expect(200)).body as ProposalDetail;
  const upload = (
    client: ApiClient,
    proposalId: string,
    data: Buffer,
    name = 'bild.png',
    fields: Record<string, string> = {},
    type?: string,
  ) => client.upload(`/api/proposals/${proposalId}/attachments`, { file: { data, name, type }, fields });
  /** Files the app keeps for one attachment (the file and, for images, its preview). */
  const storedFiles = (id: string) => {
    const dir = join(t.config.uploadDir, id.slice(0, 2));
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(id)) : [];
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    anonymous = await t.client();
    author = await t.createUser({ displayName: 'Autorin' });
    other = await t.createUser({ displayName: 'Andere Person' });
    fieldId = (await admin.get('/api/fields-of-action').expect(200)).body[0].id;
    const actionAreas = (await admin.get('/api/areas?type=action_area').expect(200)).body as AreaResponse[];
    nordmarkt = actionAreas.find((a) => a.name === 'Nordmarkt')!;
    hafen = actionAreas.find((a) => a.name === 'Hafen')!;
    quartierId = (
      await admin
        .post('/api/areas', {
          type: 'neighbourhood',
          code: 'q-anhang-test',
          name: 'Quartier Anhang',
          parentId: nordmarkt.id,
          validFrom: '2020-01-01',
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  describe('attachments', () => {
    it('stores an image with its alternative text, lists it on the proposal and serves it with safe headers', async () => {
      const p = await propose(author);
      expect(p.attachments).toEqual([]);
      expect(p.viewer.canAttach).toBe(true);
      const png = await tinyPng(800, 600);
      const res = await upload(author.client, p.id, png, 'Spielplatz Nordmarkt.png', {
        description: 'Der leere Spielplatz am Nordmarkt',
      }).expect(201);
      const a = res.body as ProposalAttachment;
      expect(a).toEqual({
        id: expect.any(String),
        fileName: 'Spielplatz Nordmarkt.png',
        mimeType: 'image/png',
        kind: 'image',
        size: expect.any(Number),
        description: 'Der leere Spielplatz am Nordmarkt',
        width: 800,
        height: 600,
        url: `/api/proposals/${p.id}/attachments/${a.id}`,
        thumbnailUrl: `/api/proposals/${p.id}/attachments/${a.id}?variant=thumbnail`,
        createdAt: expect.any(String),
      });
      expect((await detail(anonymous, p.id)).attachments).toEqual([a]);
      expect(storedFiles(a.id).sort()).toEqual([a.id, `${a.id}.thumb.webp`]);

      const file = await anonymous.get(a.url).buffer(true).expect(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-security-policy']).toContain('sandbox');
      expect(file.headers['content-security-policy']).toContain("default-src 'none'");
      expect(file.headers['content-disposition']).toBe('inline; filename="Spielplatz Nordmarkt.png"');
      expect(file.headers['cache-control']).toContain('public');
      expect(Number(file.headers['content-length'])).toBe(a.size);
      expect((await sharp(file.body as Buffer).metadata()).width).toBe(800);
      // Revalidation with the ETag costs no body.
      await anonymous.agent.get(a.url).set('If-None-Match', file.headers.etag).expect(304);

      const thumb = await anonymous.get(a.thumbnailUrl!).buffer(true).expect(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const meta = await sharp(thumb.body as Buffer).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 480, height: 360 });
    });

    it('removes the metadata of photos (GPS position, camera) and keeps PDFs byte for byte as downloads', async () => {
      const p = await propose(author);
      const photo = await jpegWithGps();
      expect((await sharp(photo).metadata()).exif).toBeDefined();
      const jpeg = (await upload(author.client, p.id, photo, 'IMG_2041.JPG').expect(201)).body as ProposalAttachment;
      expect(jpeg).toEqual(expect.objectContaining({ fileName: 'IMG_2041.jpg', mimeType: 'image/jpeg', width: 64, height: 48 }));
      const stored = (await anonymous.get(jpeg.url).buffer(true).expect(200)).body as Buffer;
      const meta = await sharp(stored).metadata();
      expect({ exif: meta.exif, format: meta.format }).toEqual({ exif: undefined, format: 'jpeg' });
      expect(stored.includes(Buffer.from('TestPhone'))).toBe(false);
      expect(stored.includes(Buffer.from('GeoCam'))).toBe(false);

      const pdf = tinyPdf();
      const doc = (await upload(author.client, p.id, pdf, 'Unterschriften.pdf', { description: 'Unterschriftenliste' }).expect(201))
        .body as ProposalAttachment;
      expect(doc).toEqual(expect.objectContaining({ kind: 'document', mimeType: 'application/pdf', size: pdf.length, thumbnailUrl: null }));
      const served = await anonymous.get(doc.url).buffer(true).expect(200);
      expect(served.headers['content-type']).toBe('application/pdf');
      expect(served.headers['content-disposition']).toBe('attachment; filename=Unterschriften.pdf');
      expect(Buffer.compare(served.body as Buffer, pdf)).toBe(0);
      expectErrorShape((await anonymous.get(`${doc.url}?variant=thumbnail`).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get(`${doc.url}?variant=huge`).expect(400)).body, 400, 'VALIDATION_FAILED');
    });

    it('checks the content, not the name: text, HTML, SVG with script, GIF and decompression bombs are refused', async () => {
      const p = await propose(author);
      const cases: Array<[string, Buffer, string]> = [
        ['text named .png', Buffer.from('just some text, not an image'), 'notes.png'],
        ['HTML named .jpg', Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg'],
        [
          'SVG with script',
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
          'bild.svg',
        ],
        [
          'GIF',
          await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
            .gif()
            .toBuffer(),
          'anim.gif',
        ],
        ['truncated PNG', (await tinyPng(200, 200)).subarray(0, 60), 'kaputt.png'],
        ['decompression bomb', pngBomb(), 'bomb.png'],
      ];
      for (const [what, data, name] of cases) {
        const res = await upload(author.client, p.id, data, name, {}, 'image/png');
        expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 422, code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
        expectErrorShape(res.body, 422, 'ATTACHMENT_TYPE_NOT_ALLOWED');
        expect(fieldsOf(res.body)).toEqual(['file']);
      }
      expect((await detail(anonymous, p.id)).attachments).toEqual([]);
      expect(
        readdirSync(t.config.uploadDir)
          .flatMap((d) => readdirSync(join(t.config.uploadDir, d)))
          .filter((f) => f.endsWith('.tmp')),
      ).toEqual([]);
    });

    it('answers malformed uploads with clear 400/413 errors', async () => {
      const p = await propose(author);
      const url = `/api/proposals/${p.id}/attachments`;
      const png = await tinyPng();
      const noFile = await author.client.post(url, { description: 'nur Text' });
      expectErrorShape(noFile.body, 400, 'VALIDATION_FAILED');
      expect(noFile.body.message).toMatch(/multipart\/form-data/);
      expectErrorShape((await author.client.upload(url, { fields: { description: 'ohne Datei' } })).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await upload(author.client, p.id, Buffer.alloc(0), 'leer.png')).body, 400, 'VALIDATION_FAILED');

      const wrongField = await author.client.request('post', url).attach('image', png, 'bild.png');
      expectErrorShape(wrongField.body, 400, 'VALIDATION_FAILED');
      expect(wrongField.body.message).toMatch(/field "file"/);
      const twoFiles = await author.client.request('post', url).attach('file', png, 'a.png').attach('file', png, 'b.png');
      expectErrorShape(twoFiles.body, 400, 'VALIDATION_FAILED');

      const tooLong = await upload(author.client, p.id, png, 'bild.png', { description: 'x'.repeat(301) });
      expectErrorShape(tooLong.body, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(tooLong.body)).toEqual(['description']);
      const control = await upload(author.client, p.id, png, 'bild.png', { description: 'Bild\u0000mit NUL' });
      expectErrorShape(control.body, 400, 'VALIDATION_FAILED');
      const extra = await upload(author.client, p.id, png, 'bild.png', { isAdmin: 'true' });
      expectErrorShape(extra.body, 400, 'VALIDATION_FAILED');

      const big = Buffer.concat([png, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1 - png.length)]);
      const tooBig = await upload(author.client, p.id, big, 'gross.png');
      expectErrorShape(tooBig.body, 413, 'PAYLOAD_TOO_LARGE');
      expect(tooBig.body.message).toMatch(/larger than 5 MB/);
      expect((await detail(anonymous, p.id)).attachments).toEqual([]);
    });

    it('cleans file names: no path parts, no markup, the extension of the real type', async () => {
      const p = await propose(author);
      const png = await tinyPng();
      const cases: Array<[string, string]> = [
        ['../../etc/passwd.png', 'passwd.png'],
        ['C:\\Users\\Ana\\Bild.PNG', 'Bild.png'],
        ['<script>alert(1)</script>.png', 'script.png'],
        ['<img src=x onerror=alert(1)>.png', 'img src=x onerror=alert(1).png'],
        ['foto.exe', 'foto.png'],
      ];
      for (const [sent, expected] of cases) {
        const a = (await upload(author.client, p.id, png, sent).expect(201)).body as ProposalAttachment;
        expect({ sent, fileName: a.fileName }).toEqual({ sent, fileName: expected });
        await author.client.delete(a.url).expect(204);
      }
      // Umlauts survive the multipart header (browsers send UTF-8).
      const umlaut = (await upload(author.client, p.id, png, 'Spielstraße Größe.png').expect(201)).body as ProposalAttachment;
      expect(umlaut.fileName).toBe('Spielstraße Größe.png');
      const served = await anonymous.get(umlaut.url).expect(200);
      expect(served.headers['content-disposition']).toContain("filename*=UTF-8''Spielstra%C3%9Fe%20Gr%C3%B6%C3%9Fe.png");
    });

    it(`allows at most ${ATTACHMENTS_PER_PROPOSAL} attachments, also when uploads arrive in parallel`, async () => {
      const p = await propose(author);
      const png = await tinyPng();
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(author.client, p.id, png, `bild-${i}.png`)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(ATTACHMENTS_PER_PROPOSAL);
      for (const r of results.filter((x) => x.status !== 201)) expectErrorShape(r.body, 409, 'ATTACHMENT_LIMIT_REACHED');
      const listed = (await detail(anonymous, p.id)).attachments;
      expect(listed).toHaveLength(ATTACHMENTS_PER_PROPOSAL);
      // The refused ones left no files behind.
      const all = readdirSync(t.config.uploadDir).flatMap((d) => readdirSync(join(t.config.uploadDir, d)));
      for (const r of results.filter((x) => x.status !== 201)) expect(all.filter((f) => r.body.id && f.startsWith(r.body.id))).toEqual([]);
      for (const a of listed) expect(storedFiles(a.id)).toHaveLength(2);
      expectErrorShape((await upload(author.client, p.id, png).expect(409)).body, 409, 'ATTACHMENT_LIMIT_REACHED');
    });

    it('only the author (while editable) and moderators of the area may add or remove; moderators are audited', async () => {
      const p = await propose(author);
      const png = await tinyPng();
      expectErrorShape((await upload(anonymous, p.id, png)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await upload(other.client, p.id, png)).body, 403, 'FORBIDDEN');
      expect((await detail(other.client, p.id)).viewer.canAttach).toBe(false);
      const foreignModerator = await t.createUser({ role: Role.Moderator, areaIds: [hafen.id] });
      expectErrorShape((await upload(foreignModerator.client, p.id, png)).body, 403, 'FORBIDDEN');
      const own = (await upload(author.client, p.id, png, 'eigen.png').expect(201)).body as ProposalAttachment;
      expectErrorShape((await other.client.delete(own.url)).body, 403, 'FORBIDDEN');

      // After the first support the text (and its pictures) are fixed for the author.
      await other.client.put(`/api/proposals/${p.id}/support`).expect(200);
      expect((await detail(author.client, p.id)).viewer.canAttach).toBe(false);
      expectErrorShape((await upload(author.client, p.id, png)).body, 409, 'PROPOSAL_NOT_EDITABLE');
      expectErrorShape((await author.client.delete(own.url)).body, 409, 'PROPOSAL_NOT_EDITABLE');

      // A moderator of the area can still add (e.g. a photo of the paper card) and remove, on the record.
      const moderator = await t.createUser({ role: Role.Moderator, areaIds: [nordmarkt.id] });
      expect((await detail(moderator.client, p.id)).viewer.canAttach).toBe(true);
      const added = (await upload(moderator.client, p.id, png, 'karte.png').expect(201)).body as ProposalAttachment;
      await moderator.client.delete(own.url).expect(204);
      expect(storedFiles(own.id)).toEqual([]);
      expectErrorShape((await anonymous.get(own.url).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await moderator.client.delete(own.url).expect(404)).body, 404, 'NOT_FOUND');
      expect((await detail(anonymous, p.id)).attachments.map((a) => a.id)).toEqual([added.id]);
      const audit = (await admin.get(`/api/admin/audit?entityType=proposal&entityId=${p.id}`).expect(200)).body as Page<AuditEntryResponse>;
      expect(audit.items.map((e) => e.action).sort()).toEqual(['attachment.added', 'attachment.removed']);
      expect(audit.items.every((e) => e.actorId === moderator.id)).toBe(true);
    });

    it('files of a hidden proposal reach its moderators only, never a shared cache', async () => {
      const p = await propose(author);
      const a = (await upload(author.client, p.id, await tinyPng()).expect(201)).body as ProposalAttachment;
      await admin.post(`/api/moderation/proposals/${p.id}/hide`, { reason: 'Persönliche Daten auf dem Bild' }).expect(200);
      expectErrorShape((await anonymous.get(a.url).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await other.client.get(a.thumbnailUrl!).expect(404)).body, 404, 'NOT_FOUND');
      const seen = await admin.get(a.url).expect(200);
      expect(seen.headers['cache-control']).toBe('private, no-store');
      const moderated = (await admin.get(`/api/moderation/proposals/${p.id}`).expect(200)).body as ProposalDetail;
      expect(moderated.attachments.map((x) => x.id)).toEqual([a.id]);
    });

    it('refuses unknown ids with 404 and malformed ids with 400', async () => {
      const p = await propose(author);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectErrorShape((await anonymous.get(`/api/proposals/${p.id}/attachments/${unknown}`).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get(`/api/proposals/${unknown}/attachments/${unknown}`).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get(`/api/proposals/${p.id}/attachments/nope`).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await upload(author.client, unknown, await tinyPng())).body, 404, 'NOT_FOUND');
      // An attachment is addressed through its own proposal only.
      const a = (await upload(author.client, p.id, await tinyPng()).expect(201)).body as ProposalAttachment;
      const q = await propose(author);
      expectErrorShape((await anonymous.get(`/api/proposals/${q.id}/attachments/${a.id}`).expect(404)).body, 404, 'NOT_FOUND');
    });

    it('are part of the uploader’s DSGVO export', async () => {
      const uploader = await t.createUser({ displayName: 'Export Person' });
      const p = await propose(uploader);
      const a = (await upload(uploader.client, p.id, await tinyPng(), 'export.png', { description: 'Für den Export' }).expect(201))
        .body as ProposalAttachment;
      const exported = (await uploader.client.get('/api/me/export').expect(200)).body;
      expect(exported.attachments).toEqual([
        {
          id: a.id,
          proposalId: p.id,
          fileName: 'export.png',
          mimeType: 'image/png',
          size: a.size,
          description: 'Für den Export',
          url: a.url,
          uploadedAt: a.createdAt,
        },
      ]);
    });
  });

  describe('support limit per Aktionsraum', () => {
    let limited: TestUser;

    const support = (user: TestUser, id: string) => user.client.put(`/api/proposals/${id}/support`);

    it('is set by administrators on Aktionsräume only, with clear errors', async () => {
      const set = await admin.patch(`/api/areas/${nordmarkt.id}`, { supportLimit: 2 }).expect(200);
      expect(set.body.supportLimit).toBe(2);
      expect((await anonymous.get(`/api/areas/${nordmarkt.id}`).expect(200)).body.supportLimit).toBe(2);
      for (const bad of [0, -1, 1.5, 1001, '2', true]) {
        const res = await admin.patch(`/api/areas/${nordmarkt.id}`, { supportLimit: bad });
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
        expect({ bad, fields: fieldsOf(res.body) }).toEqual({ bad, fields: ['supportLimit'] });
      }
      const district = await admin.patch(`/api/areas/${nordmarkt.parentId}`, { supportLimit: 3 });
      expectErrorShape(district.body, 400, 'VALIDATION_FAILED');
      expect(district.body.message).toMatch(/Aktionsraum/);
      expectErrorShape((await admin.patch(`/api/areas/${quartierId}`, { supportLimit: 3 })).body, 400, 'VALIDATION_FAILED');
      const citizen = await t.createUser();
      expectErrorShape((await citizen.client.patch(`/api/areas/${nordmarkt.id}`, { supportLimit: 50 })).body, 403, 'FORBIDDEN');
      expect((await anonymous.get(`/api/areas/${nordmarkt.id}`).expect(200)).body.supportLimit).toBe(2);
    });

    it('counts the supports of open proposals in the Aktionsraum and its Quartiere, and refuses one more with 409', async () => {
      limited = await t.createUser({ displayName: 'Begrenzte Person' });
      const a = await propose(author, { title: 'Limit A im Aktionsraum' });
      const b = await propose(author, { title: 'Limit B im Quartier', areaId: quartierId });
      const c = await propose(author, { title: 'Limit C im Aktionsraum' });
      const elsewhere = await propose(author, { title: 'Anderswo', areaId: hafen.id });

      const before = await detail(limited.client, a.id);
      expect(before.supportLimit).toEqual({ areaId: nordmarkt.id, areaName: 'Nordmarkt', limit: 2 });
      expect(before.viewer.supportsLeft).toBe(2);
      expect((await detail(anonymous, b.id)).supportLimit).toEqual({ areaId: nordmarkt.id, areaName: 'Nordmarkt', limit: 2 });
      expect((await detail(anonymous, a.id)).viewer.supportsLeft).toBeNull();

      expect((await support(limited, a.id).expect(200)).body).toEqual({ supported: true, supportCount: 1, supportsLeft: 1 });
      expect((await support(limited, b.id).expect(200)).body).toEqual({ supported: true, supportCount: 1, supportsLeft: 0 });
      const refused = await support(limited, c.id);
      expectErrorShape(refused.body, 409, 'SUPPORT_LIMIT_REACHED');
      expect(refused.body.message).toMatch(/2 open proposals in Nordmarkt/);
      expect((await detail(anonymous, c.id)).supportCount).toBe(0);
      // Repeating a support already given is still fine at the limit; other Aktionsräume are not affected.
      expect((await support(limited, a.id).expect(200)).body).toEqual({ supported: true, supportCount: 1, supportsLeft: 0 });
      expect((await support(limited, elsewhere.id).expect(200)).body).toEqual({ supported: true, supportCount: 1, supportsLeft: null });

      // Withdrawing frees a place.
      expect((await limited.client.delete(`/api/proposals/${a.id}/support`).expect(200)).body).toEqual({
        supported: false,
        supportCount: 0,
        supportsLeft: 1,
      });
      await support(limited, c.id).expect(200);
      expectErrorShape((await support(limited, a.id)).body, 409, 'SUPPORT_LIMIT_REACHED');

      // An answered proposal no longer collects supports, so its support no longer takes a place.
      await admin
        .post(`/api/proposals/${b.id}/answer`, { status: 'rejected', explanation: 'Liegt nicht in städtischer Zuständigkeit.' })
        .expect(200);
      expect((await detail(limited.client, a.id)).viewer.supportsLeft).toBe(1);
      await support(limited, a.id).expect(200);
    });

    it('holds under concurrency: 20 parallel supports with a limit of 3 → exactly 3 counted', async () => {
      await admin.patch(`/api/areas/${hafen.id}`, { supportLimit: 3 }).expect(200);
      const person = await t.createUser({ displayName: 'Schnelle Person' });
      const targets: ProposalDetail[] = [];
      for (let i = 0; i < 20; i++) targets.push(await propose(author, { title: `Parallel ${i} im Hafen`, areaId: hafen.id }));
      const results = await Promise.all(targets.map((p) => support(person, p.id)));
      const ok = results.filter((r) => r.status === 200);
      expect(ok).toHaveLength(3);
      for (const r of results.filter((x) => x.status !== 200)) expectErrorShape(r.body, 409, 'SUPPORT_LIMIT_REACHED');
      const counts = await Promise.all(targets.map(async (p) => (await detail(anonymous, p.id)).supportCount));
      expect(counts.reduce((x, y) => x + y, 0)).toBe(3);
      expect((await detail(person.client, targets[0].id)).viewer.supportsLeft).toBe(0);
      const left = ok.map((r) => (r.body as SupportResponse).supportsLeft).sort();
      expect(left[0]).toBe(0);
    });

    it('is lifted with null', async () => {
      await admin.patch(`/api/areas/${nordmarkt.id}`, { supportLimit: null }).expect(200);
      const p = await propose(author, { title: 'Ohne Grenze' });
      const d = await detail(limited.client, p.id);
      expect({ limit: d.supportLimit, left: d.viewer.supportsLeft }).toEqual({ limit: null, left: null });
      expect((await support(limited, p.id).expect(200)).body.supportsLeft).toBeNull();
    });
  });
});
