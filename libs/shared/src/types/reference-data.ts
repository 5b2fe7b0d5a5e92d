import type { MailHealth } from './mail';
import type { AreaType } from '../enums/area-type';

export interface AreaResponse {
  id: string;
  type: AreaType;
  /** Stable key used in imports and URLs, e.g. "ar-nordmarkt". */
  code: string;
  name: string;
  description: string | null;
  parentId: string | null;
  /** ISO date (YYYY-MM-DD). */
  validFrom: string;
  /** ISO date (YYYY-MM-DD), inclusive; null = still valid. */
  validTo: string | null;
  /** True when today lies within the validity dates. */
  current: boolean;
  /**
   * Aktionsräume only: how many proposals one person may support in this area and its Quartiere
   * at the same time (a withdrawn support frees a place); null = no limit.
   */
  supportLimit: number | null;
}

export interface AreaDetailResponse extends AreaResponse {
  parent: AreaResponse | null;
  children: AreaResponse[];
}

export interface CreateAreaRequest {
  type: AreaType;
  code: string;
  name: string;
  description?: string | null;
  parentId?: string | null;
  validFrom: string;
  validTo?: string | null;
  supportLimit?: number | null;
}

export type UpdateAreaRequest = Partial<Omit<CreateAreaRequest, 'type'>>;

export interface LocalizedText {
  de: string;
  en: string;
}

export interface FieldOfActionResponse {
  id: string;
  /** Short code, e.g. "AB", "EK", "SZ". */
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  sortOrder: number;
  active: boolean;
}

export interface CreateFieldOfActionRequest {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  sortOrder?: number;
  active?: boolean;
}

export type UpdateFieldOfActionRequest = Partial<CreateFieldOfActionRequest>;

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  databaseType: 'sqlite' | 'postgres';
  /** Shared state for several API processes; not_configured without REDIS_URL. */
  redis: 'up' | 'down' | 'not_configured';
  version: string;
  uptimeSeconds: number;
  /** The mail outbox: counts and the latest delivery error (addresses removed); null while the database does not answer. */
  mail: MailHealth | null;
}
