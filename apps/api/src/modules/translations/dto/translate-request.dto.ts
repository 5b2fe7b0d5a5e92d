import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn } from 'class-validator';
import { LANGUAGES, type Language, type TranslateRequest } from '@app/shared';

/** The body of every POST …/:id/translations (proposals, comments). */
export class TranslateRequestDto implements TranslateRequest {
  @ApiProperty({ enum: LANGUAGES, description: 'The language to read it in' })
  @IsDefined()
  @IsIn(LANGUAGES as string[], { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language: Language;
}
