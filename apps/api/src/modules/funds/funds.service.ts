import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { AreaType, calendarDate, ErrorCode } from '@app/shared';
import {
  APPLICATION_STATE_NAMES,
  ApplicationState,
  ApplicationTransitionId,
  checkApplicationTransition,
  type AgendaApplication,
  type FundDecisionRequest,
  type FundDetail,
} from '@app/shared/funds';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { Area } from '../areas/area.entity';
import { VotingRoundEntity } from '../live/entities/live.entities';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { ApplicationNotifier } from './application-notifier';
import { forgetApplicant } from './application-privacy';
import { assertCalendarDate, assertDateOrder } from './application-rules';
import { bumpVersion, recordStep, unprocessable } from './application-store';
import { refusal, subjectOf } from './application-workflow.service';
import type { CreateFundDto, UpdateFundDto } from './dto/fund.dto';
import { isStaffOf } from './fund-access';
import { Fund, FundApplication } from './fund.entities';
import { commitMoney, euros, overFund, remainingCents, setAmount } from './fund-money';
import { FundQueriesService } from './fund-queries.service';
import { fundTitle } from './fund.mapper';

/** The states in which an application can become an Einzelprojekt (approved and later, not withdrawn). */
const PROJECT_STATES: readonly ApplicationState[] = [
  ApplicationState.Approved,
  ApplicationState.Paid,
  ApplicationState.ProofSubmitted,
  ApplicationState.Closed,
];

/** What an Einzelprojekt made from an application starts with. */
export interface ApplicationProjectSeed {
  applicationId: string;
  state: ApplicationState;
  /** Set once it became one. */
  projectId: string | null;
  title: string;
  description: string;
  fieldOfActionId: string | null;
  /** The Träger: who applied. */
  operatorName: string;
  actionAreaId: string;
  startDate: string | null;
  endDate: string | null;
  /** "Aktionsraumfonds <area> <year>" */
  fundingSource: string;
  fundingAmountCents: number | null;
}

/** Who decides: an account in a role (the live module passes the moderator confirming the budget vote). */
export type FundActor = Pick<User, 'id' | 'role' | 'moderatorAreas'>;

/**
 * Funds (administrators open them per Aktionsraum and year) and the project conference's decision,
 * applied once, whole or not at all. `decide` and `agenda` are what the live budget vote calls.
 */
@Injectable()
export class FundsService {
  constructor(
    @InjectRepository(Fund) private readonly funds: Repository<Fund>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    private readonly queries: FundQueriesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notifier: ApplicationNotifier,
  ) {}

  async create(user: User, dto: CreateFundDto): Promise<FundDetail> {
    const area = await this.areas.findOneBy({ id: dto.areaId });
    if (!area || area.type !== AreaType.ActionArea) {
      throw unprocessable('areaId', 'A fund belongs to an Aktionsraum; choose an area of type action_area.', 'reference');
    }
    assertDateOrder('applicationStart', dto.applicationStart, 'applicationEnd', dto.applicationEnd);
    assertCalendarDate('conferenceDate', dto.conferenceDate);
    assertMaxWithinAmount(dto.maxPerApplicationCents, dto.amountCents);
    const duplicate = () =>
      new DomainError(ErrorCode.Conflict, `${area.name} already has a fund for ${dto.year}; change that one instead.`, [
        { field: 'year', messages: [`${area.name} already has a fund for ${dto.year}`], rules: ['unique'] },
      ]);
    if (await this.funds.existsBy({ areaId: dto.areaId, year: dto.year })) throw duplicate();
    let id: string;
    try {
      id = (
        await this.funds.save(
          this.funds.create({
            areaId: dto.areaId,
            year: dto.year,
            amountCents: dto.amountCents,
            maxPerApplicationCents: dto.maxPerApplicationCents,
            applicationStart: dto.applicationStart,
            applicationEnd: dto.applicationEnd,
            conferenceDate: dto.conferenceDate ?? null,
            description: dto.description ?? null,
            createdById: user.id,
          }),
        )
      ).id;
    } catch (error) {
      // Two administrators opening the same fund at once: the unique index answers for the second.
      if (await this.funds.existsBy({ areaId: dto.areaId, year: dto.year })) throw duplicate();
      throw error;
    }
    await this.audit.record({ actorId: user.id, action: 'fund.created', entityType: 'fund', entityId: id, details: { ...dto } });
    return this.queries.fundDetail(id);
  }

