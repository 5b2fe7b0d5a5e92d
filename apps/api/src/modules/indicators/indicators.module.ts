import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { AuditModule } from '../audit/audit.module';
import { Indicator, IndicatorTargetEntity, IndicatorValueEntity } from './indicator.entities';
import { IndicatorsController, IndicatorTargetsController } from './indicators.controller';
import { IndicatorImportService } from './indicator-import.service';
import { IndicatorsService } from './indicators.service';

/** Indicators of the social report: definitions, values per area and year, targets, CSV import. */
@Module({
  imports: [TypeOrmModule.forFeature([Indicator, IndicatorValueEntity, IndicatorTargetEntity, Area]), AuditModule],
  controllers: [IndicatorsController, IndicatorTargetsController],
  providers: [IndicatorsService, IndicatorImportService],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
