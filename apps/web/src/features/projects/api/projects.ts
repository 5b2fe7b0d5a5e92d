import type {
  CreateMilestoneRequest,
  CreateProjectIdeaRequest,
  CreateStatusReportRequest,
  GroupingBoardQuery,
  GroupingBoardResponse,
  LinkProposalRequest,
  Page,
  PortfolioQuery,
  PortfolioResponse,
  ProjectDetail,
  ProjectState,
  ProjectSummary,
  ProjectTransitionRequest,
  ProjectTransitionResponse,
  ProjectTransitionsResponse,
  RecordEvaluationRequest,
  UpdateMilestoneRequest,
} from '@app/shared';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { proposalsKey } from '../../../lib/query-keys';

export const projectsKey = ['projects'] as const;

export const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export interface ProjectListFilter {
  state?: ProjectState;
  fieldOfActionId?: string;
  areaId?: string;
  page?: number;
  pageSize?: number;
}

export function useProjects(filter: ProjectListFilter) {
  return useQuery({
    queryKey: [...projectsKey, 'list', filter],
    queryFn: () => api.get<Page<ProjectSummary>>(`/api/projects${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...projectsKey, 'detail', id],
    queryFn: () => api.get<ProjectDetail>(projectPath(id ?? '')),
  });
}

/** What the signed-in moderator or administrator may do next, and what is missing. */
export function useProjectTransitions(id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...projectsKey, 'transitions', id],
    queryFn: () => api.get<ProjectTransitionsResponse>(`${projectPath(id)}/transitions`),
  });
}

export function useGroupingBoard(filter: GroupingBoardQuery) {
  const enabled = Boolean(filter.areaId || filter.assemblyId);
  return useQuery({
    enabled,
    queryKey: [...projectsKey, 'grouping', filter],
    queryFn: () => api.get<GroupingBoardResponse>(`/api/projects/grouping${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function usePortfolio(filter: PortfolioQuery) {
  return useQuery({
    queryKey: [...projectsKey, 'portfolio', filter],
    queryFn: () => api.get<PortfolioResponse>(`/api/projects/portfolio${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

/** Download links of the portfolio carry the same filters as the view. */
export function portfolioExportPath(format: 'csv' | 'xlsx', filter: PortfolioQuery): string {
  return `/api/projects/portfolio.${format}${query({ ...filter })}`;
}

/**
 * Every write of this feature: afterwards all cached projects (lists, details, transitions, board,
 * portfolio) and proposals (their "what happened to my idea" link) are refreshed.
 */
export function useProjectActions() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: projectsKey }),
      queryClient.invalidateQueries({ queryKey: proposalsKey }),
    ]);
  };
  async function run<T>(call: Promise<T>): Promise<T> {
    const result = await call;
    await refresh();
    return result;
  }
  return {
    refresh,
    createIdea: (body: CreateProjectIdeaRequest) => run(api.post<ProjectDetail>('/api/projects', body)),
    link: (projectId: string, body: LinkProposalRequest) => run(api.post<ProjectDetail>(`${projectPath(projectId)}/proposals`, body)),
    unlink: (projectId: string, linkId: string) =>
      run(api.delete<ProjectDetail>(`${projectPath(projectId)}/proposals/${encodeURIComponent(linkId)}`)),
    transition: (projectId: string, body: ProjectTransitionRequest) =>
      run(api.post<ProjectTransitionResponse>(`${projectPath(projectId)}/transitions`, body)),
    evaluate: (projectId: string, body: RecordEvaluationRequest) =>
      run(api.put<ProjectDetail>(`${projectPath(projectId)}/evaluation`, body)),
    addMilestone: (projectId: string, body: CreateMilestoneRequest) => run(api.post<unknown>(`${projectPath(projectId)}/milestones`, body)),
    updateMilestone: (projectId: string, milestoneId: string, body: UpdateMilestoneRequest) =>
      run(api.patch<unknown>(`${projectPath(projectId)}/milestones/${encodeURIComponent(milestoneId)}`, body)),
    deleteMilestone: (projectId: string, milestoneId: string) =>
      run(api.delete<unknown>(`${projectPath(projectId)}/milestones/${encodeURIComponent(milestoneId)}`)),
    addStatusReport: (projectId: string, body: CreateStatusReportRequest) =>
      run(api.post<unknown>(`${projectPath(projectId)}/status-reports`, body)),
  };
}
