import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import type { User } from '../users/user.entity';
import { LanguageReviewDto, LanguageStatusDto } from './dto/language.dto';
import { LanguagesService } from './languages.service';

@ApiTags('languages')
@Controller('languages')
export class LanguagesController {
  constructor(private readonly languages: LanguagesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The ten languages and whether the city has checked each translation' })
  @ApiOkResponse({ type: [LanguageStatusDto] })
  list(): Promise<LanguageStatusDto[]> {
    return this.languages.list();
  }

  @Put(':language/review')
  @Roles(Role.Administrator)
  @ApiOperation({ summary: 'Mark a translation as checked by the city, or not (German is the source and cannot be marked)' })
  @ApiOkResponse({ type: LanguageStatusDto })
  @ApiErrors(400, 401, 403, 404, 422, 429)
  review(@CurrentUser() actor: User, @Param('language') language: string, @Body() dto: LanguageReviewDto): Promise<LanguageStatusDto> {
    return this.languages.setReviewed(actor, language, dto.reviewed);
  }
}
