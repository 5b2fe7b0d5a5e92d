import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { GroupingBoardQuery, GroupingBoardResponse, GroupingCandidate, GroupingIdea, GroupingSuggestion } from '@app/shared';
import { Optional } from '../../../common/http/dto-fields';
import { ProjectLinkedProposalDto, ProjectSummaryDto } from './project.dto';

/** The grouping board: which open proposals could join which project ideas. */
export class GroupingBoardQueryDto implements GroupingBoardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'An area (and its sub-areas); exactly one of areaId and assemblyId' })
  @Optional()
  @IsUUID('all')
  areaId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An assembly (its approved live proposals)' })
  @Optional()
  @IsUUID('all')
  assemblyId?: string;
}

export class GroupingSuggestionDto implements GroupingSuggestion {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() title: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
}

export class GroupingCandidateDto implements GroupingCandidate {
  @ApiProperty({ enum: ['proposal', 'live_proposal'] }) kind: 'proposal' | 'live_proposal';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() excerpt: string;
  @ApiProperty({ type: String, nullable: true }) areaName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fieldOfActionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assemblyId: string | null;
  @ApiProperty() supportCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [GroupingSuggestionDto], description: 'At most 3, best first' }) suggestions: GroupingSuggestionDto[];
}

export class GroupingIdeaDto implements GroupingIdea {
  @ApiProperty({ type: ProjectSummaryDto }) project: ProjectSummaryDto;
  @ApiProperty({ type: [ProjectLinkedProposalDto] }) proposals: ProjectLinkedProposalDto[];
}

export class GroupingBoardResponseDto implements GroupingBoardResponse {
  @ApiProperty({ type: [GroupingCandidateDto] }) candidates: GroupingCandidateDto[];
  @ApiProperty({ type: [GroupingIdeaDto] }) ideas: GroupingIdeaDto[];
}
