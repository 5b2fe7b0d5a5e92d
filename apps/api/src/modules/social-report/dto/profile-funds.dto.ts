import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATES, type ApplicationState } from '@app/shared/funds';
import { PROJECT_STATES, type ProfileFundedApplication, type ProfileFundItem, type ProfileFunds, type ProjectState } from '@app/shared';

class ProfileFundItemDto implements ProfileFundItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 'Aktionsraumfonds Hafen 2026' }) title: string;
  @ApiProperty({ description: 'Cents', example: 500000 }) amountCents: number;
  @ApiProperty({ description: 'Cents approved to applications that still commit money' }) approvedCents: number;
  @ApiProperty({ description: 'Cents paid' }) paidCents: number;
  @ApiProperty({ description: 'Cents paid but not spent (back in the fund)' }) returnedCents: number;
  @ApiProperty({ description: 'amount − approved + returned, in cents' }) remainingCents: number;
  @ApiProperty() decided: boolean;
}

class ProfileProjectRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROJECT_STATES }) state: ProjectState;
}

class ProfileFundedApplicationDto implements ProfileFundedApplication {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, description: 'Public name of who applied; null when a private person’s name was erased' })
  applicantName: string | null;
  @ApiProperty({ enum: APPLICATION_STATES }) state: ApplicationState;
  @ApiProperty({ description: 'Cents' }) approvedAmountCents: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Cents' }) paidAmountCents: number | null;
  @ApiProperty({ type: ProfileProjectRefDto, nullable: true, description: 'The Einzelprojekt it became' })
  project: ProfileProjectRefDto | null;
}

export class ProfileFundsDto implements ProfileFunds {
  @ApiProperty({ type: [ProfileFundItemDto], description: 'The area’s Aktionsraumfonds, newest year first' }) items: ProfileFundItemDto[];
  @ApiProperty({ type: [ProfileFundedApplicationDto], description: 'Applications approved or later, with the project they became' })
  financed: ProfileFundedApplicationDto[];
}
