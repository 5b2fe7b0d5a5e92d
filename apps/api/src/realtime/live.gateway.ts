import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { isUUID, validate } from 'class-validator';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import {
  ErrorCode,
  LIVE_NAMESPACE,
  MODERATOR_EVENTS,
  SESSION_COOKIE,
  type ApiErrorBody,
  type LiveAck,
  type LiveClientEventName,
  type LiveHandshake,
  type LiveServerEvents,
  type LiveSnapshot,
} from '@app/shared';
import { buildErrorBody, databaseErrorBody } from '../common/errors/all-exceptions.filter';
import { DomainError } from '../common/errors/domain-error';
import { stripPrototypeKeys, structuralProblem, toFieldDetails } from '../common/errors/validation';
import { AssemblyAccessService } from '../modules/assemblies/assembly-access.service';
import type { Participant } from '../modules/live/entities/participant.entity';
import { SessionService } from '../modules/auth/session.service';
import * as dto from '../modules/live/dto/live-events.dto';
import { plainBallotPayload } from '../modules/live/ballot-payload';
import { LiveStateService } from '../modules/live/live-state.service';
import { AssemblyFlowService } from '../modules/live/assembly-flow.service';
import { IntakeService } from '../modules/live/intake.service';
import type { LiveActor } from '../modules/live/live-changes';
import { LiveTranslationsService } from '../modules/live/live-translations.service';
import { SpeakersService } from '../modules/live/speakers.service';
import { BudgetAllocationService } from '../modules/live/budget-allocation';
import { VotingService } from '../modules/live/voting.service';
import type { User } from '../modules/users/user.entity';
import { LiveBroadcaster, moderatorRoomOf, participantRoomOf, roomOf } from './live-broadcaster';

/** Events a connection may send per second before it is told to slow down (moderators drive more). */
export const LIVE_EVENTS_PER_SECOND = 20;
export const MODERATOR_EVENTS_PER_SECOND = 60;

/**
 * What a connection's socket.data holds (the broadcaster reads it to count who is connected, and
 * tells other processes the participant ids): the assembly and the participant, nothing else.
 */
export interface LiveSocketData {
  assemblyId: string;
  participantId: string | null;
}

/** What the handshake established about a connection (kept in this process only). */
interface LiveContext {
  assemblyId: string;
  user: User | null;
  participant: Participant | null;
  participantId: string | null;
  isModerator: boolean;
  readOnly: boolean;
  rate: { windowStart: number; count: number };
}

type LiveSocket = Socket<DefaultEventsMap, LiveServerEvents, DefaultEventsMap, LiveSocketData>;

/** The value of one cookie from a Cookie header. */
function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

interface Handler {
  payload: ClassConstructor<object>;
  /** false: live:sync only reads. */
  mutates: boolean;
  run(actor: LiveActor, payload: never, socket: LiveSocket): Promise<unknown>;
}

/** A refused handshake: socket.io-client gets `connect_error` with `message` and `data` (the error body). */
function connectError(code: ErrorCode, status: number, message: string): Error & { data: ApiErrorBody } {
  const error = new Error(message) as Error & { data: ApiErrorBody };
  error.data = buildErrorBody(status, code, message);
  return error;
}

