import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Length } from 'class-validator';
import type { CreateProjectIdeaRequest, LinkProposalRequest } from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';

/** Starting a project idea and linking proposals to it (the grouping board's commands). */
export const PROJECT_TITLE_MIN = 5;
export const PROJECT_TITLE_MAX = 200;
export const PROJECT_DESCRIPTION_MIN = 20;
export const PROJECT_DESCRIPTION_MAX = 5000;
export const PROJECT_AREAS_MAX = 20;

export class CreateProjectIdeaDto implements CreateProjectIdeaRequest {
  @ApiProperty({ minLength: PROJECT_TITLE_MIN, maxLength: PROJECT_TITLE_MAX, example: 'Sitzgelegenheiten am Nordmarkt' })
  @Trim()
  @IsString()
  @Length(PROJECT_TITLE_MIN, PROJECT_TITLE_MAX)
  @NoControlChars()
  title: string;

  @ApiProperty({ minLength: PROJECT_DESCRIPTION_MIN, maxLength: PROJECT_DESCRIPTION_MAX })
  @Trim()
  @IsString()
  @Length(PROJECT_DESCRIPTION_MIN, PROJECT_DESCRIPTION_MAX)
  @NoControlChars()
  description: string;

  @ApiProperty({ format: 'uuid', description: 'The Handlungsfeld' })
  @IsUUID('all')
  fieldOfActionId: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: PROJECT_AREAS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROJECT_AREAS_MAX)
  @IsUUID('all', { each: true })
  areaIds: string[];
}

export class LinkProposalDto implements LinkProposalRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'An online proposal (exactly one of proposalId and liveProposalId)' })
  @Optional()
  @IsUUID('all')
  proposalId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A proposal made in an assembly' })
  @Optional()
  @IsUUID('all')
  liveProposalId?: string;
}
