import { ApiProperty } from '@nestjs/swagger';
import { PROPOSAL_STATUSES, ProposalStatus } from '@app/shared';
import { MetaContentLicenceDto } from '../../open-data/dto/open-data.dto';
import type { AdminExportProposal, ExportMeta, OpenDataProposal } from '../exports.service';

export class ExportMetaDto implements ExportMeta {
  @ApiProperty({ example: 'Datenlizenz Deutschland – Zero – Version 2.0 (dl-de/zero-2-0)' }) licence: string;
  @ApiProperty({ example: 'https://www.govdata.de/dl-de/zero-2-0' }) licenceUrl: string;
  @ApiProperty({ type: MetaContentLicenceDto, description: 'Licence of the citizens’ texts (title, body): CC BY 4.0 with attribution' })
  contentLicence: MetaContentLicenceDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty() count: number;
}

export class OpenDataProposalDto implements OpenDataProposal {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ example: 'SZ' }) fieldOfActionCode: string;
  @ApiProperty({ example: 'ar-nordmarkt' }) areaCode: string;
  @ApiProperty({ example: 'Nordmarkt' }) areaName: string;
  @ApiProperty() supportCount: number;
  @ApiProperty() commentCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Public explanation of the latest answer, withdrawal or merge' })
  statusExplanation: string | null;
}

export class AdminExportProposalDto extends OpenDataProposalDto implements AdminExportProposal {
  @ApiProperty({ type: String, nullable: true }) authorPseudonym: string | null;
  @ApiProperty() submittedOnBehalf: boolean;
  @ApiProperty({ type: String, nullable: true }) sourceNote: string | null;
}

export class OpenDataExportDto {
  @ApiProperty({ type: ExportMetaDto }) meta: ExportMetaDto;
  @ApiProperty({ type: [OpenDataProposalDto] }) proposals: OpenDataProposalDto[];
}

export class AdminExportDto {
  @ApiProperty({ type: ExportMetaDto }) meta: ExportMetaDto;
  @ApiProperty({ type: [AdminExportProposalDto] }) proposals: AdminExportProposalDto[];
}