  async update(user: User, id: string, dto: UpdateFundDto): Promise<FundDetail> {
    const fund = await this.queries.findFund(id);
    const start = dto.applicationStart ?? fund.applicationStart;
    const end = dto.applicationEnd ?? fund.applicationEnd;
    assertDateOrder('applicationStart', start, 'applicationEnd', end);
    assertCalendarDate('conferenceDate', dto.conferenceDate);
    assertMaxWithinAmount(dto.maxPerApplicationCents ?? fund.maxPerApplicationCents, dto.amountCents ?? fund.amountCents);
    await this.tx.run(async (m) => {
      if (dto.amountCents !== undefined) await setAmount(m, id, dto.amountCents);
      const values: Partial<Fund> = {
        ...(dto.maxPerApplicationCents !== undefined ? { maxPerApplicationCents: dto.maxPerApplicationCents } : {}),
        ...(dto.applicationStart !== undefined ? { applicationStart: dto.applicationStart } : {}),
        ...(dto.applicationEnd !== undefined ? { applicationEnd: dto.applicationEnd } : {}),
        ...(dto.conferenceDate !== undefined ? { conferenceDate: dto.conferenceDate } : {}),
        ...(dto.description !== undefined ? { description: dto.description } : {}),
      };
      if (Object.keys(values).length) await m.update(Fund, { id }, values);
      await this.audit.record({ actorId: user.id, action: 'fund.updated', entityType: 'fund', entityId: id, details: { ...dto } }, m);
    });
    return this.queries.fundDetail(id);
  }

  /** The applications on the agenda, for building a budget round: {id, title, requestedAmountCents, submittedAt}. */
  agenda(fundId: string): Promise<AgendaApplication[]> {
    return this.queries.agenda(fundId);
  }

  /**
   * Applies a whole decision of the project conference in one transaction: every line approves (with
   * its amount) or rejects (with its reason) an application on the fund's agenda, each step goes into
   * the application's timeline, and the fund records how it was decided. A fund is decided once (409);
   * a line for an application not on the agenda is 422; approvals over the fund are 409 with the
   * remaining amount. Any refusal leaves nothing written.
   */
  async decide(fundId: string, request: FundDecisionRequest, actor: FundActor, now = new Date()): Promise<FundDetail> {
    const assemblyId = await this.assemblyOf(request.roundId ?? null);
    await this.tx.run((m) => this.decideWithin(m, fundId, request, actor, assemblyId, now));
    return this.queries.fundDetail(fundId);
  }

