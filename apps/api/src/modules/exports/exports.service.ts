import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import {
  CITIZEN_TEXT_LICENCE_COLUMNS,
  OPEN_DATA_LICENCE,
  OPEN_DATA_LICENCE_URL,
  ProposalStatus,
  type OpenDataProposalRecord,
} from '@app/shared';
import { writeCsvRecords } from '../../common/http/csv';
import { CITIZEN_TEXT } from '../open-data/datasets';
import { ProposalStatusEventEntity } from '../proposals/proposal-status-event.entity';
import { Proposal } from '../proposals/proposal.entity';

/**
 * One proposal as open data: no person, no internal note. The open-data catalogue's proposals
 * dataset (OpenDataProposalRecord) is the same selection without the two extra columns.
 */
export interface OpenDataProposal extends OpenDataProposalRecord {
  areaName: string;
  /** The public explanation of the latest answer, withdrawal or merge; null when there is none. */
  statusExplanation: string | null;
}

/** What administrators get on top (never in the public file). */
export interface AdminExportProposal extends OpenDataProposal {
  authorPseudonym: string | null;
  submittedOnBehalf: boolean;
  sourceNote: string | null;
}

export interface ExportMeta {
  licence: string;
  licenceUrl: string;
  /** Titles and bodies are the citizens' works: their licence (as in the open-data proposals dataset). */
  contentLicence: { licence: string; licenceUrl: string; attribution: string; columns: string[] };
  generatedAt: string;
  count: number;
}

const PUBLIC_COLUMNS: Array<keyof OpenDataProposal> = [
  'id',
  'title',
  'body',
  'status',
  'fieldOfActionCode',
  'areaCode',
  'areaName',
  'supportCount',
  'commentCount',
  'createdAt',
  'statusExplanation',
];
const ADMIN_COLUMNS: Array<keyof AdminExportProposal> = [...PUBLIC_COLUMNS, 'authorPseudonym', 'submittedOnBehalf', 'sourceNote'];

@Injectable()
export class ExportsService {
  constructor(
    @InjectRepository(Proposal) private readonly proposals: Repository<Proposal>,
    @InjectRepository(ProposalStatusEventEntity) private readonly events: Repository<ProposalStatusEventEntity>,
  ) {}

  meta(count: number): ExportMeta {
    return {
      licence: OPEN_DATA_LICENCE,
      licenceUrl: OPEN_DATA_LICENCE_URL,
      contentLicence: { ...CITIZEN_TEXT, columns: ['title', 'body'] },
      generatedAt: new Date().toISOString(),
      count,
    };
  }

  /**
   * Every visible proposal as open data, oldest first (a stable order makes two exports easy to
   * compare). The one definition of what is public of a proposal; the open-data catalogue's
   * proposals dataset uses it too.
   */
  async publicRecords(): Promise<OpenDataProposalRecord[]> {
    return (await this.visible(false)).map(toRecord);
  }

  private visible(withAuthor: boolean): Promise<Proposal[]> {
    const qb = this.proposals
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.fieldOfAction', 'f')
      .innerJoinAndSelect('p.area', 'a')
      .where('p.hiddenAt IS NULL')
      .orderBy('p.createdAt', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (withAuthor) qb.leftJoinAndSelect('p.author', 'u');
    return qb.getMany();
  }

  /** The public records plus area name and latest explanation; administrators also get the author fields. */
  async rows(admin: boolean): Promise<AdminExportProposal[] | OpenDataProposal[]> {
    const proposals = await this.visible(admin);
    const explanations = await this.latestExplanations(proposals.map((p) => p.id));
    return proposals.map((p) => {
      const row: OpenDataProposal = {
        ...toRecord(p),
        areaName: p.area.name,
        statusExplanation: explanations.get(p.id) ?? null,
      };
      if (!admin) return row;
      return {
        ...row,
        authorPseudonym: p.author && !p.author.deletedAt ? p.author.displayName : null,
        submittedOnBehalf: p.authorId === null || p.authorId !== p.submittedById,
        sourceNote: p.sourceNote,
      };
    });
  }

  /**
   * The latest public explanation per proposal. The "submitted" event is left out on purpose: for
   * input entered on behalf it carries the source note, which is not open data.
   */
  private async latestExplanations(ids: string[]): Promise<Map<string, string | null>> {
    const latest = new Map<string, string | null>();
    for (let i = 0; i < ids.length; i += 500) {
      const events = await this.events.find({
        where: { proposalId: In(ids.slice(i, i + 500)), status: Not(ProposalStatus.Submitted) },
        select: ['proposalId', 'explanation', 'createdAt'],
        order: { createdAt: 'ASC' },
      });
      for (const e of events) latest.set(e.proposalId, e.explanation);
    }
    return latest;
  }

  async json(admin: boolean): Promise<{ meta: ExportMeta; proposals: OpenDataProposal[] }> {
    const proposals = await this.rows(admin);
    return { meta: this.meta(proposals.length), proposals };
  }

  /**
   * RFC 4180 CSV with a header row. Licence and generation time are ordinary columns on every row
   * ("licence", "licenceUrl", "generatedAt") rather than "#" comment lines: comment lines are not
   * part of RFC 4180, and strict readers, spreadsheet imports and the CSV previews of CKAN-based
   * portals such as GovData would read them as data; a separate metadata file gets separated
   * from the data. Columns keep the licence in the file and every CSV reader parses it. The same
   * values travel in the JSON export's "meta" and in the response headers. Text a spreadsheet
   * would run as a formula is neutralised by the platform's one CSV writer (common/http/csv),
   * because officials open these files in spreadsheets; the JSON is verbatim.
   */
  async csv(admin: boolean): Promise<{ meta: ExportMeta; body: string }> {
    const proposals = (await this.rows(admin)) as unknown as Array<Record<string, unknown>>;
    const meta = this.meta(proposals.length);
    const columns = [...(admin ? ADMIN_COLUMNS : PUBLIC_COLUMNS), 'licence', 'licenceUrl', 'generatedAt', ...CITIZEN_TEXT_LICENCE_COLUMNS];
    const text = { textLicence: CITIZEN_TEXT.licence, textLicenceUrl: CITIZEN_TEXT.licenceUrl, textAttribution: CITIZEN_TEXT.attribution };
    const body = writeCsvRecords<Record<string, unknown>>(
      columns,
      proposals.map((p) => ({ ...p, licence: meta.licence, licenceUrl: meta.licenceUrl, generatedAt: meta.generatedAt, ...text })),
    );
    return { meta, body };
  }
}

function toRecord(p: Proposal): OpenDataProposalRecord {
  return {
    id: p.id,
    title: p.title,
    body: p.body,
    status: p.status,
    fieldOfActionCode: p.fieldOfAction.code,
    areaCode: p.area.code,
    supportCount: p.supportCount,
    commentCount: p.commentCount,
    createdAt: p.createdAt.toISOString(),
  };
}
