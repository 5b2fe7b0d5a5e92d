import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { Indicator, IndicatorTargetEntity, IndicatorValueEntity } from '../indicators/indicator.entities';
import { ParticipationService } from './participation.service';
import { SocialReportController } from './social-report.controller';
import { SocialReportService } from './social-report.service';

/** Area profile, city overview and participation statistics: public and read-only. */
@Module({
  imports: [TypeOrmModule.forFeature([Area, Indicator, IndicatorValueEntity, IndicatorTargetEntity])],
  controllers: [SocialReportController],
  providers: [SocialReportService, ParticipationService],
  exports: [SocialReportService, ParticipationService],
})
export class SocialReportModule {}
