import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProjectsModule } from '../projects/projects.module';
import { ApplicationProjectService } from './application-project.service';
import { ApplicationProjectController, FundsExportController } from './funds-after.controller';
import { FundsExportService } from './funds-export.service';
import { FundsModule } from './funds.module';

/**
 * After the decision (issue 17): an approved application becomes an Einzelprojekt, and the
 * administrators' export per year. Imported before FundsModule in app.module.ts, so its fixed paths
 * (/api/funds/export.csv) come before the funds controller's /api/funds/:id.
 */
@Module({
  imports: [ProjectsModule, FundsModule, AuditModule],
  controllers: [FundsExportController, ApplicationProjectController],
  providers: [ApplicationProjectService, FundsExportService],
  exports: [ApplicationProjectService],
})
export class FundsAfterModule {}
