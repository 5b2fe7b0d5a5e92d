import { ApiProperty } from '@nestjs/swagger';
import type { FollowResponse, UnsubscribeRequest } from '@app/shared';
import { TokenField } from '../../../common/http/dto-fields';

export class FollowResponseDto implements FollowResponse {
  @ApiProperty({ description: 'Whether the person gets mails about this proposal' }) following: boolean;
}

export class UnsubscribeDto implements UnsubscribeRequest {
  @TokenField() token: string;
}
