import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, type PipeTransform } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@app/shared';
import { APPLICATION_TRANSITION_IDS } from '@app/shared/funds';
import { CurrentUser, Public } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors';
import { uuidPipe } from '../../common/http/pipes';
import type { User } from '../users/user.entity';
import { ApplicationCommandsService } from './application-commands.service';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationDetailDto, ApplicationTransitionInputDto, MyApplicationSummaryDto, UpdateApplicationDto } from './dto/application.dto';
import { FundQueriesService } from './fund-queries.service';

/** A transition id is lower-case letters and underscores (an unknown but well-formed one is a 404 from the model). */
class TransitionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z_]{1,60}$/.test(value)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The transition id in the address is not valid.', [
        { field: 'transitionId', messages: ['transitionId must be lower-case letters and underscores'] },
      ]);
    }
    return value;
  }
}

@ApiTags('funds')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly queries: FundQueriesService,
    private readonly commands: ApplicationCommandsService,
    private readonly workflow: ApplicationWorkflowService,
  ) {}

  @Get('mine')
  @ApiOperation({ summary: 'My applications (drafts included), newest first, each with its state and last step' })
  @ApiOkResponse({ type: [MyApplicationSummaryDto] })
  @ApiErrors(401)
  mine(@CurrentUser() user: User): Promise<MyApplicationSummaryDto[]> {
    return this.queries.mine(user);
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary:
      'An application with its public timeline; drafts only for the applicant and administrators, contact data only for the applicant and staff',
  })
  @ApiOkResponse({ type: ApplicationDetailDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidPipe) id: string, @Req() req: AuthenticatedRequest): Promise<ApplicationDetailDto> {
    return this.queries.applicationDetail(req.user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change my application while it is a draft or returned (409 after submission)' })
  @ApiOkResponse({ type: ApplicationDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  update(@CurrentUser() user: User, @Param('id', uuidPipe) id: string, @Body() dto: UpdateApplicationDto): Promise<ApplicationDetailDto> {
    return this.commands.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete my draft (a submitted application is withdrawn instead)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 401, 403, 404, 409, 429)
  async remove(@CurrentUser() user: User, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.commands.remove(user, id);
  }

  @Post(':id/transitions/:transitionId')
  @HttpCode(200)
  @ApiParam({ name: 'transitionId', enum: APPLICATION_TRANSITION_IDS, description: 'A well-formed but unknown id is answered with 404' })
  @ApiOperation({
    summary: 'Move an application (submit, check, return, put on the agenda, approve, reject, pay, proof of use, close, withdraw)',
  })
  @ApiOkResponse({ type: ApplicationDetailDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  transition(
    @CurrentUser() user: User,
    @Param('id', uuidPipe) id: string,
    @Param('transitionId', new TransitionIdPipe()) transitionId: string,
    @Body() input: ApplicationTransitionInputDto,
  ): Promise<ApplicationDetailDto> {
    return this.workflow.transition(user, id, transitionId, input);
  }
}
