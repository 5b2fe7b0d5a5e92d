import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import {
  ApplicationSource,
  ApplicationState,
  type AgendaApplication,
  type ApplicationDetail,
  type FundDetail,
  type FundSummary,
  type MyApplicationSummary,
} from '@app/shared/funds';
import { notFound } from '../../common/errors/domain-error';
import { Area } from '../areas/area.entity';
import { Project } from '../projects/project.entities';
import type { User } from '../users/user.entity';
import { isErased } from './application-privacy';
import { allowedTransitions, isApplicantOf, maySee, maySeeContact } from './fund-access';
import { Fund, FundApplication, FundApplicationAttachment, FundApplicationEvent } from './fund.entities';
import { fundTitle, toApplicationAttachment, toApplicationSummary, toFundDetail, toFundSummary, toTimelineEvent } from './fund.mapper';

/** Reads of funds and applications, shaped for the REST contract. */
@Injectable()
export class FundQueriesService {
  constructor(
    @InjectRepository(Fund) private readonly funds: Repository<Fund>,
    @InjectRepository(FundApplication) private readonly applications: Repository<FundApplication>,
    @InjectRepository(FundApplicationEvent) private readonly events: Repository<FundApplicationEvent>,
    @InjectRepository(FundApplicationAttachment) private readonly attachments: Repository<FundApplicationAttachment>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  async findFund(id: string): Promise<Fund & { area: Area }> {
    const fund = await this.funds.findOne({ where: { id }, relations: { area: true } });
    if (!fund) throw notFound('The fund');
    return fund;
  }

  async findApplication(id: string): Promise<FundApplication> {
    const a = await this.applications.findOneBy({ id });
    if (!a) throw notFound('The application');
    return a;
  }

  /** An application and its fund (with area), as the visibility rules allow: a draft of somebody else is a 404. */
  async findVisible(user: User | undefined, id: string): Promise<{ a: FundApplication; fund: Fund & { area: Area } }> {
    const a = await this.findApplication(id);
    if (!maySee(user, a)) throw notFound('The application');
    return { a, fund: await this.findFund(a.fundId) };
  }

  async listFunds(query: { year?: number; areaId?: string }): Promise<FundSummary[]> {
    const where = { ...(query.year ? { year: query.year } : {}), ...(query.areaId ? { areaId: query.areaId } : {}) };
    const funds = await this.funds.find({ where, relations: { area: true }, order: { year: 'DESC' } });
    const counts = await this.publicCounts(funds.map((f) => f.id));
    return funds
      .map((f) => toFundSummary(f, f.area, counts.get(f.id) ?? 0))
      .sort((x, y) => y.year - x.year || x.area.name.localeCompare(y.area.name, 'de'));
  }

  private async publicCounts(fundIds: string[]): Promise<Map<string, number>> {
    if (!fundIds.length) return new Map();
    const rows: Array<{ fundId: string; n: string | number }> = await this.applications
      .createQueryBuilder('a')
      .select('a.fundId', 'fundId')
      .addSelect('COUNT(*)', 'n')
      .where('a.fundId IN (:...fundIds)', { fundIds })
      .andWhere('a.state != :draft', { draft: ApplicationState.Draft })
      .groupBy('a.fundId')
      .getRawMany();
    return new Map(rows.map((r) => [r.fundId, Number(r.n)]));
  }

  async fundDetail(id: string): Promise<FundDetail> {
    const fund = await this.findFund(id);
    const rows = await this.applications.find({
      where: { fundId: id, state: Not(ApplicationState.Draft) },
      order: { submittedAt: 'ASC', createdAt: 'ASC' },
    });
    const areas = await this.areasById(rows.map((r) => r.neighbourhoodId));
    return toFundDetail(
      fund,
      fund.area,
      rows.map((r) => toApplicationSummary(r, r.neighbourhoodId ? (areas.get(r.neighbourhoodId) ?? null) : null)),
    );
  }

  private async areasById(ids: Array<string | null>): Promise<Map<string, Area>> {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    if (!wanted.length) return new Map();
    return new Map((await this.areas.findBy({ id: In(wanted) })).map((a) => [a.id, a]));
  }

  /** The applications on the agenda of the fund's project conference, oldest submission first (for building a budget round). */
  async agenda(fundId: string): Promise<AgendaApplication[]> {
    await this.findFund(fundId);
    const rows = await this.applications.find({
      where: { fundId, state: ApplicationState.OnAgenda },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      requestedAmountCents: r.requestedAmountCents,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    }));
  }

