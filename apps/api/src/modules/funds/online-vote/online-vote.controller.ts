import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Role } from '@app/shared';
import { renderCodeSheet } from '../../../common/codes/code-sheet';
import { CurrentUser, Public, Roles } from '../../../common/auth/decorators';
import { ApiErrors } from '../../../common/http/api-errors';
import { addressKey } from '../../../common/http/attempt-limiter';
import { uuidPipe } from '../../../common/http/pipes';
import type { User } from '../../users/user.entity';
import { FundDetailDto } from '../dto/fund.dto';
import { fundTitle } from '../fund.mapper';
import { OnlineBallotsService } from './online-ballots.service';
import {
  CastOnlineBallotDto,
  ConfirmOnlineVoteDto,
  FundOnlineVoteDto,
  IssueOnlineVoteCodesDto,
  OnlineBallotReceiptDto,
  OpenOnlineVoteDto,
} from './online-vote.dto';
import { localTime } from './online-vote-rules';
import { OnlineVoteService } from './online-vote.service';

/** A fund's online budget vote (issue 17): public reading, the area's staff open/print/close/confirm, residents vote. */
@ApiTags('funds')
@Controller('funds/:id/online-vote')
export class OnlineVoteController {
  constructor(
    private readonly votes: OnlineVoteService,
    private readonly ballots: OnlineBallotsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The fund's online vote: period, binding, items, budget, number of ballots; the tally only after the end" })
  @ApiOkResponse({ type: FundOnlineVoteDto })
  @ApiErrors(400, 404)
  get(@CurrentUser() user: User | undefined, @Param('id', uuidPipe) id: string): Promise<FundOnlineVoteDto> {
    return this.votes.view(id, user);
  }

  @Post()
  @Roles(Role.Moderator)
  @ApiOperation({
    summary:
      "Open the fund's online vote over a period on the applications on the agenda, within the fund's remaining money (once per fund)",
  })
  @ApiCreatedResponse({ type: FundOnlineVoteDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  open(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: OpenOnlineVoteDto): Promise<FundOnlineVoteDto> {
    return this.votes.open(user, id, dto);
  }

  @Post('codes')
  @HttpCode(200)
  @Roles(Role.Moderator)
  @ApiOperation({
    summary:
      'New personal voting codes for a binding vote, as a printable PDF sheet with QR codes (codes shown this once, only hashes kept)',
  })
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse({
    description: 'The printable sheet (A4, eight codes a page)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  async codes(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Body() dto: IssueOnlineVoteCodesDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { fund, vote, codes } = await this.votes.issueCodes(user, id, dto.count);
    const body = await renderCodeSheet({
      documentTitle: `Abstimmungscodes – ${fundTitle(fund, fund.area)}`,
      heading: `Online-Abstimmung: ${fundTitle(fund, fund.area)}`,
      subheading: `${localTime(vote.startsAt)} bis ${localTime(vote.endsAt)}`,
      instruction:
        'QR-Code scannen oder Code auf der Abstimmungsseite des Aktionsraumfonds eingeben: Ihre Stimme. Nur eine Person, nicht weitergeben.',
      instructionEn: "Scan the QR code or enter the code on the fund's vote page: your ballot. One person only, do not pass on.",
      cards: codes.map((c) => ({
        code: c.code,
        url: c.url,
        label: `Abstimmungscode Nr. ${c.number}`,
        labelEn: `Voting code no. ${c.number}`,
      })),
    });
    const first = codes[0]?.number ?? 0;
    res.setHeader('Content-Disposition', `attachment; filename="abstimmungscodes-${first}-${first + codes.length - 1}.pdf"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(body, { type: 'application/pdf', length: body.length });
  }

  @Post('ballots')
  @Public()
  @ApiOperation({
    summary:
      'Cast one ballot within the period: approved applications within the budget; binding votes with a personal voting code, consultative ones from a verified account',
  })
  @ApiCreatedResponse({ type: OnlineBallotReceiptDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  cast(
    @CurrentUser() user: User | undefined,
    @Param('id', uuidPipe) id: string,
    @Body() dto: CastOnlineBallotDto,
    @Req() req: Request,
  ): Promise<OnlineBallotReceiptDto> {
    return this.ballots.cast(user, id, dto, addressKey(req.ip));
  }

  @Post('close')
  @HttpCode(200)
  @Roles(Role.Moderator)
  @ApiOperation({ summary: 'End the online vote now (before its end)' })
  @ApiOkResponse({ type: FundOnlineVoteDto })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  close(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<FundOnlineVoteDto> {
    return this.votes.close(user, id);
  }

  @Post('confirm')
  @HttpCode(200)
  @Roles(Role.Moderator)
  @ApiOperation({ summary: "After the end: the allocation by the online votes becomes the fund's decision (mode online), once" })
  @ApiOkResponse({ type: FundDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  confirm(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: ConfirmOnlineVoteDto): Promise<FundDetailDto> {
    return this.votes.confirm(user, id, dto.note ?? null);
  }
}
