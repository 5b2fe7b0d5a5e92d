import { Module } from '@nestjs/common';
import { AssembliesModule } from '../assemblies/assemblies.module';

/** Minutes of an assembly, generated from its event log (Markdown and PDF, German and English). */
@Module({
  imports: [AssembliesModule],
  controllers: [],
  providers: [],
})
export class MinutesModule {}
