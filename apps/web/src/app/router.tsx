import { Role } from '@app/shared';
import { createRoutesFromElements, matchRoutes, Route, Routes } from 'react-router';
import { RequireAuth, RequireRole } from './guards';
import { AppLayout } from './layout/AppLayout';
import { lazyRoute, type LazyRouteComponent } from './lazy-route';

/*
 * Every page is its own chunk, loaded when it is visited: the admin area, the moderator console, the
 * projector, the charts and the live connection never load for a citizen who reads the home page.
 */
const AccessibilityRoute = lazyRoute(() => import('./routes/AccessibilityRoute'), 'AccessibilityRoute');
const AccountRoute = lazyRoute(() => import('./routes/AccountRoute'), 'AccountRoute');
const AssembliesRoute = lazyRoute(() => import('./routes/AssembliesRoute'), 'AssembliesRoute');
const AssemblyDetailRoute = lazyRoute(() => import('./routes/AssemblyDetailRoute'), 'AssemblyDetailRoute');
const AssemblyEditRoute = lazyRoute(() => import('./routes/AssemblyEditRoute'), 'AssemblyEditRoute');
const JoinRoute = lazyRoute(() => import('./routes/JoinRoute'), 'JoinRoute');
const LiveConsoleRoute = lazyRoute(() => import('./routes/LiveConsoleRoute'), 'LiveConsoleRoute');
const LiveRoute = lazyRoute(() => import('./routes/LiveRoute'), 'LiveRoute');
const ProjectorRoute = lazyRoute(() => import('./routes/ProjectorRoute'), 'ProjectorRoute');
const AdminAreaEditRoute = lazyRoute(() => import('./routes/AdminAreaEditRoute'), 'AdminAreaEditRoute');
const AdminAreasRoute = lazyRoute(() => import('./routes/AdminAreasRoute'), 'AdminAreasRoute');
const AdminFieldOfActionEditRoute = lazyRoute(() => import('./routes/AdminFieldOfActionEditRoute'), 'AdminFieldOfActionEditRoute');
const AdminFieldsOfActionRoute = lazyRoute(() => import('./routes/AdminFieldsOfActionRoute'), 'AdminFieldsOfActionRoute');
const AdminTextsRoute = lazyRoute(() => import('./routes/AdminTextsRoute'), 'AdminTextsRoute');
const AdminHomeRoute = lazyRoute(() => import('./routes/AdminHomeRoute'), 'AdminHomeRoute');
const AdminMailsRoute = lazyRoute(() => import('./routes/AdminMailsRoute'), 'AdminMailsRoute');
const AdminLanguagesRoute = lazyRoute(() => import('./routes/AdminLanguagesRoute'), 'AdminLanguagesRoute');
const AdminSignLanguageRoute = lazyRoute(() => import('./routes/AdminSignLanguageRoute'), 'AdminSignLanguageRoute');
const AdminUsersRoute = lazyRoute(() => import('./routes/AdminUsersRoute'), 'AdminUsersRoute');
const ForgotPasswordRoute = lazyRoute(() => import('./routes/ForgotPasswordRoute'), 'ForgotPasswordRoute');
const HomeRoute = lazyRoute(() => import('./routes/HomeRoute'), 'HomeRoute');
const ImprintRoute = lazyRoute(() => import('./routes/ImprintRoute'), 'ImprintRoute');
const EasyReadRoute = lazyRoute(() => import('./routes/EasyReadRoute'), 'EasyReadRoute');
const SignLanguageRoute = lazyRoute(() => import('./routes/SignLanguageRoute'), 'SignLanguageRoute');
const LoginRoute = lazyRoute(() => import('./routes/LoginRoute'), 'LoginRoute');
const NotFoundRoute = lazyRoute(() => import('./routes/NotFoundRoute'), 'NotFoundRoute');
const PrivacyRoute = lazyRoute(() => import('./routes/PrivacyRoute'), 'PrivacyRoute');
const RegisterRoute = lazyRoute(() => import('./routes/RegisterRoute'), 'RegisterRoute');
const ResetPasswordRoute = lazyRoute(() => import('./routes/ResetPasswordRoute'), 'ResetPasswordRoute');
const VerifyEmailRoute = lazyRoute(() => import('./routes/VerifyEmailRoute'), 'VerifyEmailRoute');
const ModerationRoute = lazyRoute(() => import('./routes/ModerationRoute'), 'ModerationRoute');
const MyProposalsRoute = lazyRoute(() => import('./routes/MyProposalsRoute'), 'MyProposalsRoute');
const ProposalDetailRoute = lazyRoute(() => import('./routes/ProposalDetailRoute'), 'ProposalDetailRoute');
const ProposalEditRoute = lazyRoute(() => import('./routes/ProposalEditRoute'), 'ProposalEditRoute');
const ProposalsRoute = lazyRoute(() => import('./routes/ProposalsRoute'), 'ProposalsRoute');
const UnsubscribeRoute = lazyRoute(() => import('./routes/UnsubscribeRoute'), 'UnsubscribeRoute');
const AdminPortfolioRoute = lazyRoute(() => import('./routes/AdminPortfolioRoute'), 'AdminPortfolioRoute');
const GroupingRoute = lazyRoute(() => import('./routes/GroupingRoute'), 'GroupingRoute');
const ProjectDetailRoute = lazyRoute(() => import('./routes/ProjectDetailRoute'), 'ProjectDetailRoute');
const ProjectsRoute = lazyRoute(() => import('./routes/ProjectsRoute'), 'ProjectsRoute');
const AdminIndicatorsEditRoute = lazyRoute(() => import('./routes/AdminIndicatorsEditRoute'), 'AdminIndicatorsEditRoute');
const AdminIndicatorsRoute = lazyRoute(() => import('./routes/AdminIndicatorsRoute'), 'AdminIndicatorsRoute');
const OpenDataRoute = lazyRoute(() => import('./routes/OpenDataRoute'), 'OpenDataRoute');
const ParticipationRoute = lazyRoute(() => import('./routes/ParticipationRoute'), 'ParticipationRoute');
const ReportAreaRoute = lazyRoute(() => import('./routes/ReportAreaRoute'), 'ReportAreaRoute');
const FundsRoute = lazyRoute(() => import('./routes/FundsRoute'), 'FundsRoute');
const FundDetailRoute = lazyRoute(() => import('./routes/FundDetailRoute'), 'FundDetailRoute');
const FundProcessingRoute = lazyRoute(() => import('./routes/FundProcessingRoute'), 'FundProcessingRoute');
const ApplicationDetailRoute = lazyRoute(() => import('./routes/ApplicationDetailRoute'), 'ApplicationDetailRoute');
const ApplicationEditRoute = lazyRoute(() => import('./routes/ApplicationEditRoute'), 'ApplicationEditRoute');
const MyApplicationsRoute = lazyRoute(() => import('./routes/MyApplicationsRoute'), 'MyApplicationsRoute');
const AdminFundsRoute = lazyRoute(() => import('./routes/AdminFundsRoute'), 'AdminFundsRoute');
const ReportRoute = lazyRoute(() => import('./routes/ReportRoute'), 'ReportRoute');
const FundVoteRoute = lazyRoute(() => import('./routes/FundVoteRoute'), 'FundVoteRoute');

