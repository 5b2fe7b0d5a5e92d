import { Module } from '@nestjs/common';
import { LiveBroadcaster } from '../../realtime/live-broadcaster';
import { LiveGateway } from '../../realtime/live.gateway';
import { AuthModule } from '../auth/auth.module';
import { AssembliesModule } from '../assemblies/assemblies.module';
import { CheckInCardsController } from './check-in/check-in-cards.controller';
import { CheckInCardsService } from './check-in/check-in-cards.service';
import { JoinService } from './join.service';
import { LiveStateService } from './live-state.service';
import { LiveController } from './live.controller';
import { AssemblyFlowService } from './assembly-flow.service';
import { BallotWriter } from './ballot-writer';
import { BudgetAllocationService } from './budget-allocation';
import { IntakeService } from './intake.service';
import { LiveChanges } from './live-changes';
import { LiveMapper } from './live.mapper';
import { LiveTranslationsService } from './live-translations.service';
import { SpeakersService } from './speakers.service';
import { VotingService } from './voting.service';

/** The live assembly: state, intake, voting, speakers, and the one socket.io gateway (realtime/). */
@Module({
  imports: [AssembliesModule, AuthModule],
  controllers: [LiveController, CheckInCardsController],
  providers: [
    LiveMapper,
    LiveStateService,
    LiveChanges,
    AssemblyFlowService,
    IntakeService,
    VotingService,
    BudgetAllocationService,
    LiveTranslationsService,
    BallotWriter,
    SpeakersService,
    JoinService,
    CheckInCardsService,
    LiveBroadcaster,
    LiveGateway,
  ],
  exports: [LiveStateService, LiveBroadcaster],
})
export class LiveModule {}
