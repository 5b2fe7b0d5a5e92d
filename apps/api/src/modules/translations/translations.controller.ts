import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { MachineTranslationInfo } from '@app/shared';
import { Public } from '../../common/auth/decorators';
import { MachineTranslationService } from './machine-translation.service';

export class MachineTranslationInfoDto implements MachineTranslationInfo {
  @ApiProperty({ description: 'A self-hosted translation server is configured (TRANSLATE_URL)' }) enabled: boolean;
}

@ApiTags('translations')
@Controller('translations')
export class TranslationsController {
  constructor(private readonly translation: MachineTranslationService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "Whether people's texts can be machine-translated here" })
  @ApiOkResponse({ type: MachineTranslationInfoDto })
  info(): MachineTranslationInfoDto {
    return { enabled: this.translation.enabled };
  }
}
