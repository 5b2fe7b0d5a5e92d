import { In, type EntityManager } from 'typeorm';
import { AreaType, Language, ProposalStatus, ProposalStatusNoteKind, Role } from '@app/shared';
import { Area } from '../modules/areas/area.entity';
import { Comment } from '../modules/comments/comment.entity';
import { FieldOfAction } from '../modules/fields-of-action/field-of-action.entity';
import { LINKABLE } from '../modules/projects/project-grouping.service';
import type { Project } from '../modules/projects/project.entities';
import { recordLink, type ProjectActor } from '../modules/projects/project-store';
import { ProposalStatusEventEntity } from '../modules/proposals/proposal-status-event.entity';
import { ProposalSupport } from '../modules/proposals/proposal-support.entity';
import { Proposal } from '../modules/proposals/proposal.entity';
import { searchable } from '../modules/proposals/proposal-rules';
import { User } from '../modules/users/user.entity';
import { areaCode } from './demo-data';
import { DEMO_PROPOSALS, DEMO_RESIDENT_DOMAIN, DEMO_RESIDENTS, type DemoProposal } from './demo-proposals-data';

const DAY_MS = 24 * 60 * 60 * 1000;
const MODERATOR: ProjectActor = { id: null, role: Role.Moderator };

export const demoResidentEmail = (key: string) => `bewohner-${key}@${DEMO_RESIDENT_DOMAIN}`;

/**
 * The demo residents, made on first use. They have no password (no sign-in is possible) and an
 * address under the reserved .invalid domain (no mail can reach anybody).
 */
async function demoResidents(m: EntityManager, since: Date): Promise<Map<string, User>> {
  const residents = new Map<string, User>();
  for (const r of DEMO_RESIDENTS) {
    const email = demoResidentEmail(r.key);
    const user =
      (await m.findOneBy(User, { email })) ??
      (await m.save(
        m.create(User, {
          email,
          passwordHash: null,
          displayName: r.displayName,
          language: Language.German,
          role: Role.Citizen,
          emailVerifiedAt: since,
          createdAt: since,
          updatedAt: since,
        }),
      ));
    residents.set(r.key, user);
  }
  return residents;
}

/** The first `count` residents after the author in list order (never the author). */
function supportersOf(demo: DemoProposal, count: number): string[] {
  const keys = DEMO_RESIDENTS.map((r) => r.key);
  const start = keys.indexOf(demo.by);
  return Array.from({ length: keys.length - 1 }, (_, i) => keys[(start + 1 + i) % keys.length]).slice(0, count);
}

/** The day the proposal stopped collecting supports: answered (not "evaluating"), merged or grouped; else now. */
function supportsUntilDaysAgo(demo: DemoProposal, groupedDaysAgo: number | undefined): number {
  const ends = [
    demo.mergedInto?.daysAgo,
    demo.answer && demo.answer.status !== ProposalStatus.Evaluating ? demo.answer.daysAgo : undefined,
    groupedDaysAgo,
  ].filter((d): d is number => d !== undefined);
  return ends.length ? Math.max(...ends) : 0;
}

/**
 * Adds the demo proposals that are missing (by title) with their history, supports, comments,
 * answers and merges; returns how many were added. Every stored count is written as the number of
 * rows written beside it, so the start-up consistency check has nothing to repair.
 * `groupedDaysAgo` names, by title, when a proposal will be grouped into a demo project idea.
 */
