import { ApiProperty } from '@nestjs/swagger';
import type { FundAreaRef, FundBalance, FundSummary } from '@app/shared/funds';

export class FundAreaRefDto implements FundAreaRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class FundBalanceDto implements FundBalance {
  @ApiProperty({ type: 'integer' }) amountCents: number;
  @ApiProperty({ type: 'integer', description: 'Approved to applications that still commit money' }) approvedCents: number;
  @ApiProperty({ type: 'integer' }) paidCents: number;
  @ApiProperty({ type: 'integer', description: 'Paid but not spent (closed proofs of use)' }) returnedCents: number;
  @ApiProperty({ type: 'integer', description: 'amount − approved + returned' }) remainingCents: number;
}

export class FundSummaryDto implements FundSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: FundAreaRefDto }) area: FundAreaRefDto;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ example: 'Aktionsraumfonds Nordmarkt 2026' }) title: string;
  @ApiProperty({ type: 'integer' }) maxPerApplicationCents: number;
  @ApiProperty({ format: 'date' }) applicationStart: string;
  @ApiProperty({ format: 'date' }) applicationEnd: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) conferenceDate: string | null;
  @ApiProperty({ description: 'Today lies within the application period' }) open: boolean;
  @ApiProperty() decided: boolean;
  @ApiProperty({ type: FundBalanceDto }) balance: FundBalanceDto;
  @ApiProperty({ type: 'integer', description: 'Public applications (not drafts)' }) applicationCount: number;
}
