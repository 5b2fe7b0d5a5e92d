import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { QueryState, type QueryLike } from '../../components/ui/QueryState';
import { flash } from '../../lib/flash';
import { AdminNav } from './AdminNav';

/** Locale prefix of an admin section, which holds its title and lead. */
type SectionKey = 'admin.users' | 'admin.mails' | 'admin.languages' | 'admin.signLanguage' | 'admin.funds' | EditableSection;
/** Sections whose records are created and edited here: their prefix also holds create, createTitle, editTitle, editTitleLoading, created, saved. */
type EditableSection = 'admin.areas' | 'admin.fields';

interface AdminListPageProps {
  section: SectionKey;
  /** Where the "create" button leads (editable sections only). */
  createPath?: string;
  children: ReactNode;
}

/** The list page of an admin section: title, lead, admin navigation and the create button. */
export function AdminListPage({ section, createPath, children }: AdminListPageProps) {
  const { t } = useTranslation();
  return (
    <Page title={t(`${section}.title`)} lead={t(`${section}.lead`)} wide>
      <AdminNav />
      {createPath ? (
        <p className="page-actions">
          <ButtonLink to={createPath} variant="primary" icon="add">
            {t(`${section}.create`)}
          </ButtonLink>
        </p>
      ) : null}
      {children}
    </Page>
  );
}

/** What an edit form loads before it shows: nothing when creating. */
const NOTHING_TO_LOAD: QueryLike<null> = { data: null, error: null, isPending: false };

/**
 * The create/edit route of an admin record (":id" or "new"): `id` is undefined when creating;
 * `onSaved` returns to the list with "created" or "saved" as a flash message.
 */
export function useAdminEdit(section: EditableSection, listPath: string) {
  const { id } = useParams();
  const navigate = useNavigate();
  const onSaved = (params: Record<string, string>) =>
    navigate(listPath, { state: flash({ key: `${section}.${id ? 'saved' : 'created'}`, params }) });
  return { id, onSaved };
}

/** The record being edited, or null (loaded at once) when creating. */
export function editedRecord<T>(id: string | undefined, detail: QueryLike<T>): QueryLike<T | null> {
  return id ? detail : NOTHING_TO_LOAD;
}

interface AdminEditPageProps<T> {
  section: EditableSection;
  creating: boolean;
  /** The record's name for the title once it has loaded. */
  name: string | undefined;
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}

/** Title, admin navigation and the form once its data has loaded. */
export function AdminEditPage<T>({ section, creating, name, query, children }: AdminEditPageProps<T>) {
  const { t } = useTranslation();
  const title = creating
    ? t(`${section}.createTitle`)
    : name !== undefined
      ? t(`${section}.editTitle`, { name })
      : t(`${section}.editTitleLoading`);
  return (
    <Page title={title}>
      <AdminNav />
      <QueryState query={query}>{children}</QueryState>
    </Page>
  );
}
