import type {
  AreaProfileResponse,
  CityOverviewResponse,
  CreateIndicatorRequest,
  CreateTargetRequest,
  IndicatorDefinition,
  IndicatorImportResponse,
  IndicatorTarget,
  IndicatorValue,
  OpenDataCatalogue,
  ParticipationStatsResponse,
  SetIndicatorValueRequest,
  UpdateIndicatorRequest,
} from '@app/shared';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';

const reportKey = ['social-report'] as const;
const indicatorsKey = ['indicators'] as const;

const indicatorPath = (key: string) => `/api/indicators/${encodeURIComponent(key)}`;

export function useIndicators() {
  return useQuery({ queryKey: [...indicatorsKey, 'list'], queryFn: () => api.get<IndicatorDefinition[]>('/api/indicators') });
}

export function useIndicator(key: string | undefined) {
  return useQuery({
    enabled: Boolean(key),
    queryKey: [...indicatorsKey, 'detail', key],
    queryFn: () => api.get<IndicatorDefinition>(indicatorPath(key ?? '')),
  });
}

export interface OverviewQuery {
  indicator?: string;
  year?: number;
}

export function useCityOverview(filter: OverviewQuery) {
  return useQuery({
    queryKey: [...reportKey, 'overview', filter],
    queryFn: () => api.get<CityOverviewResponse>(`/api/social-report/overview${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAreaProfile(area: string | undefined) {
  return useQuery({
    enabled: Boolean(area),
    queryKey: [...reportKey, 'area', area],
    queryFn: () => api.get<AreaProfileResponse>(`/api/social-report/areas/${encodeURIComponent(area ?? '')}`),
  });
}

export interface ParticipationQuery {
  from?: string;
  to?: string;
  areaId?: string;
}

export function useParticipation(filter: ParticipationQuery) {
  return useQuery({
    queryKey: [...reportKey, 'participation', filter],
    queryFn: () => api.get<ParticipationStatsResponse>(`/api/social-report/participation${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function useOpenDataCatalogue() {
  return useQuery({ queryKey: ['open-data'], queryFn: () => api.get<OpenDataCatalogue>('/api/open-data') });
}

export function useTargets(indicatorKey: string | undefined) {
  return useQuery({
    enabled: Boolean(indicatorKey),
    queryKey: [...indicatorsKey, 'targets', indicatorKey],
    queryFn: () => api.get<IndicatorTarget[]>(`/api/indicator-targets${query({ indicator: indicatorKey })}`),
  });
}

/** The stored values of one indicator in one area (`city` = the city-wide values), by year. */
export function useIndicatorValues(indicatorKey: string | undefined, areaId: string) {
  return useQuery({
    enabled: Boolean(indicatorKey),
    queryKey: [...indicatorsKey, 'values', indicatorKey, areaId],
    queryFn: () => api.get<IndicatorValue[]>(`${indicatorPath(indicatorKey ?? '')}/values${query({ areaId })}`),
    placeholderData: keepPreviousData,
  });
}

/** Every write changes what the report shows, so the report caches are refreshed too. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: indicatorsKey });
    await queryClient.invalidateQueries({ queryKey: reportKey });
  };
}

export function useSaveIndicator() {
  const refresh = useRefresh();
  return async (key: string | null, body: CreateIndicatorRequest | UpdateIndicatorRequest): Promise<IndicatorDefinition> => {
    const saved = key
      ? await api.patch<IndicatorDefinition>(indicatorPath(key), body)
      : await api.post<IndicatorDefinition>('/api/indicators', body);
    await refresh();
    return saved;
  };
}

export function useDeleteIndicator() {
  const refresh = useRefresh();
  return async (key: string): Promise<void> => {
    await api.delete<void>(indicatorPath(key));
    await refresh();
  };
}

export function useSaveTarget() {
  const refresh = useRefresh();
  return async (body: CreateTargetRequest): Promise<IndicatorTarget> => {
    const saved = await api.post<IndicatorTarget>('/api/indicator-targets', body);
    await refresh();
    return saved;
  };
}

export function useDeleteTarget() {
  const refresh = useRefresh();
  return async (id: string): Promise<void> => {
    await api.delete<void>(`/api/indicator-targets/${encodeURIComponent(id)}`);
    await refresh();
  };
}

/** Creates or replaces the one value of (indicator, area, year). */
export function useSetIndicatorValue() {
  const refresh = useRefresh();
  return async (indicatorKey: string, body: SetIndicatorValueRequest): Promise<IndicatorValue> => {
    const saved = await api.put<IndicatorValue>(`${indicatorPath(indicatorKey)}/values`, body);
    await refresh();
    return saved;
  };
}

export function useDeleteIndicatorValue() {
  const refresh = useRefresh();
  return async (indicatorKey: string, id: string): Promise<void> => {
    await api.delete<void>(`${indicatorPath(indicatorKey)}/values/${encodeURIComponent(id)}`);
    await refresh();
  };
}

/** The CSV import: the file itself is the body (text/csv), with the CSRF header like every write. */
export function useImportIndicatorValues() {
  const refresh = useRefresh();
  return async (file: File, dryRun: boolean): Promise<IndicatorImportResponse> => {
    const result = await api.postFile<IndicatorImportResponse>(
      `/api/indicators/import${query({ dryRun: String(dryRun) })}`,
      file,
      'text/csv',
    );
    if (result.imported) await refresh();
    return result;
  };
}
