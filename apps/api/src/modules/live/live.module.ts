import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AssembliesModule } from '../assemblies/assemblies.module';

/** The live assembly: state, intake, voting, speakers, and the one socket.io gateway (realtime/). */
@Module({
  imports: [AssembliesModule, AuthModule],
  providers: [],
  exports: [],
})
export class LiveModule {}
