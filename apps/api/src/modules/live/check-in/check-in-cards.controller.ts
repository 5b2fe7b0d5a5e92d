import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Role } from '@app/shared';
import { CurrentUser, Roles } from '../../../common/auth/decorators';
import { ApiErrors } from '../../../common/http/api-errors';
import { uuidPipe } from '../../../common/http/pipes';
import { LiveBroadcaster } from '../../../realtime/live-broadcaster';
import type { User } from '../../users/user.entity';
import { renderCardSheet, type SheetAssembly } from './card-sheet';
import {
  CardFormatQueryDto,
  CheckInCardListDto,
  CreateCheckInCardsDto,
  DoorCheckInDto,
  IssuedCheckInCardDto,
  IssuedCheckInCardsDto,
  ReplacedCheckInCardDto,
} from './check-in.dto';
import { CheckInCardsService, type CardChange } from './check-in-cards.service';

const PDF_RESPONSE = {
  description: 'With format=pdf: the printable sheet (A4, eight cards a page)',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

/** Personal check-in cards of an assembly: printing, checking in at the door, revoking and replacing. Its moderators only. */
@ApiTags('assemblies')
@Controller('assemblies/:id/check-in-cards')
@Roles(Role.Moderator)
export class CheckInCardsController {
  constructor(
    private readonly cards: CheckInCardsService,
    private readonly broadcaster: LiveBroadcaster,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The check-in cards of an assembly (number, unused/held/revoked, holder) with counts; never their codes' })
  @ApiOkResponse({ type: CheckInCardListDto })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<CheckInCardListDto> {
    return this.cards.list(user, id);
  }

  @Post()
  @ApiOperation({
    summary:
      'New check-in cards (1–300): each admits one person to binding votes. The codes are returned this once (JSON), or as a printable PDF sheet with QR codes (format=pdf)',
  })
  @ApiOkResponse({ type: IssuedCheckInCardsDto })
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse(PDF_RESPONSE)
  @ApiErrors(400, 401, 403, 404, 409)
  async issue(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Query() query: CardFormatQueryDto,
    @Body() dto: CreateCheckInCardsDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IssuedCheckInCardsDto | StreamableFile> {
    const { assembly, cards } = await this.cards.issue(user, id, dto.count);
    this.broadcaster.changed(id, 'moderators');
    if (query.format === 'pdf') return this.sheet(res, assembly, cards);
    res.status(201);
    return { cards };
  }

  @Post('door')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Check a person in at the door: a new card for a participant (binding votes at once) or for the name of a person without a phone; the code is returned this once',
  })
  @ApiOkResponse({ type: IssuedCheckInCardDto })
  @ApiErrors(400, 401, 403, 404, 409)
  async door(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: DoorCheckInDto): Promise<IssuedCheckInCardDto> {
    return this.announce(await this.cards.door(user, id, dto));
  }

  @Post(':cardId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a lost card: its holder loses the right to binding votes at once; the card admits nobody any more' })
  @ApiOkResponse({ type: ReplacedCheckInCardDto })
  @ApiErrors(400, 401, 403, 404, 409)
  async revoke(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Param('cardId', uuidPipe) cardId: string,
  ): Promise<ReplacedCheckInCardDto> {
    return { replacement: this.announce(await this.cards.revoke(user, id, cardId, false)) };
  }

  @Post(':cardId/replace')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace a lost card: revoked, and a new card in the same step (JSON with its code, or a one-card PDF with format=pdf)',
  })
  @ApiOkResponse({ type: ReplacedCheckInCardDto })
  @ApiProduces('application/json', 'application/pdf')
  @ApiErrors(400, 401, 403, 404, 409)
  async replace(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Param('cardId', uuidPipe) cardId: string,
    @Query() query: CardFormatQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReplacedCheckInCardDto | StreamableFile> {
    const replacement = this.announce(await this.cards.revoke(user, id, cardId, true));
    if (query.format === 'pdf' && replacement) return this.sheet(res, await this.cards.assemblyOf(id), [replacement]);
    return { replacement };
  }

  /** The room and the moderators see the new counts; the devices that gained or lost a card re-read their own part. */
  private announce<T>(change: CardChange<T>): T {
    this.broadcaster.changed(change.assemblyId);
    this.broadcaster.meChanged(change.participantIds);
    return change.result;
  }

  private async sheet(res: Response, assembly: SheetAssembly, cards: IssuedCheckInCardDto[]): Promise<StreamableFile> {
    const body = await renderCardSheet(assembly, cards);
    const first = cards[0]?.card.number ?? 0;
    res.status(200);
    res.setHeader('Content-Disposition', `attachment; filename="check-in-karten-${first}-${first + cards.length - 1}.pdf"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(body, { type: 'application/pdf', length: body.length });
  }
}
