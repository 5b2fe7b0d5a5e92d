import { Global, Module } from '@nestjs/common';
import { BUDGET_ALLOCATION_HANDLER } from '../live/budget-allocation';
import { FundsBudgetHandler } from './funds-budget-handler';
import { FundsModule } from './funds.module';

/**
 * Provides the live module's budget allocation hook with the Aktionsraumfonds (global: the live module
 * does not import the funds module). A caller may put another in its place
 * (AppModuleOptions.budgetAllocation: a test's recording hook).
 */
@Global()
@Module({
  imports: [FundsModule],
  providers: [FundsBudgetHandler, { provide: BUDGET_ALLOCATION_HANDLER, useExisting: FundsBudgetHandler }],
  exports: [BUDGET_ALLOCATION_HANDLER],
})
export class FundsBudgetLinkModule {}
