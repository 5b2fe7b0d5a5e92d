import { Role } from '@app/shared';
import { Route, Routes } from 'react-router';
import { RequireAuth, RequireRole } from './guards';
import { AppLayout } from './layout/AppLayout';
import { AccessibilityRoute } from './routes/AccessibilityRoute';
import { AccountRoute } from './routes/AccountRoute';
import { AssembliesRoute } from './routes/AssembliesRoute';
import { AssemblyDetailRoute } from './routes/AssemblyDetailRoute';
import { AssemblyEditRoute } from './routes/AssemblyEditRoute';
import { JoinRoute } from './routes/JoinRoute';
import { LiveConsoleRoute } from './routes/LiveConsoleRoute';
import { LiveRoute } from './routes/LiveRoute';
import { ProjectorRoute } from './routes/ProjectorRoute';
import { AdminAreaEditRoute } from './routes/AdminAreaEditRoute';
import { AdminAreasRoute } from './routes/AdminAreasRoute';
import { AdminFieldOfActionEditRoute } from './routes/AdminFieldOfActionEditRoute';
import { AdminFieldsOfActionRoute } from './routes/AdminFieldsOfActionRoute';
import { AdminHomeRoute } from './routes/AdminHomeRoute';
import { AdminMailsRoute } from './routes/AdminMailsRoute';
import { AdminUsersRoute } from './routes/AdminUsersRoute';
import { ForgotPasswordRoute } from './routes/ForgotPasswordRoute';
import { HomeRoute } from './routes/HomeRoute';
import { ImprintRoute } from './routes/ImprintRoute';
import { LoginRoute } from './routes/LoginRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { PrivacyRoute } from './routes/PrivacyRoute';
import { RegisterRoute } from './routes/RegisterRoute';
import { ResetPasswordRoute } from './routes/ResetPasswordRoute';
import { VerifyEmailRoute } from './routes/VerifyEmailRoute';
import { ModerationRoute } from './routes/ModerationRoute';
import { MyProposalsRoute } from './routes/MyProposalsRoute';
import { ProposalDetailRoute } from './routes/ProposalDetailRoute';
import { ProposalEditRoute } from './routes/ProposalEditRoute';
import { ProposalsRoute } from './routes/ProposalsRoute';
import { UnsubscribeRoute } from './routes/UnsubscribeRoute';
import { AdminPortfolioRoute } from './routes/AdminPortfolioRoute';
import { GroupingRoute } from './routes/GroupingRoute';
import { ProjectDetailRoute } from './routes/ProjectDetailRoute';
import { ProjectsRoute } from './routes/ProjectsRoute';
import { AdminIndicatorsEditRoute } from './routes/AdminIndicatorsEditRoute';
import { AdminIndicatorsRoute } from './routes/AdminIndicatorsRoute';
import { OpenDataRoute } from './routes/OpenDataRoute';
import { ParticipationRoute } from './routes/ParticipationRoute';
import { ReportAreaRoute } from './routes/ReportAreaRoute';
import { ReportRoute } from './routes/ReportRoute';

/** Real paths (BrowserRouter): the API answers every non-/api GET with index.html. */
export function AppRoutes() {
  return (
    <Routes>
      {/* The hall screen: no site frame, no controls. */}
      <Route path="assemblies/:id/projector" element={<ProjectorRoute />} />
      <Route element={<AppLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="login" element={<LoginRoute />} />
        <Route path="register" element={<RegisterRoute />} />
        <Route path="verify-email" element={<VerifyEmailRoute />} />
        <Route path="forgot-password" element={<ForgotPasswordRoute />} />
        <Route path="reset-password" element={<ResetPasswordRoute />} />
        <Route path="barrierefreiheit" element={<AccessibilityRoute />} />
        <Route path="impressum" element={<ImprintRoute />} />
        <Route path="datenschutz" element={<PrivacyRoute />} />
        <Route path="proposals" element={<ProposalsRoute />} />
        <Route path="proposals/:id" element={<ProposalDetailRoute />} />
        <Route path="unsubscribe" element={<UnsubscribeRoute />} />
        <Route path="assemblies" element={<AssembliesRoute />} />
        <Route path="assemblies/:id" element={<AssemblyDetailRoute />} />
        <Route path="join" element={<JoinRoute />} />
        <Route path="join/:code" element={<JoinRoute />} />
        <Route path="assemblies/:id/live" element={<LiveRoute />} />
        <Route path="projects" element={<ProjectsRoute />} />
        <Route path="projects/:id" element={<ProjectDetailRoute />} />
        <Route path="report" element={<ReportRoute />} />
        <Route path="report/participation" element={<ParticipationRoute />} />
        <Route path="report/areas/:area" element={<ReportAreaRoute />} />
        <Route path="open-data" element={<OpenDataRoute />} />
        <Route element={<RequireAuth />}>
          <Route path="account" element={<AccountRoute />} />
          <Route path="account/proposals" element={<MyProposalsRoute />} />
          <Route path="proposals/new" element={<ProposalEditRoute />} />
          <Route path="proposals/:id/edit" element={<ProposalEditRoute />} />
          <Route element={<RequireRole role={[Role.Moderator, Role.Administrator]} />}>
            <Route path="assemblies/new" element={<AssemblyEditRoute />} />
            <Route path="assemblies/:id/edit" element={<AssemblyEditRoute />} />
            <Route path="assemblies/:id/console" element={<LiveConsoleRoute />} />
          </Route>
          <Route path="moderation" element={<RequireRole role={[Role.Moderator, Role.Administrator]} />}>
            <Route index element={<ModerationRoute />} />
            <Route path="grouping" element={<GroupingRoute />} />
          </Route>
          <Route path="admin" element={<RequireRole role={Role.Administrator} />}>
            <Route index element={<AdminHomeRoute />} />
            <Route path="users" element={<AdminUsersRoute />} />
            <Route path="areas" element={<AdminAreasRoute />} />
            <Route path="areas/new" element={<AdminAreaEditRoute />} />
            <Route path="areas/:id" element={<AdminAreaEditRoute />} />
            <Route path="fields-of-action" element={<AdminFieldsOfActionRoute />} />
            <Route path="fields-of-action/new" element={<AdminFieldOfActionEditRoute />} />
            <Route path="fields-of-action/:id" element={<AdminFieldOfActionEditRoute />} />
            <Route path="portfolio" element={<AdminPortfolioRoute />} />
            <Route path="indicators" element={<AdminIndicatorsRoute />} />
            <Route path="indicators/new" element={<AdminIndicatorsEditRoute />} />
            <Route path="indicators/:key" element={<AdminIndicatorsEditRoute />} />
            <Route path="mails" element={<AdminMailsRoute />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
