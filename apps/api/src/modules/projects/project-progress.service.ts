import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { calendarDate, ErrorCode, PROJECT_STATE_NAMES, ProjectState, type FieldErrorDetail, type ProjectDetail } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import type { CreateMilestoneDto, CreateStatusReportDto, UpdateMilestoneDto } from './dto/project-progress.dto';
import { ProjectMilestoneEntity, ProjectStatusReportEntity, type Project } from './project.entities';
import { ProjectQueriesService } from './project-queries.service';

const unprocessable = (field: string, message: string, rule: string) =>
  new DomainError(ErrorCode.UnprocessableEntity, message, [{ field, messages: [message], rules: [rule] } satisfies FieldErrorDetail]);

/**
 * Milestones and status reports of single projects (transparency on a running project). Moderators
 * of the project's areas and administrators write them, only while the project is a single
 * project; status reports are immutable (a correction is a new report). Every write is audited.
 */
@Injectable()
export class ProjectProgressService {
  constructor(
    @InjectRepository(ProjectMilestoneEntity) private readonly milestones: Repository<ProjectMilestoneEntity>,
    private readonly queries: ProjectQueriesService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async createMilestone(user: User, id: string, dto: CreateMilestoneDto): Promise<ProjectDetail> {
    await this.findRunning(user, id);
    await this.tx.run(async (m) => {
      const saved = await m.save(
        m.create(ProjectMilestoneEntity, { projectId: id, title: dto.title, dueDate: dto.dueDate ?? null, createdById: user.id }),
      );
      await this.audit.record(
        { actorId: user.id, action: 'project.milestone_create', entityType: 'project', entityId: id, details: { milestoneId: saved.id } },
        m,
      );
    });
    return this.queries.get(id);
  }

  async updateMilestone(user: User, id: string, milestoneId: string, dto: UpdateMilestoneDto): Promise<ProjectDetail> {
    await this.findRunning(user, id);
    const milestone = await this.milestones.findOneBy({ id: milestoneId, projectId: id });
    if (!milestone) throw notFound('The milestone');
    if (typeof dto.reachedOn === 'string' && dto.reachedOn > calendarDate(new Date()))
      throw unprocessable('reachedOn', 'A milestone cannot be reached on a day that has not come yet.', 'not_future');
    const changes: Partial<ProjectMilestoneEntity> = {};
    if (dto.title !== undefined) changes.title = dto.title;
    if (dto.dueDate !== undefined) changes.dueDate = dto.dueDate;
    if (dto.reachedOn !== undefined) changes.reachedOn = dto.reachedOn;
    if (Object.keys(changes).length)
      await this.tx.run(async (m) => {
        await m.update(ProjectMilestoneEntity, { id: milestoneId }, changes);
        await this.audit.record(
          {
            actorId: user.id,
            action: 'project.milestone_update',
            entityType: 'project',
            entityId: id,
            details: { milestoneId, fields: Object.keys(changes) },
          },
          m,
        );
      });
    return this.queries.get(id);
  }

  async deleteMilestone(user: User, id: string, milestoneId: string): Promise<ProjectDetail> {
    await this.findRunning(user, id);
    const milestone = await this.milestones.findOneBy({ id: milestoneId, projectId: id });
    if (!milestone) throw notFound('The milestone');
    await this.tx.run(async (m) => {
      await m.delete(ProjectMilestoneEntity, { id: milestoneId });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'project.milestone_delete',
          entityType: 'project',
          entityId: id,
          details: { milestoneId, title: milestone.title },
        },
        m,
      );
    });
    return this.queries.get(id);
  }

  async createStatusReport(user: User, id: string, dto: CreateStatusReportDto): Promise<ProjectDetail> {
    const project = await this.findRunning(user, id);
    const today = calendarDate(new Date());
    if (dto.reportDate > today)
      throw unprocessable(
        'reportDate',
        `A status report describes a day that has come: ${today} (Europe/Berlin) at the latest.`,
        'not_future',
      );
    if (project.startDate && dto.reportDate < project.startDate)
      throw unprocessable(
        'reportDate',
        `A status report cannot describe a day before the project started (${project.startDate}).`,
        'not_before_start',
      );
    await this.tx.run(async (m) => {
      const saved = await m.save(
        m.create(ProjectStatusReportEntity, {
          projectId: id,
          reportDate: dto.reportDate,
          progressPercent: dto.progressPercent,
          text: dto.text,
          actorRole: user.role,
          actorId: user.id,
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'project.status_report',
          entityType: 'project',
          entityId: id,
          details: { reportId: saved.id, reportDate: dto.reportDate, progressPercent: dto.progressPercent },
        },
        m,
      );
    });
    return this.queries.get(id);
  }

  /** The project, if the user acts on it (403) and it is a running single project (409 PROJECT_NOT_RUNNING). */
  private async findRunning(user: User, id: string): Promise<Project> {
    const project = await this.queries.findInScope(user, id);
    if (project.state !== ProjectState.SingleProject)
      throw new DomainError(
        ErrorCode.ProjectNotRunning,
        `Milestones and status reports belong to a running single project; this project is ${PROJECT_STATE_NAMES[project.state]}.`,
      );
    return project;
  }
}
