import { IsNull, type EntityManager } from 'typeorm';
import { AreaType, calendarDate, LiveProposalStatus, Presence, Role, TransitionId, type ProjectTransitionInput } from '@app/shared';
import { Area } from '../modules/areas/area.entity';
import { Assembly } from '../modules/assemblies/entities/assembly.entity';
import { LiveProposalEntity, LiveProposalSupport } from '../modules/live/entities/live.entities';
import { Participant } from '../modules/live/entities/participant.entity';
import { FieldOfAction } from '../modules/fields-of-action/field-of-action.entity';
import { Project, ProjectMilestoneEntity, ProjectStatusReportEntity } from '../modules/projects/project.entities';
import { applyEvaluation, applyTransition, assertEvaluation, createIdea, recordLink } from '../modules/projects/project-store';
import { areaCode } from './demo-data';
import {
  ADMIN,
  DEMO_PROJECT_NOTE,
  demoProjects,
  ILLUSTRATIVE_PROJECT_NOTE,
  MODERATOR,
  UNGROUPED_LIVE_PROPOSALS,
  type DemoProject,
} from './demo-projects-data';
import { DEMO_PROJECT_PROPOSALS } from './demo-proposals-data';
import { linkDemoProposals } from './demo-proposals';

/**
 * Demo projects (content in demo-projects-data.ts), made by the same functions as the API's
 * (project-store.ts: createIdea, recordLink, applyTransition, applyEvaluation), backdated step by
 * step, so every timeline is complete and consistent and every step passed the workflow's roles and
 * guards. Demo proposals they grew from are grouped into them while they are ideas.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** When each grouped demo proposal joins its project idea (days before now), by proposal title. */
export function demoProposalGrouping(now: Date = new Date()): Map<string, number> {
  const days = new Map<string, number>();
  for (const demo of demoProjects(now)) for (const title of DEMO_PROJECT_PROPOSALS[demo.title] ?? []) days.set(title, demo.createdDaysAgo);
  return days;
}

/** Adds the demo projects that are missing (by title); returns how many were added. */
export async function seedDemoProjects(m: EntityManager, now: Date = new Date()): Promise<number> {
  const fields = new Map((await m.find(FieldOfAction)).map((f) => [f.code, f.id]));
  const areaId = async (name: string) => (await m.findOneBy(Area, { code: areaCode(AreaType.ActionArea, name) }))?.id ?? null;
  const assembly = await m.findOneBy(Assembly, { joinCode: 'HRDE26' });
  const at = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * DAY_MS + minutes * 60_000);
  let added = 0;

  for (const demo of demoProjects(now)) {
    if (await m.existsBy(Project, { title: demo.title })) continue;
    const fieldId = fields.get(demo.field);
    const areaIds = (await Promise.all(demo.areas.map(areaId))).filter((id): id is string => id !== null);
    if (!fieldId || areaIds.length !== demo.areas.length) continue;
    const note = demo.illustrative ? ILLUSTRATIVE_PROJECT_NOTE : DEMO_PROJECT_NOTE;
    const project = await createIdea(
      m,
      { title: demo.title, description: `${demo.description}\n\n${note}`, fieldOfActionId: fieldId, areaIds },
      MODERATOR,
      at(demo.createdDaysAgo),
    );
    added++;
    await linkDemoProposals(m, project, DEMO_PROJECT_PROPOSALS[demo.title] ?? [], (minutes) => at(demo.createdDaysAgo, minutes));

    if (demo.liveProposals && assembly) {
      for (const [i, text] of demo.liveProposals.entries()) {
        const live = await m.save(
          m.create(LiveProposalEntity, {
            assemblyId: assembly.id,
            text,
            sourceNote: 'Demodaten: Karte aus der Versammlung (illustrativ)',
            status: LiveProposalStatus.Approved,
            supportCount: 0,
            createdAt: new Date(assembly.startsAt.getTime() + (40 + i) * 60_000),
          }),
        );
        await addDemoSupports(m, assembly, live.id, 5 - i);
        await recordLink(
          m,
          project,
          { proposalId: null, liveProposalId: live.id, previousStatus: null, title: text.slice(0, 140) },
          MODERATOR,
          at(demo.createdDaysAgo, 10 + i),
        );
      }
    }

    for (const [i, step] of (demo.steps ?? []).entries()) {
      if ('evaluate' in step) {
        assertEvaluation(step.evaluate, at(step.daysAgo, i));
        await applyEvaluation(m, project, step.evaluate, ADMIN, at(step.daysAgo, i));
        continue;
      }
      await applyTransition(
        m,
        project,
        step.transition,
        await resolveArea(step.input ?? {}, areaId),
        step.actor ?? ADMIN,
        at(step.daysAgo, i),
      );
    }
    await addProgress(m, project, demo, at);

    if (demo.instance) {
      const { createdId } = await applyTransition(
        m,
        project,
        TransitionId.CreateInstanceFromType,
        await resolveArea(demo.instance.input, areaId),
        ADMIN,
        at(demo.instance.daysAgo),
      );
      const instance = await m.findOneByOrFail(Project, { id: createdId! });
      await addProgress(m, instance, demo.instance, at);
      added++;
    }
  }

  // Proposals from the assembly not grouped yet: the grouping board has something to show.
  if (assembly)
    for (const [i, text] of UNGROUPED_LIVE_PROPOSALS.entries()) {
      if (await m.existsBy(LiveProposalEntity, { assemblyId: assembly.id, text })) continue;
      const live = await m.save(
        m.create(LiveProposalEntity, {
          assemblyId: assembly.id,
          text,
          sourceNote: 'Demodaten: Karte aus der Versammlung (illustrativ)',
          status: LiveProposalStatus.Approved,
          supportCount: 0,
          createdAt: new Date(assembly.startsAt.getTime() + (50 + i) * 60_000),
        }),
      );
      await addDemoSupports(m, assembly, live.id, 3 - i);
      added++;
    }
  return added;
}

