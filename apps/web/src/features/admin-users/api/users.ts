import type { AdminUpdateUserRequest, AdminUserResponse, Page, Role } from '@app/shared';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';

export interface UserSearch {
  q: string;
  role: Role | '';
  page: number;
}

export const USER_PAGE_SIZE = 20;
const usersKey = ['admin-users'] as const;

export function useAdminUsers(search: UserSearch) {
  return useQuery({
    queryKey: [...usersKey, search],
    queryFn: () =>
      api.get<Page<AdminUserResponse>>(
        `/api/admin/users${query({ q: search.q, role: search.role, page: search.page, pageSize: USER_PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return async (id: string, body: AdminUpdateUserRequest): Promise<AdminUserResponse> => {
    const updated = await api.patch<AdminUserResponse>(`/api/admin/users/${encodeURIComponent(id)}`, body);
    await queryClient.invalidateQueries({ queryKey: usersKey });
    return updated;
  };
}
