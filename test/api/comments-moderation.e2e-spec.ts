import { randomUUID } from 'node:crypto';
import {
  COMMENT_MAX,
  Role,
  type AuditEntryResponse,
  type CommentResponse,
  type Page,
  type ProposalDetail,
  type ReportResponse,
} from '@app/shared';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, PASSWORD, startTestApp, type TestApp, type TestUser } from './helpers/app';

/**
 * Comments (two levels, short edit window), reports (one open per person and target), the
 * moderation queue and decisions scoped to the moderator's areas, and the audit log, over HTTP.
 */

interface AreaRow {
  id: string;
  name: string;
}
type Body = Record<string, unknown>;

const XSS = `<script>alert("x")</script><img src=x onerror="alert(1)"> & ' " \\`;

const fieldsOf = (body: { details?: Array<{ field: string }> }) => (body.details ?? []).map((d) => d.field).sort();
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

/** Shared set-up: areas, a field of action and a way to submit proposals. */
async function reference(t: TestApp) {
  const anonymous = await t.client();
  const areas = (await anonymous.get('/api/areas?type=action_area').expect(200)).body as AreaRow[];
  const areaId = (name: string) => areas.find((a) => a.name === name)!.id;
  const fields = (await anonymous.get('/api/fields-of-action').expect(200)).body as Array<{ id: string; code: string }>;
  const fieldId = fields.find((f) => f.code === 'SZ')!.id;
  const propose = async (user: TestUser, areaName = 'Nordmarkt'): Promise<ProposalDetail> => {
    const res = await user.client.post('/api/proposals', {
      title: 'Mehr Sitzbänke am Nordmarkt',
      body: 'Am Nordmarkt fehlen Sitzgelegenheiten, besonders für ältere Menschen und Eltern mit Kindern.',
      fieldOfActionId: fieldId,
      areaId: areaId(areaName),
    });
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as ProposalDetail;
  };
  return { anonymous, areaId, propose };
}

