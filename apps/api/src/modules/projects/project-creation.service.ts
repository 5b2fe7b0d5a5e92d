import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransitionId } from '@app/shared';
import { AuditService } from '../audit/audit.service';
import { Project } from './project.entities';
import { applyTransition, createIdea, type ProjectActor } from './project-store';

/** Where a single project came from when another module starts it (shown in its timeline's first step). */
export interface ProjectOrigin {
  /** e.g. 'fund_application' */
  kind: string;
  id: string;
  title: string;
  /** A short public line about the origin, e.g. "Aktionsraumfonds Hafen 2026". */
  label: string;
}

export interface NewSingleProject {
  title: string;
  description: string;
  fieldOfActionId: string;
  /** The Aktionsraum it runs in. */
  areaId: string;
  operatorName: string;
  startDate: string;
  endDate: string | null;
  fundingSource: string;
  fundingAmountCents: number;
  origin: ProjectOrigin;
}

/**
 * Starts a single project (Einzelprojekt) in one action for another module (the Aktionsraumfonds: an
 * approved application becomes a project), inside the caller's transaction. It goes the workflow's
 * own way: an idea is created (its first timeline step names the origin) and promoted to a single
 * project by the shared workflow's transition, so its roles, guards and fields apply as for any other.
 */
@Injectable()
export class ProjectCreationService {
  constructor(private readonly audit: AuditService) {}

  async createSingleProject(m: EntityManager, input: NewSingleProject, actor: ProjectActor, at?: Date): Promise<Project> {
    const idea = await createIdea(
      m,
      { title: input.title, description: input.description, fieldOfActionId: input.fieldOfActionId, areaIds: [input.areaId] },
      actor,
      at,
      { origin: input.origin },
    );
    await applyTransition(
      m,
      idea,
      TransitionId.PromoteToSingleProject,
      {
        operatorName: input.operatorName,
        areaId: input.areaId,
        startDate: input.startDate,
        ...(input.endDate ? { endDate: input.endDate } : {}),
        fundingSource: input.fundingSource,
        fundingAmountCents: input.fundingAmountCents,
      },
      actor,
      at,
    );
    if (actor.id)
      await this.audit.record(
        {
          actorId: actor.id,
          action: `project.${TransitionId.PromoteToSingleProject}`,
          entityType: 'project',
          entityId: idea.id,
          details: { origin: input.origin.kind, originId: input.origin.id },
        },
        m,
      );
    return idea;
  }
}
