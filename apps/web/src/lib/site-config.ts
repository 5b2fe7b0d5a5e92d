/**
 * Contact data the operating city fills in before going live. The legal pages show them;
 * until then they appear visibly marked as placeholders.
 */
export const SITE_CONTACT = {
  accessibilityEmail: 'barrierefreiheit@stadt.example',
  placeholder: true,
} as const;
