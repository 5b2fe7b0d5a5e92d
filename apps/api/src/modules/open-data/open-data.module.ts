import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { SocialReportModule } from '../social-report/social-report.module';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';

/** Public, read-only open-data downloads (CSV, JSON) and their catalogue. */
@Module({
  imports: [SocialReportModule, ExportsModule],
  controllers: [OpenDataController],
  providers: [OpenDataService],
})
export class OpenDataModule {}
