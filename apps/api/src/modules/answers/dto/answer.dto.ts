import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { ProposalStatus, type AnswerProposalRequest, type AnswerStatus, type MergeProposalRequest } from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';

export const ANSWER_STATUSES: readonly AnswerStatus[] = [
  ProposalStatus.Evaluating,
  ProposalStatus.Accepted,
  ProposalStatus.Rejected,
  ProposalStatus.InProjectIdea,
];
export const EXPLANATION_MIN = 10;
export const EXPLANATION_MAX = 4000;

export class AnswerProposalDto implements AnswerProposalRequest {
  @ApiProperty({ enum: ANSWER_STATUSES, example: ProposalStatus.Evaluating })
  @IsIn(ANSWER_STATUSES as string[], { message: `$property must be one of: ${ANSWER_STATUSES.join(', ')}` })
  status: AnswerStatus;

  @ApiProperty({
    description: 'Public explanation shown in the proposal history and mailed to author and followers',
    minLength: EXPLANATION_MIN,
    maxLength: EXPLANATION_MAX,
    example: 'Das Tiefbauamt prüft bis Ende des Quartals, ob am Nordmarkt Bänke aufgestellt werden können.',
  })
  @Trim()
  @IsString()
  @Length(EXPLANATION_MIN, EXPLANATION_MAX)
  @NoControlChars()
  explanation: string;
}

export class MergeProposalDto implements MergeProposalRequest {
  @ApiProperty({ format: 'uuid', description: 'The proposal this duplicate is merged into' })
  @IsUUID('all')
  intoId: string;

  @ApiPropertyOptional({ description: 'Optional public explanation', maxLength: EXPLANATION_MAX })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, EXPLANATION_MAX)
  @NoControlChars()
  explanation?: string;
}
