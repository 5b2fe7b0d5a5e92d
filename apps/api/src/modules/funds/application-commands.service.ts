import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, Role } from '@app/shared';
import { ApplicationSource, ApplicationState, APPLICATION_STATE_INFO, type ApplicationDetail } from '@app/shared/funds';
import { DomainError } from '../../common/errors/domain-error';
import { removeFiles } from '../../common/files/attachment-files';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionRunner } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { assertAmounts, assertDateOrder, assertPeriodOpen, assertReferences } from './application-rules';
import { actorRoleOf, bumpVersion, changedMeanwhile, recordStep } from './application-store';
import type { CreateApplicationDto, UpdateApplicationDto } from './dto/application.dto';
import { isApplicantOf, isStaffOf } from './fund-access';
import { FundApplication, FundApplicationAttachment } from './fund.entities';
import { FundQueriesService } from './fund-queries.service';

const notEditable = (state: ApplicationState) =>
  new DomainError(
    ErrorCode.Conflict,
    `The application is ${state.replace('_', ' ')}: it can no longer be changed after submission (only drafts and returned applications can).`,
  );

/** Writing applications: drafts (online, or on paper by staff), changes while editable, deleting drafts. */
@Injectable()
export class ApplicationCommandsService {
  constructor(
    private readonly queries: FundQueriesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: User, fundId: string, dto: CreateApplicationDto, now = new Date()): Promise<ApplicationDetail> {
    const fund = await this.queries.findFund(fundId);
    const paper = dto.sourceNote !== undefined && dto.sourceNote !== null;
    if (paper && !(user.role === Role.Moderator || user.role === Role.Administrator)) {
      throw new DomainError(ErrorCode.Forbidden, 'Only moderators and administrators enter paper applications (with a source note).');
    }
    if (paper && !isStaffOf(user, fund.area)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        `You moderate other areas; paper applications to the fund of ${fund.area.name} are entered by its moderators.`,
      );
    }
    assertPeriodOpen(fund, now);
    assertDateOrder('startDate', dto.startDate, 'endDate', dto.endDate);
    assertAmounts(fund, dto.costItems, dto.requestedAmountCents);
    const id = await this.tx.run(async (m) => {
      await assertReferences(m, fund, dto);
      const saved = await m.save(
        m.create(FundApplication, {
          fundId,
          applicantId: user.id,
          source: paper ? ApplicationSource.Paper : ApplicationSource.Online,
          sourceNote: paper ? dto.sourceNote! : null,
          state: ApplicationState.Draft,
          version: 1,
          title: dto.title,
          purpose: dto.purpose,
          fieldOfActionId: dto.fieldOfActionId ?? null,
          neighbourhoodId: dto.neighbourhoodId ?? null,
          costItems: dto.costItems.map((c) => ({ label: c.label, amountCents: c.amountCents })),
          requestedAmountCents: dto.requestedAmountCents,
          startDate: dto.startDate ?? null,
          endDate: dto.endDate ?? null,
          applicantKind: dto.applicantKind,
          applicantName: dto.applicantName,
          contactName: dto.contact.name,
          contactEmail: dto.contact.email ?? null,
          contactPhone: dto.contact.phone ?? null,
          contactAddress: dto.contact.address ?? null,
          proposalId: dto.proposalId ?? null,
          projectIdeaId: dto.projectIdeaId ?? null,
          createdById: user.id,
        }),
      );
      await recordStep(
        m,
        saved.id,
        1,
        { id: user.id, role: actorRoleOf(user, saved) },
        {
          kind: 'created',
          fromState: null,
          toState: ApplicationState.Draft,
          data: paper ? { source: ApplicationSource.Paper, sourceNote: saved.sourceNote } : null,
        },
      );
      if (paper) {
        const details = { fundId, sourceNote: saved.sourceNote };
        await this.audit.record(
          { actorId: user.id, action: 'application.paper_entered', entityType: 'fund_application', entityId: saved.id, details },
          m,
        );
      }
      return saved.id;
    });
    return this.queries.applicationDetail(user, id);
  }

  /** The applicant's application, or the reason they may not change it. */
  private async ownEditable(user: User, id: string): Promise<FundApplication> {
    const { a } = await this.queries.findVisible(user, id);
    if (!isApplicantOf(user, a)) throw new DomainError(ErrorCode.Forbidden, 'Only the applicant can change or delete an application.');
    return a;
  }

  async update(user: User, id: string, dto: UpdateApplicationDto): Promise<ApplicationDetail> {
    const a = await this.ownEditable(user, id);
    if (!APPLICATION_STATE_INFO[a.state].editable) throw notEditable(a.state);
    const fund = await this.queries.findFund(a.fundId);
    const costItems = dto.costItems?.map((c) => ({ label: c.label, amountCents: c.amountCents })) ?? a.costItems;
    const requested = dto.requestedAmountCents ?? a.requestedAmountCents;
    assertDateOrder(
      'startDate',
      dto.startDate !== undefined ? dto.startDate : a.startDate,
      'endDate',
      dto.endDate !== undefined ? dto.endDate : a.endDate,
    );
    assertAmounts(fund, costItems, requested);
    const values: Partial<FundApplication> = {
      ...(dto.title !== undefined ? { title: dto.title } : {}),
      ...(dto.purpose !== undefined ? { purpose: dto.purpose } : {}),
      ...(dto.fieldOfActionId !== undefined ? { fieldOfActionId: dto.fieldOfActionId } : {}),
      ...(dto.neighbourhoodId !== undefined ? { neighbourhoodId: dto.neighbourhoodId } : {}),
      ...(dto.startDate !== undefined ? { startDate: dto.startDate } : {}),
      ...(dto.endDate !== undefined ? { endDate: dto.endDate } : {}),
      ...(dto.applicantKind !== undefined ? { applicantKind: dto.applicantKind } : {}),
      ...(dto.applicantName !== undefined ? { applicantName: dto.applicantName } : {}),
      ...(dto.proposalId !== undefined ? { proposalId: dto.proposalId } : {}),
      ...(dto.projectIdeaId !== undefined ? { projectIdeaId: dto.projectIdeaId } : {}),
      ...(dto.contact
        ? {
            contactName: dto.contact.name,
            contactEmail: dto.contact.email ?? null,
            contactPhone: dto.contact.phone ?? null,
            contactAddress: dto.contact.address ?? null,
          }
        : {}),
      costItems,
      requestedAmountCents: requested,
    };
    await this.tx.run(async (m) => {
      await assertReferences(m, fund, dto);
      const now = await m.findOneBy(FundApplication, { id });
      if (!now || now.version !== a.version) throw changedMeanwhile();
      await bumpVersion(m, now, values);
    });
    return this.queries.applicationDetail(user, id);
  }

  async remove(user: User, id: string): Promise<void> {
    const a = await this.ownEditable(user, id);
    if (a.state !== ApplicationState.Draft) {
      throw new DomainError(ErrorCode.Conflict, 'Only drafts can be deleted; a submitted application can be withdrawn instead.');
    }
    const files = await this.tx.run(async (m) => {
      const attachments = await m.findBy(FundApplicationAttachment, { applicationId: id });
      const result = await m.delete(FundApplication, { id, version: a.version, state: ApplicationState.Draft });
      if (!result.affected) throw changedMeanwhile();
      return attachments.map((f) => f.id);
    });
    for (const fileId of files) await removeFiles(this.config.uploadDir, fileId);
  }
}