/**
 * Supports of a demo live proposal by demo guests of the assembly (made on first use): real rows,
 * so the stored count equals its rows like every other count.
 */
async function addDemoSupports(m: EntityManager, assembly: Assembly, liveProposalId: string, count: number): Promise<void> {
  const guests = await m.find(Participant, { where: { assemblyId: assembly.id, userId: IsNull() }, order: { guestName: 'ASC' } });
  for (let k = guests.length; k < count; k++) {
    guests.push(
      await m.save(
        m.create(Participant, {
          assemblyId: assembly.id,
          guestName: `Demo-Gast ${k + 1}`,
          presence: Presence.Hall,
          joinedAt: assembly.startsAt,
        }),
      ),
    );
  }
  const supporters = guests.slice(0, count);
  if (!supporters.length) return;
  await m.insert(
    LiveProposalSupport,
    supporters.map((g) => ({ liveProposalId, participantId: g.id })),
  );
  await m.update(LiveProposalEntity, { id: liveProposalId }, { supportCount: supporters.length });
}

async function resolveArea(
  input: ProjectTransitionInput & { areaName?: string },
  areaId: (name: string) => Promise<string | null>,
): Promise<ProjectTransitionInput> {
  const { areaName, ...rest } = input;
  return areaName ? { ...rest, areaId: (await areaId(areaName)) ?? undefined } : rest;
}

/** Milestones and status reports, kept to the API's rules: reports not in the future and not before the start. */
async function addProgress(
  m: EntityManager,
  project: Project,
  demo: Pick<DemoProject, 'milestones' | 'reports'>,
  at: (daysAgo: number, minutes?: number) => Date,
): Promise<void> {
  const start = project.startDate ?? '0000-00-00';
  for (const ms of demo.milestones ?? []) {
    const plannedAt = at(Math.max(ms.dueDaysAgo ?? 0, ms.reachedDaysAgo ?? 0) + 30);
    await m.save(
      m.create(ProjectMilestoneEntity, {
        projectId: project.id,
        title: ms.title,
        dueDate: ms.dueDaysAgo === null ? null : calendarDate(at(ms.dueDaysAgo)),
        reachedOn: ms.reachedDaysAgo === undefined ? null : calendarDate(at(ms.reachedDaysAgo)),
        createdAt: plannedAt,
        updatedAt: plannedAt,
      }),
    );
  }
  for (const r of demo.reports ?? []) {
    const reportDate = calendarDate(at(r.daysAgo));
    if (r.daysAgo < 0 || reportDate < start) throw new Error(`Demo report of ${project.title} on ${reportDate} breaks the rules`);
    await m.save(
      m.create(ProjectStatusReportEntity, {
        projectId: project.id,
        reportDate,
        progressPercent: r.progressPercent,
        text: r.text,
        actorRole: Role.Moderator,
        actorId: null,
        createdAt: at(r.daysAgo, 60),
      }),
    );
  }
}