/**
 * The one socket.io gateway of live assemblies (namespace /live). The handshake names the assembly
 * and proves who connects (session cookie and/or guest credential); every client event is
 * validated, permission-checked and acknowledged with a LiveAck; state goes out coalesced.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('LiveGateway');
  @WebSocketServer() private readonly server!: Namespace;
  private readonly handlers: Record<LiveClientEventName, Handler>;
  private readonly contexts = new WeakMap<LiveSocket, LiveContext>();

  constructor(
    private readonly sessions: SessionService,
    private readonly access: AssemblyAccessService,
    private readonly flow: AssemblyFlowService,
    private readonly intake: IntakeService,
    private readonly voting: VotingService,
    private readonly allocation: BudgetAllocationService,
    private readonly translations: LiveTranslationsService,
    private readonly speakers: SpeakersService,
    private readonly liveState: LiveStateService,
    private readonly broadcaster: LiveBroadcaster,
  ) {
    const h = <T extends object>(
      payload: ClassConstructor<T>,
      run: (actor: LiveActor, p: T, socket: LiveSocket) => Promise<unknown>,
      mutates = true,
    ): Handler => ({
      payload,
      mutates,
      run: run as Handler['run'],
    });
    this.handlers = {
      'live:sync': h(dto.EmptyPayloadDto, (actor) => this.snapshot(actor), false),
      'proposal:submit': h(dto.SubmitProposalPayloadDto, (a, p, socket) =>
        this.intake.submitProposal(a, p, socket.handshake.headers['accept-language']),
      ),
      'proposal:support': h(dto.SupportPayloadDto, (a, p) => this.intake.support(a, p.proposalId, p.support)),
      'ballot:cast': h(dto.CastBallotPayloadDto, (a, p) => this.voting.castBallot(a, p)),
      'speaker:request': h(dto.EmptyPayloadDto, (a) => this.speakers.requestSpeaker(a)),
      'speaker:withdraw': h(dto.EmptyPayloadDto, (a) => this.speakers.withdrawSpeaker(a)),
      'assembly:set-status': h(dto.SetStatusPayloadDto, (a, p) => this.flow.setStatus(a, p.status)),
      'item:set': h(dto.SetItemPayloadDto, (a, p) => this.flow.setItem(a, p.agendaItemId)),
      'item:add': h(dto.AddItemPayloadDto, (a, p) => this.flow.addItem(a, p)),
      'item:translation': h(dto.ItemTranslationPayloadDto, (a, p) => this.translations.setItemTranslation(a, p)),
      'projector:language': h(dto.ProjectorLanguagePayloadDto, (a, p) => this.translations.setProjectorLanguage(a, p.language)),
      'intake:set': h(dto.IntakePayloadDto, (a, p) => this.intake.setIntake(a, p.open)),
      'proposal:moderate': h(dto.ModeratePayloadDto, (a, p) => this.intake.moderateProposal(a, p.proposalId, p.decision)),
      'proposal:on-behalf': h(dto.OnBehalfPayloadDto, (a, p) => this.intake.proposalOnBehalf(a, p)),
      'round:create': h(dto.CreateRoundPayloadDto, (a, p) => this.voting.createRound(a, p)),
      'round:translation': h(dto.RoundTranslationPayloadDto, (a, p) => this.translations.setRoundTranslation(a, p)),
      'round:open': h(dto.RoundIdPayloadDto, (a, p) => this.voting.openRound(a, p.roundId)),
      'round:start-prepared': h(dto.AgendaItemIdPayloadDto, (a, p) => this.voting.startPrepared(a, p.agendaItemId)),
      'round:close': h(dto.RoundIdPayloadDto, (a, p) => this.voting.closeRound(a, p.roundId)),
      'round:publish': h(dto.RoundIdPayloadDto, (a, p) => this.voting.publishRound(a, p.roundId)),
      'round:hall-tally': h(dto.HallTallyPayloadDto, (a, p) => this.voting.hallTally(a, p)),
      'round:confirm-allocation': h(dto.RoundIdPayloadDto, (a, p) => this.allocation.confirm(a, p.roundId)),
      'round:show': h(dto.RoundIdPayloadDto, (a, p) => this.flow.showRound(a, p.roundId)),
      'speaker:start': h(dto.SpeakerIdPayloadDto, (a, p) => this.speakers.startSpeaker(a, p.speakerId)),
      'speaker:stop': h(dto.EmptyPayloadDto, (a) => this.speakers.stopCurrentSpeaker(a)),
      'speaker:order': h(dto.OrderSpeakersPayloadDto, (a, p) => this.speakers.orderSpeakers(a, p.speakerIds)),
      'speaker:time-limit': h(dto.TimeLimitPayloadDto, (a, p) => this.speakers.setTimeLimit(a, p.seconds)),
    };
  }

  afterInit(server: Namespace): void {
    this.broadcaster.attach(server);
    server.use((socket, next) => {
      this.authenticate(socket as LiveSocket).then(
        () => next(),
        (error: unknown) => next(this.refusal(error)),
      );
    });
  }

  onModuleDestroy(): void {
    this.broadcaster.stop();
  }

  private refusal(error: unknown): Error {
    if (error instanceof DomainError) {
      const e = connectError(error.code, error.status, error.message);
      return e;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return connectError(ErrorCode.Internal, 500, 'Something went wrong on our side. Please try again later.');
  }

  /** Handshake: the assembly, the account (session cookie) and/or the guest credential. */
  private async authenticate(socket: LiveSocket): Promise<void> {
    const auth = (socket.handshake.auth ?? {}) as Partial<LiveHandshake>;
    if (typeof auth.assemblyId !== 'string' || !isUUID(auth.assemblyId))
      throw new DomainError(ErrorCode.ValidationFailed, 'The handshake needs auth.assemblyId (the id of the assembly).');
    if (auth.guestToken !== undefined && (typeof auth.guestToken !== 'string' || auth.guestToken.length > 200))
      throw new DomainError(ErrorCode.ValidationFailed, 'auth.guestToken must be the device credential from joining.');
    if (auth.mode !== undefined && auth.mode !== 'participant' && auth.mode !== 'projector')
      throw new DomainError(ErrorCode.ValidationFailed, "auth.mode must be 'participant' or 'projector'.");
    const assembly = await this.access.find(auth.assemblyId);

    let user: User | null = null;
    const header = socket.handshake.headers.cookie;
    if (header) {
      const sid = cookieValue(header, SESSION_COOKIE);
      if (sid && sid.length < 200) user = (await this.sessions.resolve(sid))?.user ?? null;
    }
    const guestToken = auth.guestToken || null;
    let participant: Participant | null = null;
    if (guestToken) {
      participant = await this.access.participantFor(assembly.id, { guestToken });
      // A credential of another assembly (or an outdated one) grants nothing here.
      if (!participant || (participant.userId && participant.userId !== user?.id))
        throw new DomainError(ErrorCode.TokenInvalid, 'This guest access is not valid for this assembly. Please join again.');
    }
    if (!participant && user) participant = await this.access.participantFor(assembly.id, { user });
    const readOnly = auth.mode === 'projector';
    const context: LiveContext = {
      assemblyId: assembly.id,
      user,
      participant: readOnly ? null : participant,
      participantId: readOnly ? null : (participant?.id ?? null),
      isModerator: !readOnly && this.access.moderates(user, assembly),
      readOnly,
      rate: { windowStart: 0, count: 0 },
    };
    this.contexts.set(socket, context);
    socket.data = { assemblyId: context.assemblyId, participantId: context.participantId };
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const data = this.contexts.get(socket);
    if (!data) {
      socket.disconnect(true);
      return;
    }
    for (const event of Object.keys(this.handlers) as LiveClientEventName[]) {
      socket.on(event, (...args: unknown[]) => void this.dispatch(socket, event, args));
    }
    const rooms = [roomOf(data.assemblyId)];
    if (data.isModerator) rooms.push(moderatorRoomOf(data.assemblyId));
    if (data.participantId) rooms.push(participantRoomOf(data.participantId));
    await socket.join(rooms);
    try {
      const built = await this.broadcaster.get(data.assemblyId);
      socket.emit('live:state', { ...built.state, serverTime: new Date().toISOString() });
      if (data.isModerator) socket.emit('live:moderator', await this.broadcaster.moderatorState(data.assemblyId, built));
    } catch (error) {
      this.logger.warn(`Initial state for ${data.assemblyId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (data.participantId) this.broadcaster.recount(data.assemblyId);
  }

  handleDisconnect(socket: LiveSocket): void {
    const data = this.contexts.get(socket);
    if (data?.participantId) this.broadcaster.recount(data.assemblyId);
  }

  private async snapshot(actor: LiveActor): Promise<LiveSnapshot> {
    const [state, me, moderator] = await Promise.all([
      this.broadcaster.state(actor.assemblyId),
      this.liveState.me(actor.assemblyId, actor.participant, actor.isModerator),
      actor.isModerator ? this.broadcaster.moderatorState(actor.assemblyId) : Promise.resolve(null),
    ]);
    return { state, me, moderator };
  }

  /** Runs one client event: rate limit, payload, permission, the command, and the one ack. */
  private async dispatch(socket: LiveSocket, event: LiveClientEventName, args: unknown[]): Promise<void> {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: LiveAck<unknown>) => void) : () => undefined;
    const raw = typeof last === 'function' ? args.slice(0, -1) : args;
    const fail = (body: ApiErrorBody) => ack({ ok: false, error: body });
    try {
      const data = this.contexts.get(socket);
      if (!data) return;
      const now = Date.now();
      if (now - data.rate.windowStart >= 1000) data.rate = { windowStart: now, count: 0 };
      if (++data.rate.count > (data.isModerator ? MODERATOR_EVENTS_PER_SECOND : LIVE_EVENTS_PER_SECOND))
        return fail(buildErrorBody(429, ErrorCode.RateLimited, 'Too many actions at once. Please wait a moment and try again.'));

      const handler = this.handlers[event];
      const payload = await this.payload(handler.payload, raw[0]);
      if (event !== 'live:sync') {
        if (data.readOnly) throw new DomainError(ErrorCode.Forbidden, 'The projector view only shows the assembly; it cannot act.');
        if (MODERATOR_EVENTS.includes(event) && !data.isModerator)
          throw new DomainError(ErrorCode.Forbidden, 'Only the moderators of this assembly (and administrators) can do this.');
      }
      // Accounts that joined (over REST) after connecting are found now.
      if (!data.participant && data.user && !data.readOnly) {
        data.participant = await this.access.participantFor(data.assemblyId, { user: data.user });
        if (data.participant) {
          data.participantId = data.participant.id;
          socket.data.participantId = data.participant.id;
          this.broadcaster.recount(data.assemblyId);
        }
      }
      const actor: LiveActor = {
        assemblyId: data.assemblyId,
        user: data.user,
        participant: data.participant,
        isModerator: data.isModerator,
      };
      const result = await handler.run(actor, payload as never, socket);
      if (handler.mutates) this.broadcaster.changed(data.assemblyId);
      ack({ ok: true, data: result });
    } catch (error) {
      fail(this.errorBody(error, event));
    }
  }

  private async payload(type: ClassConstructor<object>, raw: unknown): Promise<object> {
    const value = raw === undefined ? {} : raw;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new DomainError(ErrorCode.ValidationFailed, 'The payload must be an object.');
    const problem = structuralProblem(value);
    if (problem) throw new DomainError(ErrorCode.ValidationFailed, `Please check this field: ${problem.field}.`, [problem]);
    stripPrototypeKeys(value);
    const ballot = type === dto.CastBallotPayloadDto ? plainBallotPayload(value) : null;
    if (ballot) return ballot;
    if (type === dto.EmptyPayloadDto) {
      const extra = Object.keys(value);
      if (extra.length)
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `Please check these fields: ${extra.join(', ')}.`,
          extra.map((field) => ({ field, messages: [`property ${field} should not exist`], rules: ['whitelistValidation'] })),
        );
      return {};
    }
    const instance = plainToInstance(type, value);
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
    if (errors.length) {
      const details = toFieldDetails(errors);
      const fields = [...new Set(details.map((d) => d.field))].join(', ');
      throw new DomainError(ErrorCode.ValidationFailed, `Please check these fields: ${fields}.`, details);
    }
    return instance;
  }

  private errorBody(error: unknown, event: string): ApiErrorBody {
    if (error instanceof DomainError) return buildErrorBody(error.status, error.code, error.message, error.details);
    const databaseError = databaseErrorBody(error);
    if (databaseError) return databaseError;
    this.logger.error(`${event}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return buildErrorBody(500, ErrorCode.Internal, 'Something went wrong on our side. Please try again later.');
  }
}
