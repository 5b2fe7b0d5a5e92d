import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Language, LANGUAGES } from '@app/shared';

export class MinutesQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, default: Language.German, description: 'Language of the minutes (default German)' })
  @IsOptional()
  @IsIn(LANGUAGES as string[], { message: `lang must be one of: ${LANGUAGES.join(', ')}` })
  lang?: Language;
}
