import { Module } from '@nestjs/common';
import { ConsistencyCheckService } from './consistency-check.service';

/** Start-up checks of the data's own invariants (stored counts equal to their rows). */
@Module({ providers: [ConsistencyCheckService], exports: [ConsistencyCheckService] })
export class IntegrityModule {}
