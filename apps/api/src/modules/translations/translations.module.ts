import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MachineTranslation } from './machine-translation.entity';
import { MachineTranslationService } from './machine-translation.service';
import { TranslationsController } from './translations.controller';

@Module({
  imports: [TypeOrmModule.forFeature([MachineTranslation])],
  controllers: [TranslationsController],
  providers: [MachineTranslationService],
  exports: [MachineTranslationService],
})
export class TranslationsModule {}