export async function seedDemoProposals(m: EntityManager, groupedDaysAgo: Map<string, number>, now: Date = new Date()): Promise<number> {
  const at = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * DAY_MS + minutes * 60_000);
  const oldest = Math.max(...DEMO_PROPOSALS.map((p) => p.daysAgo)) + 10;
  const residents = await demoResidents(m, at(oldest));
  const fields = new Map((await m.find(FieldOfAction)).map((f) => [f.code, f.id]));
  const existing = new Set(
    (await m.find(Proposal, { where: { title: In(DEMO_PROPOSALS.map((p) => p.title)) }, select: ['title'] })).map((p) => p.title),
  );
  const created = new Map<string, Proposal>();
  const supporters = new Map<string, Array<{ userId: string; createdAt: Date }>>();

  for (const demo of DEMO_PROPOSALS) {
    if (existing.has(demo.title)) continue;
    const area = await m.findOneBy(Area, { code: areaCode(demo.areaType ?? AreaType.ActionArea, demo.area) });
    const author = residents.get(demo.by);
    const fieldId = fields.get(demo.field);
    if (!area || !author || !fieldId) throw new Error(`Demo proposal "${demo.title}" names an unknown area, author or field`);
    const comments = (demo.comments ?? []).flatMap((c) => [c, ...(c.replies ?? [])]);
    const proposal = await m.save(
      m.create(Proposal, {
        title: demo.title,
        body: demo.body,
        searchText: searchable(`${demo.title}\n${demo.body}`),
        fieldOfActionId: fieldId,
        areaId: area.id,
        authorId: author.id,
        submittedById: author.id,
        language: Language.German,
        status: demo.answer?.status ?? ProposalStatus.Submitted,
        commentCount: comments.length,
        createdAt: at(demo.daysAgo),
        updatedAt: at(demo.daysAgo),
      }),
    );
    created.set(demo.title, proposal);
    await m.insert(ProposalStatusEventEntity, {
      proposalId: proposal.id,
      status: ProposalStatus.Submitted,
      explanation: null,
      actorId: author.id,
      actorRole: Role.Citizen,
      createdAt: at(demo.daysAgo),
    });
    if (demo.answer) {
      await m.insert(ProposalStatusEventEntity, {
        proposalId: proposal.id,
        status: demo.answer.status,
        explanation: demo.answer.text,
        actorId: null,
        actorRole: Role.Moderator,
        createdAt: at(demo.answer.daysAgo),
      });
    }
    for (const c of demo.comments ?? []) {
      const top = await m.save(
        m.create(Comment, {
          proposalId: proposal.id,
          parentId: null,
          authorId: residents.get(c.by)!.id,
          body: c.body,
          createdAt: at(c.daysAgo),
        }),
      );
      for (const r of c.replies ?? []) {
        await m.insert(Comment, {
          proposalId: proposal.id,
          parentId: top.id,
          authorId: residents.get(r.by)!.id,
          body: r.body,
          createdAt: at(r.daysAgo),
        });
      }
    }
    // Supports come in between the proposal and the day it stopped collecting them.
    const from = demo.daysAgo;
    const until = supportsUntilDaysAgo(demo, groupedDaysAgo.get(demo.title));
    const keys = supportersOf(demo, demo.supporters);
    supporters.set(
      proposal.id,
      keys.map((key, i) => ({ userId: residents.get(key)!.id, createdAt: at(from - ((from - until) * (i + 1)) / (keys.length + 1)) })),
    );
  }

  // Merges: the duplicate's supports move to the proposal it joins (each person once, never its author).
  for (const demo of DEMO_PROPOSALS) {
    const duplicate = created.get(demo.title);
    const target = demo.mergedInto && created.get(demo.mergedInto.title);
    if (!duplicate || !demo.mergedInto || !target) continue;
    await m.update(Proposal, { id: duplicate.id }, { status: ProposalStatus.Merged, mergedIntoId: target.id });
    await m.insert(ProposalStatusEventEntity, {
      proposalId: duplicate.id,
      status: ProposalStatus.Merged,
      explanation: demo.mergedInto.text,
      actorId: null,
      actorRole: Role.Moderator,
      createdAt: at(demo.mergedInto.daysAgo),
    });
    const into = supporters.get(target.id)!;
    for (const s of supporters.get(duplicate.id)!) {
      if (s.userId !== target.authorId && !into.some((t) => t.userId === s.userId)) into.push(s);
    }
    supporters.set(duplicate.id, []);
  }

  for (const [proposalId, rows] of supporters) {
    if (rows.length)
      await m.insert(
        ProposalSupport,
        rows.map((r) => ({ proposalId, ...r })),
      );
    await m.update(Proposal, { id: proposalId }, { supportCount: rows.length });
  }
  return created.size;
}

/**
 * Groups demo proposals into a demo project idea the way the grouping board does: the link in the
 * project's timeline, the proposal "in a project idea" with a step in its public history.
 */
export async function linkDemoProposals(
  m: EntityManager,
  project: Project,
  titles: string[],
  at: (minutes: number) => Date,
): Promise<void> {
  for (const [i, title] of titles.entries()) {
    const proposal = await m.findOneBy(Proposal, { title, status: In(LINKABLE) });
    if (!proposal) continue;
    await recordLink(
      m,
      project,
      { proposalId: proposal.id, liveProposalId: null, previousStatus: proposal.status, title },
      MODERATOR,
      at(5 + i),
    );
    await m.update(Proposal, { id: proposal.id }, { status: ProposalStatus.InProjectIdea });
    await m.insert(ProposalStatusEventEntity, {
      proposalId: proposal.id,
      status: ProposalStatus.InProjectIdea,
      // The platform's note (shown in each reader's language), as the grouping board records it.
      explanation: null,
      note: ProposalStatusNoteKind.JoinedIdea,
      noteTitle: project.title,
      actorId: null,
      actorRole: Role.Moderator,
      createdAt: at(5 + i),
    });
  }
}
