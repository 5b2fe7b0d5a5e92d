import { Outlet } from 'react-router';
import { Loading } from '../../components/ui/QueryState';
import { registerTextSet, useTextSet } from '../../lib/text-sets';

// The administration's texts (`admin.*`, about 2.4 KB compressed in German) load with its pages, not
// with every citizen's first page; the list of their files stays in this chunk too.
registerTextSet('admin', import.meta.glob<Record<string, unknown>>('../../locales/admin.*.json', { import: 'default' }));

/** Layout route of /admin: its pages render once the administration's texts are there. */
export function AdminTextsRoute() {
  return useTextSet('admin') ? <Outlet /> : <Loading />;
}
