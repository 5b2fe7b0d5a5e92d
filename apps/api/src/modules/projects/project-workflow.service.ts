import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ErrorCode,
  getTransition,
  type ProjectDetail,
  type ProjectState,
  type ProjectTransitionResponse,
  type TransitionAllowed,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import type { RecordEvaluationDto, TransitionRequestDto } from './dto/project-transition.dto';
import { Project } from './project.entities';
import { ProjectQueriesService } from './project-queries.service';
import { applyEvaluation, applyTransition, assertEvaluation, conflict, invalidReference } from './project-store';

/** The Verstetigung workflow over HTTP: transitions (optimistic locking, 404/409/403/422) and run evaluations. */
@Injectable()
export class ProjectWorkflowService {
  constructor(
    private readonly queries: ProjectQueriesService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async transition(user: User, id: string, dto: TransitionRequestDto): Promise<ProjectTransitionResponse> {
    if (!getTransition(dto.transitionId)) throw new DomainError(ErrorCode.NotFound, `There is no transition "${dto.transitionId}".`);
    const before = await this.queries.find(id);
    if (!(await this.queries.actsOn(user, id)))
      throw new DomainError(ErrorCode.Forbidden, 'You moderate other areas; this project is not in your scope.');
    if (before.version !== dto.expectedVersion) throw conflict(before, dto.expectedVersion);
    const createdId = await this.tx.run(async (m) => {
      // Decide on what the transaction reads: a writer that got here first has changed it.
      const p = await m.findOneByOrFail(Project, { id });
      if (p.version !== dto.expectedVersion) throw conflict(p, dto.expectedVersion);
      const from = p.state;
      const applied = await applyTransition(m, p, dto.transitionId, dto.input ?? {}, user);
      await this.auditTransition(m, user, id, from, applied.check, applied.createdId);
      return applied.createdId;
    });
    return { project: await this.queries.get(id), created: createdId ? await this.queries.get(createdId) : null };
  }

  /** Marks a single project's run as finished and records its evaluation (what the project-type guard looks at). */
  async recordEvaluation(user: User, id: string, dto: RecordEvaluationDto): Promise<ProjectDetail> {
    const before = await this.queries.find(id);
    if (before.version !== dto.expectedVersion) throw conflict(before, dto.expectedVersion);
    assertEvaluation(dto);
    await this.assertIndicatorsExist(dto.indicatorKeys);
    await this.tx.run(async (m) => {
      const p = await m.findOneByOrFail(Project, { id });
      if (p.version !== dto.expectedVersion) throw conflict(p, dto.expectedVersion);
      await applyEvaluation(m, p, dto, user);
      await this.audit.record(
        { actorId: user.id, action: 'project.evaluate', entityType: 'project', entityId: id, details: { outcome: dto.outcome } },
        m,
      );
    });
    return this.queries.get(id);
  }

  /** An evaluation names indicators of the social report, so that the report can show what a run aimed at. */
  private async assertIndicatorsExist(keys: string[]): Promise<void> {
    // The DTO allows only [a-z0-9_] keys, so there is nothing to trim; repeats are asked for once.
    const wanted = [...new Set(keys)];
    const known = await this.queries.indicatorsByKey(wanted);
    const unknown = wanted.filter((key) => !known.has(key));
    if (unknown.length === 0) return;
    const message = `The social report has no indicator ${unknown.map((k) => `"${k}"`).join(', ')}. Choose among the indicators listed at /api/indicators.`;
    throw invalidReference('indicatorKeys', message);
  }

  private async auditTransition(
    m: EntityManager,
    user: User,
    id: string,
    from: ProjectState,
    check: TransitionAllowed,
    createdId: string | null,
  ) {
    await this.audit.record(
      {
        actorId: user.id,
        action: `project.${check.transition.id}`,
        entityType: 'project',
        entityId: id,
        details: { from, to: check.nextState, ...(createdId ? { createdProjectId: createdId } : {}) },
      },
      m,
    );
  }
}
