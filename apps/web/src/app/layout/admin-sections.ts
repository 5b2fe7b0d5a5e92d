/**
 * The administration sections, in order: the admin home shows them as cards, AdminNav links
 * between them. Their texts are admin.<id>.title and admin.<id>.lead.
 */
export const ADMIN_SECTIONS = [
  { to: '/admin/users', id: 'users' },
  { to: '/admin/areas', id: 'areas' },
  { to: '/admin/fields-of-action', id: 'fields' },
  { to: '/admin/portfolio', id: 'portfolio' },
  { to: '/admin/fonds', id: 'funds' },
  { to: '/admin/indicators', id: 'indicators' },
  { to: '/admin/mails', id: 'mails' },
  { to: '/admin/languages', id: 'languages' },
  { to: '/admin/sign-language', id: 'signLanguage' },
] as const;