  async applicationDetail(user: User | undefined, id: string): Promise<ApplicationDetail> {
    const { a, fund } = await this.findVisible(user, id);
    const [neighbourhood, events, files, project, count] = await Promise.all([
      a.neighbourhoodId ? this.areas.findOneBy({ id: a.neighbourhoodId }) : null,
      this.events.find({ where: { applicationId: id }, order: { version: 'ASC' } }),
      this.attachments.find({ where: { applicationId: id }, order: { createdAt: 'ASC' } }),
      a.projectId ? this.projects.findOneBy({ id: a.projectId }) : null,
      this.publicCounts([fund.id]),
    ]);
    const attachments = files.filter((f) => f.purpose === 'application').map(toApplicationAttachment);
    const proofFiles = files.filter((f) => f.purpose === 'proof').map(toApplicationAttachment);
    return {
      ...toApplicationSummary(a, neighbourhood),
      fund: toFundSummary(fund, fund.area, count.get(fund.id) ?? 0),
      purpose: a.purpose,
      costItems: a.costItems,
      startDate: a.startDate,
      endDate: a.endDate,
      source: a.source,
      sourceNote: a.sourceNote,
      contact:
        maySeeContact(user, a, fund.area) && !isErased(a.contactName)
          ? { name: a.contactName, email: a.contactEmail, phone: a.contactPhone, address: a.contactAddress }
          : null,
      proposalId: a.proposalId,
      projectIdeaId: a.projectIdeaId,
      project: project ? { id: project.id, title: project.title, state: project.state } : null,
      attachments,
      proof:
        a.proofSubmittedAt && a.spentAmountCents !== null
          ? {
              spentAmountCents: a.spentAmountCents,
              spentItems: a.spentItems ?? [],
              report: a.proofReport ?? '',
              returnedAmountCents: a.returnedAmountCents,
              submittedAt: a.proofSubmittedAt.toISOString(),
              attachments: proofFiles,
            }
          : null,
      timeline: events.map(toTimelineEvent),
      allowedTransitions: allowedTransitions(user, a, fund.area),
      isApplicant: isApplicantOf(user, a),
    };
  }

  /** "What happened to my application?": the person's applications, newest first, each with its last public step. */
  async mine(user: User): Promise<MyApplicationSummary[]> {
    const rows = await this.applications.find({ where: { applicantId: user.id }, order: { createdAt: 'DESC' } });
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [areas, funds, events] = await Promise.all([
      this.areasById(rows.map((r) => r.neighbourhoodId)),
      this.funds.find({ where: { id: In([...new Set(rows.map((r) => r.fundId))]) }, relations: { area: true } }),
      this.events.find({ where: { applicationId: In(ids) }, order: { version: 'ASC' } }),
    ]);
    const fundById = new Map(funds.map((f) => [f.id, f]));
    const last = new Map(events.map((e) => [e.applicationId, e]));
    return rows.map((r) => {
      const fund = fundById.get(r.fundId)!;
      const step = last.get(r.id);
      return {
        ...toApplicationSummary(r, r.neighbourhoodId ? (areas.get(r.neighbourhoodId) ?? null) : null),
        fundTitle: fundTitle(fund, fund.area),
        lastStep: step ? toTimelineEvent(step) : null,
      };
    });
  }

  /**
   * The person's applications for their data export (DSGVO Art. 15/20). Paper applications a staff
   * member entered on somebody else's behalf are listed without that person's contact data.
   */
  async exportFor(userId: string): Promise<Array<Record<string, unknown>>> {
    const rows = await this.applications.find({ where: { applicantId: userId }, order: { createdAt: 'ASC' } });
    return rows.map((a) => {
      const own = a.source === ApplicationSource.Online;
      return {
        id: a.id,
        fundId: a.fundId,
        source: a.source,
        sourceNote: a.sourceNote,
        title: a.title,
        state: a.state,
        createdAt: a.createdAt.toISOString(),
        submittedAt: a.submittedAt?.toISOString() ?? null,
        ...(own
          ? {
              purpose: a.purpose,
              costItems: a.costItems,
              requestedAmountCents: a.requestedAmountCents,
              approvedAmountCents: a.approvedAmountCents,
              paidAmountCents: a.paidAmountCents,
              spentAmountCents: a.spentAmountCents,
              proofReport: a.proofReport,
              applicantKind: a.applicantKind,
              applicantName: a.applicantName,
              contact: { name: a.contactName, email: a.contactEmail, phone: a.contactPhone, address: a.contactAddress },
            }
          : {}),
      };
    });
  }
}