describe('comments and moderation', () => {
  let t: TestApp;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let areaId: (name: string) => string;
  let propose: (user: TestUser, areaName?: string) => Promise<ProposalDetail>;
  let author: TestUser;
  let commenter: TestUser;
  let neighbour: TestUser;
  let modNord: TestUser;
  let modHafen: TestUser;
  let proposal: ProposalDetail;

  const comment = async (user: TestUser, proposalId: string, body: Body): Promise<CommentResponse> => {
    const res = await user.client.post(`/api/proposals/${proposalId}/comments`, body);
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as CommentResponse;
  };
  const thread = async (client: ApiClient, proposalId: string) =>
    (await client.get(`/api/proposals/${proposalId}/comments`).expect(200)).body as CommentResponse[];
  const commentCount = async (proposalId: string) =>
    ((await anonymous.get(`/api/proposals/${proposalId}`).expect(200)).body as ProposalDetail).commentCount;
  const listed = async (proposalId: string) => {
    const page = (await anonymous.get('/api/proposals?pageSize=100').expect(200)).body as Page<{ id: string; commentCount: number }>;
    return page.items.find((p) => p.id === proposalId);
  };
  const queue = async (client: ApiClient, query = '') =>
    (await client.get(`/api/moderation/reports${query}`).expect(200)).body as Page<ReportResponse>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    ({ anonymous, areaId, propose } = await reference(t));
    author = await t.createUser({ displayName: 'Autorin A' });
    commenter = await t.createUser({ displayName: 'Kommentator K' });
    neighbour = await t.createUser({ displayName: 'Nachbarin N' });
    modNord = await t.createUser({ role: Role.Moderator, areaIds: [areaId('Nordmarkt')], displayName: 'Moderatorin Nord' });
    modHafen = await t.createUser({ role: Role.Moderator, areaIds: [areaId('Hafen')], displayName: 'Moderator Hafen' });
    proposal = await propose(author);
  });
  afterAll(() => t?.close());

  describe('comments', () => {
    let top: CommentResponse;
    let reply: CommentResponse;
    let replyToReply: CommentResponse;
    let second: CommentResponse;

    it('threads two levels: a reply to a reply joins the top-level comment', async () => {
      top = await comment(commenter, proposal.id, { body: '  Gute Idee, die Bänke fehlen wirklich.  ' });
      expect(top).toEqual(
        expect.objectContaining({
          proposalId: proposal.id,
          parentId: null,
          body: 'Gute Idee, die Bänke fehlen wirklich.',
          author: { id: commenter.id, displayName: 'Kommentator K' },
          hidden: false,
          hiddenReason: null,
          editedAt: null,
          viewer: { isAuthor: true, canEdit: true },
          replies: [],
        }),
      );
      reply = await comment(neighbour, proposal.id, { body: 'Am besten mit Lehne.', parentId: top.id });
      expect(reply.parentId).toBe(top.id);
      replyToReply = await comment(author, proposal.id, { body: 'Danke, das nehme ich auf.', parentId: reply.id });
      expect(replyToReply.parentId).toBe(top.id);
      second = await comment(neighbour, proposal.id, { body: 'Ein zweiter Gedanke.' });

      const tree = await thread(anonymous, proposal.id);
      expect(ids(tree)).toEqual([top.id, second.id]);
      expect(ids(tree[0].replies)).toEqual([reply.id, replyToReply.id]);
      expect(tree[0].replies.every((r) => r.replies.length === 0 && r.parentId === top.id)).toBe(true);
      expect(tree[1].replies).toEqual([]);
      expect(tree[0].viewer).toEqual({ isAuthor: false, canEdit: false });
      // The viewer flags follow the signed-in person.
      const mine = await thread(commenter.client, proposal.id);
      expect(mine[0].viewer).toEqual({ isAuthor: true, canEdit: true });
      expect(mine[1].viewer).toEqual({ isAuthor: false, canEdit: false });
    });

    it('keeps the proposal comment count equal to the visible comments, in the detail and the list', async () => {
      expect(await commentCount(proposal.id)).toBe(4);
      expect((await listed(proposal.id))?.commentCount).toBe(4);
    });

    it('refuses invalid comments with the common error body', async () => {
      const cases: Array<[Body, string[]]> = [
        [{ body: '' }, ['body']],
        [{ body: '   ' }, ['body']],
        [{ body: 'x'.repeat(COMMENT_MAX + 1) }, ['body']],
        [{ body: 42 }, ['body']],
        [{ body: 'Steuerzeichen \u0007' }, ['body']],
        [{ body: 'ok', parentId: 'not-a-uuid' }, ['parentId']],
        [{ body: 'ok', extra: true }, ['extra']],
        [{}, ['body']],
      ];
      for (const [body, fields] of cases) {
        const res = await commenter.client.post(`/api/proposals/${proposal.id}/comments`, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(res.body)).toEqual(fields);
      }
      const exact = await comment(commenter, proposal.id, { body: 'y'.repeat(COMMENT_MAX) });
      expect(exact.body).toHaveLength(COMMENT_MAX);

      const bad = await commenter.client.post('/api/proposals/not-a-uuid/comments', { body: 'Hallo' }).expect(400);
      expectErrorShape(bad.body, 400, 'VALIDATION_FAILED');
      const unknown = await commenter.client.post(`/api/proposals/${randomUUID()}/comments`, { body: 'Hallo' }).expect(404);
      expectErrorShape(unknown.body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get(`/api/proposals/${randomUUID()}/comments`).expect(404)).body, 404, 'NOT_FOUND');
      const anon = await anonymous.post(`/api/proposals/${proposal.id}/comments`, { body: 'Hallo' }).expect(401);
      expectErrorShape(anon.body, 401, 'UNAUTHENTICATED');

      // A parent from another proposal is not a reply here.
      const elsewhere = await propose(neighbour);
      const foreign = await comment(neighbour, elsewhere.id, { body: 'Woanders' });
      const res = await commenter.client
        .post(`/api/proposals/${proposal.id}/comments`, { body: 'Antwort', parentId: foreign.id })
        .expect(422);
      expectErrorShape(res.body, 422, 'REFERENCE_INVALID');
      expect(fieldsOf(res.body)).toEqual(['parentId']);
      expect(await commentCount(proposal.id)).toBe(5);
    });

    it('lets only the author edit, within the window, and marks the edit', async () => {
      const res = await commenter.client.patch(`/api/comments/${top.id}`, { body: 'Gute Idee, überarbeitet.' }).expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          id: top.id,
          body: 'Gute Idee, überarbeitet.',
          editedAt: expect.any(String),
          viewer: { isAuthor: true, canEdit: true },
        }),
      );
      expect(ids((res.body as CommentResponse).replies)).toEqual([reply.id, replyToReply.id]);
      expect((await thread(anonymous, proposal.id))[0]).toEqual(
        expect.objectContaining({ body: 'Gute Idee, überarbeitet.', editedAt: res.body.editedAt }),
      );

      expectErrorShape((await neighbour.client.patch(`/api/comments/${top.id}`, { body: 'Fremd' }).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await admin.patch(`/api/comments/${top.id}`, { body: 'Admin' }).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await anonymous.patch(`/api/comments/${top.id}`, { body: 'Anonym' }).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await commenter.client.patch(`/api/comments/${randomUUID()}`, { body: 'x' }).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await commenter.client.patch('/api/comments/123', { body: 'x' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      const empty = await commenter.client.patch(`/api/comments/${top.id}`, { body: '' }).expect(400);
      expect(fieldsOf(empty.body)).toEqual(['body']);
      const moved = await commenter.client.patch(`/api/comments/${top.id}`, { body: 'x', parentId: second.id }).expect(400);
      expect(fieldsOf(moved.body)).toEqual(['parentId']);
    });

    it('stores markup as text and returns it inert in JSON', async () => {
      const c = await comment(commenter, proposal.id, { body: XSS });
      expect(c.body).toBe(XSS.trim());
      const res = await anonymous.get(`/api/proposals/${proposal.id}/comments`).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect((res.body as CommentResponse[]).find((x) => x.id === c.id)?.body).toBe(XSS.trim());
    });

    it('shows a deleted account as an author without a name', async () => {
      const leaving = await t.createUser({ displayName: 'Geht bald' });
      const c = await comment(leaving, proposal.id, { body: 'Bis bald.' });
      await leaving.client.delete('/api/me', { password: PASSWORD }).expect(204);
      const found = (await thread(anonymous, proposal.id)).find((x) => x.id === c.id);
      expect(found?.author).toEqual({ id: leaving.id, displayName: null });
      expect(found?.body).toBe('Bis bald.');
    });

    it('refuses comments on withdrawn proposals', async () => {
      const p = await propose(author);
      await author.client.post(`/api/proposals/${p.id}/withdraw`, {}).expect(200);
      const res = await commenter.client.post(`/api/proposals/${p.id}/comments`, { body: 'Zu spät' }).expect(409);
      expectErrorShape(res.body, 409, 'PROPOSAL_CLOSED');
      expect(await thread(anonymous, p.id)).toEqual([]);
    });
  });

  describe('reports, queue and decisions', () => {
    let target: CommentResponse;
    let reply: CommentResponse;
    let firstReportId: string;
    const before = { count: 0 };

    beforeAll(async () => {
      target = await comment(commenter, proposal.id, { body: 'Ein unfreundlicher Kommentar.' });
      reply = await comment(neighbour, proposal.id, { body: 'Bitte freundlich bleiben.', parentId: target.id });
      before.count = await commentCount(proposal.id);
    });

    it('takes one open report per person and target; a repeat returns it with 200', async () => {
      const body = { targetType: 'comment', targetId: target.id, reason: `Beleidigend ${XSS}` };
      const first = await neighbour.client.post('/api/reports', body).expect(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        targetType: 'comment',
        targetId: target.id,
        reason: `Beleidigend ${XSS}`.trim(),
        status: 'open',
        createdAt: expect.any(String),
      });
      firstReportId = first.body.id;
      const again = await neighbour.client.post('/api/reports', { ...body, reason: 'Noch einmal gemeldet' }).expect(200);
      expect(again.body).toEqual(first.body);
      const byOther = await author.client.post('/api/reports', body).expect(201);
      expect(byOther.body.id).not.toBe(firstReportId);
      await author.client
        .post('/api/reports', { targetType: 'proposal', targetId: proposal.id, reason: 'Werbung für ein Geschäft' })
        .expect(201);
    });

    it('refuses invalid reports', async () => {
      const cases: Array<[Body, number, string[]]> = [
        [{ targetType: 'user', targetId: target.id, reason: 'Grundlos' }, 400, ['targetType']],
        [{ targetType: 'comment', targetId: 'nope', reason: 'Grundlos' }, 400, ['targetId']],
        [{ targetType: 'comment', targetId: target.id, reason: 'kurz' }, 400, ['reason']],
        [{ targetType: 'comment', targetId: target.id, reason: 'x'.repeat(1001) }, 400, ['reason']],
        [{ targetType: 'comment', targetId: target.id }, 400, ['reason']],
      ];
      for (const [body, status, fields] of cases) {
        const res = await neighbour.client.post('/api/reports', body);
        expect({ body, status: res.status }).toEqual({ body, status });
        expectErrorShape(res.body, status, 'VALIDATION_FAILED');
        expect(fieldsOf(res.body)).toEqual(fields);
      }
      for (const targetType of ['comment', 'proposal']) {
        const res = await neighbour.client
          .post('/api/reports', { targetType, targetId: randomUUID(), reason: 'Gibt es nicht' })
          .expect(404);
        expectErrorShape(res.body, 404, 'NOT_FOUND');
      }
      const anon = await anonymous
        .post('/api/reports', { targetType: 'comment', targetId: target.id, reason: 'Anonym gemeldet' })
        .expect(401);
      expectErrorShape(anon.body, 401, 'UNAUTHENTICATED');
    });

    it('shows the queue grouped per target, only in the areas a moderator moderates', async () => {
      const nord = await queue(modNord.client);
      expect(nord.total).toBe(2);
      const forComment = nord.items.find((r) => r.targetId === target.id);
      expect(forComment).toEqual(
        expect.objectContaining({
          targetType: 'comment',
          proposalId: proposal.id,
          proposalTitle: proposal.title,
          areaId: areaId('Nordmarkt'),
          excerpt: 'Ein unfreundlicher Kommentar.',
          status: 'open',
          reportCount: 2,
          resolvedAt: null,
          targetHidden: false,
        }),
      );
      const forProposal = nord.items.find((r) => r.targetId === proposal.id);
      expect(forProposal).toEqual(expect.objectContaining({ targetType: 'proposal', reportCount: 1, reason: 'Werbung für ein Geschäft' }));
      expect(forProposal?.excerpt).toContain(proposal.title);

      expect(await queue(modHafen.client)).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      expect((await queue(admin)).total).toBe(2);
      const paged = await queue(admin, '?pageSize=1&page=2');
      expect(paged).toEqual(expect.objectContaining({ total: 2, page: 2, pageSize: 1 }));
      expect(paged.items).toHaveLength(1);
      expect((await queue(modNord.client, '?status=resolved')).total).toBe(0);

      expectErrorShape((await commenter.client.get('/api/moderation/reports').expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await anonymous.get('/api/moderation/reports').expect(401)).body, 401, 'UNAUTHENTICATED');
      for (const q of ['?status=closed', '?page=0', '?pageSize=101', '?extra=1']) {
        expectErrorShape((await modNord.client.get(`/api/moderation/reports${q}`).expect(400)).body, 400, 'VALIDATION_FAILED');
      }
    });

    it('lets only moderators of the area hide and restore a comment', async () => {
      const url = `/api/moderation/comments/${target.id}/hide`;
      const reason = { reason: 'Persönlicher Angriff entfernt.' };
      expectErrorShape((await modHafen.client.post(url, reason).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await commenter.client.post(url, reason).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await anonymous.post(url, reason).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await modNord.client.post(url, {}).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await modNord.client.post(url, { reason: '' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await modNord.client.post('/api/moderation/comments/123/hide', reason).expect(400)).body, 400, 'VALIDATION_FAILED');
      const unknown = await modNord.client.post(`/api/moderation/comments/${randomUUID()}/hide`, reason).expect(404);
      expectErrorShape(unknown.body, 404, 'NOT_FOUND');
      expect((await thread(anonymous, proposal.id)).find((c) => c.id === target.id)?.hidden).toBe(false);
      expect((await queue(modNord.client)).total).toBe(2);

      const hidden = await modNord.client.post(url, { reason: `Persönlicher Angriff ${XSS}` }).expect(200);
      expect(hidden.body).toEqual({
        targetType: 'comment',
        targetId: target.id,
        hidden: true,
        hiddenAt: expect.any(String),
        hiddenReason: `Persönlicher Angriff ${XSS}`.trim(),
        resolvedReports: 2,
      });

      // The comment keeps its place and its replies; the text is withheld, the reason public.
      const tree = await thread(anonymous, proposal.id);
      const shown = tree.find((c) => c.id === target.id)!;
      expect(shown).toEqual(
        expect.objectContaining({ body: '', hidden: true, hiddenReason: `Persönlicher Angriff ${XSS}`.trim(), author: expect.any(Object) }),
      );
      expect(ids(shown.replies)).toEqual([reply.id]);
      expect(JSON.stringify(tree)).not.toContain('Ein unfreundlicher Kommentar.');
      expect(await commentCount(proposal.id)).toBe(before.count - 1);
      expect((await listed(proposal.id))?.commentCount).toBe(before.count - 1);

      // The author can no longer edit it; nobody can report it again.
      const edit = await commenter.client.patch(`/api/comments/${target.id}`, { body: 'Entschuldigung' }).expect(409);
      expectErrorShape(edit.body, 409, 'COMMENT_NOT_EDITABLE');
      const mine = (await thread(commenter.client, proposal.id)).find((c) => c.id === target.id);
      expect(mine?.viewer).toEqual({ isAuthor: true, canEdit: false });
      await neighbour.client.post('/api/reports', { targetType: 'comment', targetId: target.id, reason: 'Noch einmal' }).expect(404);

      // Its reports moved from the open to the resolved queue.
      expect((await queue(modNord.client)).items.map((r) => r.targetId)).toEqual([proposal.id]);
      const resolved = await queue(modNord.client, '?status=resolved');
      expect(resolved.items).toEqual([
        expect.objectContaining({
          targetId: target.id,
          status: 'resolved',
          reportCount: 2,
          resolvedAt: expect.any(String),
          targetHidden: true,
        }),
      ]);

      // Replies to a hidden comment remain possible and visible.
      const late = await comment(author, proposal.id, { body: 'Schade drum.', parentId: target.id });
      expect(late.parentId).toBe(target.id);
      expect(await commentCount(proposal.id)).toBe(before.count);

      const restored = await modNord.client
        .post(`/api/moderation/comments/${target.id}/restore`, { reason: 'Nach Prüfung vertretbar.' })
        .expect(200);
      expect(restored.body).toEqual(expect.objectContaining({ hidden: false, hiddenAt: null, hiddenReason: null, resolvedReports: 0 }));
      const back = (await thread(anonymous, proposal.id)).find((c) => c.id === target.id);
      expect(back).toEqual(expect.objectContaining({ body: 'Ein unfreundlicher Kommentar.', hidden: false, hiddenReason: null }));
      expect(await commentCount(proposal.id)).toBe(before.count + 1);

      // Resolved reports do not block a new one.
      await neighbour.client
        .post('/api/reports', { targetType: 'comment', targetId: target.id, reason: 'Wieder unfreundlich' })
        .expect(201);
      expect((await queue(modNord.client)).items.find((r) => r.targetId === target.id)?.reportCount).toBe(1);
      expectErrorShape(
        (await modHafen.client.post(`/api/moderation/comments/${target.id}/restore`, reason).expect(403)).body,
        403,
        'FORBIDDEN',
      );
    });

    it('hides a proposal from the public but not from its moderators, and restores it', async () => {
      const reason = { reason: 'Enthält Werbung.' };
      expectErrorShape(
        (await modHafen.client.post(`/api/moderation/proposals/${proposal.id}/hide`, reason).expect(403)).body,
        403,
        'FORBIDDEN',
      );
      expectErrorShape(
        (await author.client.post(`/api/moderation/proposals/${proposal.id}/hide`, reason).expect(403)).body,
        403,
        'FORBIDDEN',
      );
      expectErrorShape(
        (await anonymous.post(`/api/moderation/proposals/${proposal.id}/hide`, reason).expect(401)).body,
        401,
        'UNAUTHENTICATED',
      );
      const unknown = await modNord.client.post(`/api/moderation/proposals/${randomUUID()}/hide`, reason).expect(404);
      expectErrorShape(unknown.body, 404, 'NOT_FOUND');
      expect(await listed(proposal.id)).toBeDefined();

      const hidden = await modNord.client.post(`/api/moderation/proposals/${proposal.id}/hide`, reason).expect(200);
      expect(hidden.body).toEqual(
        expect.objectContaining({ targetType: 'proposal', hidden: true, hiddenReason: 'Enthält Werbung.', resolvedReports: 1 }),
      );

      expectErrorShape((await anonymous.get(`/api/proposals/${proposal.id}`).expect(404)).body, 404, 'NOT_FOUND');
      await author.client.get(`/api/proposals/${proposal.id}`).expect(404);
      expect(await listed(proposal.id)).toBeUndefined();
      await anonymous.get(`/api/proposals/${proposal.id}/comments`).expect(404);
      const closed = await commenter.client.post(`/api/proposals/${proposal.id}/comments`, { body: 'Noch da?' }).expect(409);
      expectErrorShape(closed.body, 409, 'PROPOSAL_CLOSED');
      await neighbour.client.post('/api/reports', { targetType: 'proposal', targetId: proposal.id, reason: 'Versteckt' }).expect(404);

      const seen = await modNord.client.get(`/api/moderation/proposals/${proposal.id}`).expect(200);
      expect(seen.body).toEqual(
        expect.objectContaining({
          id: proposal.id,
          title: proposal.title,
          body: proposal.body,
          hidden: true,
          hiddenAt: expect.any(String),
          hiddenReason: 'Enthält Werbung.',
          openReportCount: 0,
          statusHistory: expect.any(Array),
        }),
      );
      await admin.get(`/api/moderation/proposals/${proposal.id}`).expect(200);
      expectErrorShape((await modHafen.client.get(`/api/moderation/proposals/${proposal.id}`).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await author.client.get(`/api/moderation/proposals/${proposal.id}`).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await anonymous.get(`/api/moderation/proposals/${proposal.id}`).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await modNord.client.get(`/api/moderation/proposals/${randomUUID()}`).expect(404)).body, 404, 'NOT_FOUND');

      await modNord.client.post(`/api/moderation/proposals/${proposal.id}/restore`, { reason: 'Werbung entfernt.' }).expect(200);
      const back = (await anonymous.get(`/api/proposals/${proposal.id}`).expect(200)).body as ProposalDetail;
      expect(back.commentCount).toBe(before.count + 1);
      expect(await listed(proposal.id)).toBeDefined();
      expect((await modNord.client.get(`/api/moderation/proposals/${proposal.id}`).expect(200)).body).toEqual(
        expect.objectContaining({ hidden: false, hiddenAt: null, hiddenReason: null }),
      );
    });

    it('scopes the queue per area, shows everything to unscoped moderators, and dismisses reports by restoring', async () => {
      const inHafen = await propose(neighbour, 'Hafen');
      await author.client
        .post('/api/reports', { targetType: 'proposal', targetId: inHafen.id, reason: 'Gehört nicht hierher' })
        .expect(201);
      expect((await queue(modHafen.client)).items.map((r) => r.targetId)).toEqual([inHafen.id]);
      const nord = (await queue(modNord.client)).items.map((r) => r.targetId);
      expect(nord).toEqual([target.id]);
      const everywhere = await t.createUser({ role: Role.Moderator, areaIds: [] });
      expect((await queue(everywhere.client)).items.map((r) => r.targetId).sort()).toEqual([inHafen.id, target.id].sort());
      expectErrorShape(
        (await modNord.client.post(`/api/moderation/proposals/${inHafen.id}/hide`, { reason: 'Nicht meins' }).expect(403)).body,
        403,
        'FORBIDDEN',
      );

      // Restoring a visible target keeps it as it is and resolves its open reports (a dismissal).
      const dismissed = await modNord.client.post(`/api/moderation/comments/${target.id}/restore`, { reason: 'Kein Verstoß.' }).expect(200);
      expect(dismissed.body).toEqual(expect.objectContaining({ hidden: false, resolvedReports: 1 }));
      expect((await queue(modNord.client)).items).toEqual([]);
      const kept = await everywhere.client.post(`/api/moderation/proposals/${inHafen.id}/restore`, { reason: 'Passt.' }).expect(200);
      expect(kept.body).toEqual(expect.objectContaining({ hidden: false, resolvedReports: 1 }));
      expect((await queue(admin)).total).toBe(0);
    });

    it('records every decision in the audit log, which only administrators read', async () => {
      const res = await admin.get(`/api/admin/audit?entityType=comment&entityId=${target.id}`).expect(200);
      const page = res.body as Page<AuditEntryResponse>;
      expect(page.total).toBe(3);
      expect(page.items.map((e) => [e.action, e.details?.reason])).toEqual([
        ['comment.restored', 'Kein Verstoß.'],
        ['comment.restored', 'Nach Prüfung vertretbar.'],
        ['comment.hidden', `Persönlicher Angriff ${XSS}`.trim()],
      ]);
      expect(page.items[2]).toEqual({
        id: expect.any(String),
        actorId: modNord.id,
        actorName: 'Moderatorin Nord',
        action: 'comment.hidden',
        entityType: 'comment',
        entityId: target.id,
        details: expect.objectContaining({ reason: `Persönlicher Angriff ${XSS}`.trim(), resolvedReports: 2, proposalId: proposal.id }),
        createdAt: expect.any(String),
      });
      const proposals = (await admin.get(`/api/admin/audit?entityType=proposal&entityId=${proposal.id}`).expect(200))
        .body as Page<AuditEntryResponse>;
      expect(proposals.items.map((e) => [e.action, e.details?.reason])).toEqual([
        ['proposal.restored', 'Werbung entfernt.'],
        ['proposal.hidden', 'Enthält Werbung.'],
      ]);
      const one = (await admin.get('/api/admin/audit?pageSize=1&page=2').expect(200)).body as Page<AuditEntryResponse>;
      expect(one.items).toHaveLength(1);
      expect(one.total).toBeGreaterThanOrEqual(4);

      for (const client of [modNord.client, commenter.client]) {
        expectErrorShape((await client.get('/api/admin/audit').expect(403)).body, 403, 'FORBIDDEN');
      }
      expectErrorShape((await anonymous.get('/api/admin/audit').expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await admin.get('/api/admin/audit?pageSize=0').expect(400)).body, 400, 'VALIDATION_FAILED');
    });
  });
});

describe('comments with an edit window of 0 minutes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ COMMENT_EDIT_WINDOW_MINUTES: '0' });
  });
  afterAll(() => t?.close());

  it('never lets a comment be edited', async () => {
    const { propose } = await reference(t);
    const user = await t.createUser({ displayName: 'Eilige' });
    const p = await propose(user);
    const created = await user.client.post(`/api/proposals/${p.id}/comments`, { body: 'Tippfehlr' }).expect(201);
    expect(created.body.viewer).toEqual({ isAuthor: true, canEdit: false });
    const res = await user.client.patch(`/api/comments/${created.body.id}`, { body: 'Tippfehler' }).expect(409);
    expectErrorShape(res.body, 409, 'COMMENT_NOT_EDITABLE');
    const [stored] = (await user.client.get(`/api/proposals/${p.id}/comments`).expect(200)).body as CommentResponse[];
    expect(stored).toEqual(expect.objectContaining({ body: 'Tippfehlr', editedAt: null }));
  });
});
