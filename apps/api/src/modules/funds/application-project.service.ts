import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@app/shared';
import { APPLICATION_STATE_NAMES, ApplicationState, type CreatedProjectRef } from '@app/shared/funds';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { Area } from '../areas/area.entity';
import { AuditService } from '../audit/audit.service';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { Project } from '../projects/project.entities';
import { ProjectCreationService } from '../projects/project-creation.service';
import type { User } from '../users/user.entity';
import { Fund, FundApplication } from './fund.entities';
import { fundTitle } from './fund.mapper';
import { FundsService } from './funds.service';

/** An application that got money can become a project: approved and every later state (withdrawn gave it back). */
export const PROJECT_READY_STATES: readonly ApplicationState[] = [
  ApplicationState.Approved,
  ApplicationState.Paid,
  ApplicationState.ProofSubmitted,
  ApplicationState.Closed,
];

/** The Handlungsfeld a project gets when its application named none: residents' own projects belong to SZ. */
export const DEFAULT_FIELD_CODE = 'SZ';

/** "Aktionsraumfonds Hafen 2026": the funding source a fund project carries into the workflow (the fund's title). */
export const fundingSourceOf = (areaName: string, year: number) => fundTitle({ year }, { name: areaName }).slice(0, 200);

const calendarDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * After the decision (issue 17): an approved application becomes an Einzelprojekt in one action. The
 * projects module creates it through its own workflow (idea → promote_to_single_project: Träger =
 * applicant, Aktionsraum = the fund's area, dates = the application's time frame, funding source
 * "Aktionsraumfonds <area> <year>", amount = the approved amount); this side links the application to it
 * and records 'project_created' in the application's timeline — all in one transaction.
 */
@Injectable()
export class ApplicationProjectService {
  constructor(
    private readonly projects: ProjectCreationService,
    private readonly funds: FundsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async createProject(user: User, applicationId: string): Promise<CreatedProjectRef> {
    return this.tx.run((m) => this.createIn(m, user, applicationId));
  }

  /** The same on a transaction the caller holds. */
  async createIn(m: EntityManager, actor: Pick<User, 'id' | 'role'>, applicationId: string): Promise<CreatedProjectRef> {
    const a = await m.findOneBy(FundApplication, { id: applicationId });
    if (!a) throw notFound('The application');
    if (a.projectId) {
      const existing = await m.findOneBy(Project, { id: a.projectId });
      throw new DomainError(
        ErrorCode.Conflict,
        `This application already became the project "${existing?.title ?? a.projectId}" (${a.projectId}); open that project instead.`,
      );
    }
    if (!PROJECT_READY_STATES.includes(a.state))
      throw new DomainError(
        ErrorCode.TransitionNotAllowed,
        `Only an approved application (or one paid or later) can become a project; this one is ${APPLICATION_STATE_NAMES[a.state]}.`,
      );
    const fund = await m.findOneByOrFail(Fund, { id: a.fundId });
    const area = await m.findOneByOrFail(Area, { id: fund.areaId });
    const fieldOfActionId = a.fieldOfActionId ?? (await m.findOneByOrFail(FieldOfAction, { code: DEFAULT_FIELD_CODE })).id;
    const source = fundingSourceOf(area.name, fund.year);
    const startDate = a.startDate ?? fund.decisionDate ?? calendarDay(new Date());
    const endDate = a.endDate && a.endDate >= startDate ? a.endDate : null;
    const project = await this.projects.createSingleProject(
      m,
      {
        title: a.title,
        description: `${a.purpose}\n\nHervorgegangen aus dem Antrag „${a.title}“ an den ${source}.`,
        fieldOfActionId,
        areaId: area.id,
        operatorName: a.applicantName,
        startDate,
        endDate,
        fundingSource: source,
        fundingAmountCents: a.approvedAmountCents ?? a.requestedAmountCents,
        origin: { kind: 'fund_application', id: a.id, title: a.title, label: source },
      },
      actor,
    );
    // The link and the 'project_created' step, by the funds service in this transaction, guarded by the
    // application's version: of two administrators clicking at once, one links and the other gets 409 (and
    // its project is rolled back with its transaction).
    await this.funds.recordProjectCreated(m, a.id, project.id, actor);
    await this.audit.record(
      {
        actorId: actor.id,
        action: 'application.project_created',
        entityType: 'fund_application',
        entityId: a.id,
        details: { projectId: project.id, fundingSource: source },
      },
      m,
    );
    const created = await m.findOneByOrFail(Project, { id: project.id });
    return { id: created.id, title: created.title, state: created.state };
  }
}
