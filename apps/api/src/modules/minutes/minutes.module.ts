import { Module } from '@nestjs/common';
import { AssembliesModule } from '../assemblies/assemblies.module';
import { MinutesController } from './minutes.controller';
import { MinutesService } from './minutes.service';

/** Minutes of an assembly, generated from its event log (Markdown and PDF, German and English). */
@Module({
  imports: [AssembliesModule],
  controllers: [MinutesController],
  providers: [MinutesService],
})
export class MinutesModule {}