  /**
   * The decision inside the caller's transaction: the live budget vote's confirmation calls it with
   * its own EntityManager (FundsBudgetHandler), so the round's allocation and the fund's decision are
   * written together or not at all.
   */
  async decideWithin(
    m: EntityManager,
    fundId: string,
    request: FundDecisionRequest,
    actor: FundActor,
    assemblyId: string | null,
    now = new Date(),
  ): Promise<void> {
    const fund = await m.findOne(Fund, { where: { id: fundId }, relations: { area: true } });
    if (!fund) throw notFound('The fund');
    if (!isStaffOf(actor as User, fund.area)) {
      throw new DomainError(ErrorCode.Forbidden, `You moderate other areas; the fund of ${fund.area.name} is not in your scope.`);
    }
    assertCalendarDate('decisionDate', request.decisionDate);
    if (request.decisionDate > calendarDate(now)) {
      throw unprocessable('decisionDate', `The date of the decision (${request.decisionDate}) lies in the future.`, 'date_not_future');
    }
    const seen = new Set<string>();
    request.lines.forEach((line, i) => {
      if (seen.has(line.applicationId)) {
        throw unprocessable(`lines.${i}.applicationId`, `The application ${line.applicationId} appears twice in the decision.`, 'unique');
      }
      seen.add(line.applicationId);
    });
    {
      await this.markDecided(m, fund, request, assemblyId, now);
      const current = await m.findOneByOrFail(Fund, { id: fundId });
      const rows = await m.findBy(FundApplication, { id: In([...seen]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      let total = 0;
      const steps: Array<{ a: FundApplication; id: ApplicationTransitionId; amount: number | null; reason: string | null }> = [];
      request.lines.forEach((line, i) => {
        const a = byId.get(line.applicationId);
        if (!a || a.fundId !== fundId || a.state !== ApplicationState.OnAgenda) {
          throw unprocessable(
            `lines.${i}.applicationId`,
            `The application ${line.applicationId} is not on the agenda of this fund's project conference; only applications on the agenda can be decided.`,
            'on_agenda',
          );
        }
        const approve = line.approvedAmountCents !== null;
        const transition = approve ? ApplicationTransitionId.Approve : ApplicationTransitionId.Reject;
        const input = { approvedAmountCents: line.approvedAmountCents, reason: line.reason ?? null, decisionDate: request.decisionDate };
        const check = checkApplicationTransition(subjectOf(a, current), { role: actor.role, isApplicant: false }, transition, input, now);
        if (!check.ok) throw refusal(check, `lines.${i}.`);
        const amount = approve ? (check.values.approvedAmountCents as number) : null;
        total += amount ?? 0;
        steps.push({ a, id: transition, amount, reason: typeof check.values.reason === 'string' ? check.values.reason : null });
      });
      if (total > remainingCents(current)) throw overFund(total, remainingCents(current), 'lines');
      if (total > 0) await commitMoney(m, fundId, total, 'lines');
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'fund.decided',
          entityType: 'fund',
          entityId: fundId,
          details: {
            mode: request.mode,
            decisionDate: request.decisionDate,
            roundId: request.roundId ?? null,
            approvedCents: total,
            lines: request.lines.length,
          },
        },
        m,
      );
      for (const step of steps) {
        const toState = step.amount !== null ? ApplicationState.Approved : ApplicationState.Rejected;
        const version = await bumpVersion(m, step.a, {
          state: toState,
          ...(step.amount !== null ? { approvedAmountCents: step.amount } : {}),
        });
        await recordStep(
          m,
          step.a.id,
          version,
          { id: actor.id, role: actor.role },
          {
            kind: step.id,
            fromState: ApplicationState.OnAgenda,
            toState,
            reason: step.reason,
            data: {
              decisionDate: request.decisionDate,
              mode: request.mode,
              ...(request.roundId ? { roundId: request.roundId } : {}),
              ...(step.amount !== null ? { approvedAmountCents: step.amount, requestedAmountCents: step.a.requestedAmountCents } : {}),
            },
          },
        );
        await this.notifier.stepTaken(m, step.a, actor.role, toState, step.reason);
      }
    }
  }

  /** Marks the fund decided, unless it already is: of two decisions, the second finds it decided (409). */
  private async markDecided(m: EntityManager, fund: Fund, request: FundDecisionRequest, assemblyId: string | null, now: Date) {
    const result = await m
      .createQueryBuilder()
      .update(Fund)
      .set({
        decisionMode: request.mode,
        decisionDate: request.decisionDate,
        decidedAt: now,
        decisionRoundId: request.roundId ?? null,
        decisionAssemblyId: assemblyId,
        decisionNote: request.note ?? null,
      })
      .where('id = :id AND "decidedAt" IS NULL', { id: fund.id })
      .execute();
    if (!result.affected) {
      const decided = await m.findOneByOrFail(Fund, { id: fund.id });
      throw new DomainError(
        ErrorCode.Conflict,
        `This fund was already decided (${decided.decisionMode}, ${decided.decisionDate}); a fund is decided once. Single applications can still be approved or rejected one by one.`,
      );
    }
  }

  /**
   * What an Einzelprojekt made from an approved application starts with (the projects side creates
   * it): Träger, Aktionsraum, dates, funding source "Aktionsraumfonds <area> <year>" and amount.
   */
  async projectSeed(applicationId: string): Promise<ApplicationProjectSeed> {
    const a = await this.queries.findApplication(applicationId);
    const fund = await this.queries.findFund(a.fundId);
    return {
      applicationId: a.id,
      state: a.state,
      projectId: a.projectId,
      title: a.title,
      description: a.purpose,
      fieldOfActionId: a.fieldOfActionId,
      operatorName: a.applicantName,
      actionAreaId: fund.areaId,
      startDate: a.startDate,
      endDate: a.endDate,
      fundingSource: fundTitle(fund, fund.area),
      fundingAmountCents: a.approvedAmountCents,
    };
  }

  /**
   * Records, inside the caller's transaction, that an approved (or later) application became the
   * Einzelprojekt `projectId`: the link and a 'project_created' step in its public timeline. Once per
   * application (409); before approval 409 too.
   */
  async recordProjectCreated(m: EntityManager, applicationId: string, projectId: string, actor: Pick<User, 'id' | 'role'>): Promise<void> {
    const a = await m.findOneBy(FundApplication, { id: applicationId });
    if (!a) throw notFound('The application');
    if (!PROJECT_STATES.includes(a.state)) {
      throw new DomainError(
        ErrorCode.TransitionNotAllowed,
        `Only an approved application becomes an Einzelprojekt; this one is ${APPLICATION_STATE_NAMES[a.state]}.`,
      );
    }
    if (a.projectId) throw new DomainError(ErrorCode.Conflict, 'This application already became an Einzelprojekt.');
    const version = await bumpVersion(m, a, { projectId });
    await recordStep(
      m,
      a.id,
      version,
      { id: actor.id, role: actor.role },
      {
        kind: 'project_created',
        fromState: a.state,
        toState: a.state,
        data: { projectId },
      },
    );
  }

  /** Inside the account deletion's transaction: the person's applications as application-privacy.ts says. */
  forgetApplicant(m: EntityManager, userId: string): Promise<void> {
    return forgetApplicant(m, userId);
  }

  private async assemblyOf(roundId: string | null): Promise<string | null> {
    if (!roundId) return null;
    const round = await this.funds.manager.findOneBy(VotingRoundEntity, { id: roundId });
    if (!round) throw unprocessable('roundId', 'There is no such voting round.', 'reference');
    return round.assemblyId;
  }
}

function assertMaxWithinAmount(max: number, amount: number): void {
  if (max > amount) {
    throw unprocessable(
      'maxPerApplicationCents',
      `The maximum per application (${euros(max)}) cannot be more than the fund's amount (${euros(amount)}).`,
      'amount_above_limit',
      { maxCents: amount },
    );
  }
}
