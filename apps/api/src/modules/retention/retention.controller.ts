import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { RetentionPeriodsResponse } from '@app/shared';
import { Public } from '../../common/auth/decorators';
import { RetentionService } from './retention.service';

class RetentionPeriodsDto implements RetentionPeriodsResponse {
  @ApiProperty({ description: 'Guests’ names and device credentials: days after their assembly closed' }) guestDays: number;
  @ApiProperty({ description: 'Registrations never confirmed: days after registering' }) unverifiedAccountDays: number;
  @ApiProperty({ description: 'Used or expired one-time links: days after use or expiry' }) tokenDays: number;
  @ApiProperty({ description: 'Unsubscribe links in notification mails: days after the mail' }) unsubscribeTokenDays: number;
  @ApiProperty({ description: 'Copies of sent mails: days after sending' }) sentMailDays: number;
  @ApiProperty({ description: 'Session lifetime in hours (deleted when it ends)' }) sessionHours: number;
  @ApiProperty({ description: 'Contact data of a fund application (and a private applicant’s name): years after the application ended' })
  fundContactYears: number;
}

@ApiTags('privacy')
@Controller('privacy')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('retention')
  @Public()
  @ApiOperation({ summary: 'The deletion periods this installation uses (stated on the privacy page)' })
  @ApiOkResponse({ type: RetentionPeriodsDto })
  periods(): RetentionPeriodsDto {
    return this.retention.periods();
  }
}
