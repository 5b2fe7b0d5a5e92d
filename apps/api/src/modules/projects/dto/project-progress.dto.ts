import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import {
  MILESTONE_TITLE_MAX,
  STATUS_REPORT_TEXT_MAX,
  STATUS_REPORT_TEXT_MIN,
  isCalendarDate,
  type CreateMilestoneRequest,
  type CreateStatusReportRequest,
  type UpdateMilestoneRequest,
} from '@app/shared';
import { NoControlChars, Optional, Trim } from '../../../common/http/dto-fields';

/** A running project's milestones and status reports. */
/** A real calendar day "YYYY-MM-DD" (2026-02-30 is refused with 400). */
const CalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
      defaultMessage: () => '$property must be a calendar date in the form YYYY-MM-DD',
    },
  });

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @ApiProperty({ minLength: 1, maxLength: MILESTONE_TITLE_MAX, example: 'Hochbeete gebaut' })
  @Trim()
  @IsString()
  @Length(1, MILESTONE_TITLE_MAX)
  @NoControlChars()
  title: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-06-30', description: 'Planned date; left out = not dated yet' })
  @Optional()
  @CalendarDate()
  dueDate?: string;
}

export class UpdateMilestoneDto implements UpdateMilestoneRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: MILESTONE_TITLE_MAX })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, MILESTONE_TITLE_MAX)
  @NoControlChars()
  title?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'null clears the date' })
  @ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null)
  @CalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The day it was reached (not in the future); null = open again',
  })
  @ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null)
  @CalendarDate()
  reachedOn?: string | null;
}

export class CreateStatusReportDto implements CreateStatusReportRequest {
  @ApiProperty({
    format: 'date',
    example: '2026-05-31',
    description: 'The day the report describes: not in the future, not before the start',
  })
  @CalendarDate()
  reportDate: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 40, description: 'Whole percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent: number;

  @ApiProperty({ minLength: STATUS_REPORT_TEXT_MIN, maxLength: STATUS_REPORT_TEXT_MAX })
  @Trim()
  @IsString()
  @Length(STATUS_REPORT_TEXT_MIN, STATUS_REPORT_TEXT_MAX)
  @NoControlChars()
  text: string;
}