/** Real paths (BrowserRouter): the API answers every non-/api GET with index.html. */
const routes = (
  <>
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
      <Route path="leichte-sprache" element={<EasyReadRoute />} />
      <Route path="gebaerdensprache" element={<SignLanguageRoute />} />
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
      <Route path="fonds" element={<FundsRoute />} />
      <Route path="fonds/:id" element={<FundDetailRoute />} />
      <Route path="fonds/antraege/:id" element={<ApplicationDetailRoute />} />
      <Route path="fonds/:id/abstimmung" element={<FundVoteRoute />} />
      <Route element={<RequireAuth />}>
        <Route path="account" element={<AccountRoute />} />
        <Route path="account/proposals" element={<MyProposalsRoute />} />
        <Route path="account/antraege" element={<MyApplicationsRoute />} />
        <Route path="fonds/:id/antrag" element={<ApplicationEditRoute />} />
        <Route path="fonds/antraege/:applicationId/bearbeiten" element={<ApplicationEditRoute />} />
        <Route path="proposals/new" element={<ProposalEditRoute />} />
        <Route path="proposals/:id/edit" element={<ProposalEditRoute />} />
        <Route element={<RequireRole role={[Role.Moderator, Role.Administrator]} />}>
          <Route path="assemblies/new" element={<AssemblyEditRoute />} />
          <Route path="assemblies/:id/edit" element={<AssemblyEditRoute />} />
          <Route path="assemblies/:id/console" element={<LiveConsoleRoute />} />
          <Route path="fonds/:id/bearbeitung" element={<FundProcessingRoute />} />
        </Route>
        <Route path="moderation" element={<RequireRole role={[Role.Moderator, Role.Administrator]} />}>
          <Route index element={<ModerationRoute />} />
          <Route path="grouping" element={<GroupingRoute />} />
        </Route>
        <Route path="admin" element={<RequireRole role={Role.Administrator} />}>
          <Route element={<AdminTextsRoute />}>
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
            <Route path="languages" element={<AdminLanguagesRoute />} />
            <Route path="sign-language" element={<AdminSignLanguageRoute />} />
            <Route path="fonds" element={<AdminFundsRoute />} />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundRoute />} />
    </Route>
  </>
);

export function AppRoutes() {
  return <Routes>{routes}</Routes>;
}

/**
 * Loads the code of the page at `pathname` (the start-up waits for it before the first render, so the
 * page renders at once; index.html already preloads its chunks, see route-preloads.json).
 */
export async function preloadPage(pathname: string): Promise<void> {
  const matches = matchRoutes(createRoutesFromElements(routes), pathname) ?? [];
  await Promise.all(
    matches.map((match) => {
      const type = (match.route.element as { type?: Partial<LazyRouteComponent> } | undefined)?.type;
      return type?.preload?.();
    }),
  );
}
