import type { AssemblySummary } from '@app/shared';
import { useTranslation } from 'react-i18next';

/** "12 of 80 places left", "Fully booked – 3 on the waiting list" or "No registration needed". */
export function registrationText(t: (key: string, options?: Record<string, unknown>) => string, summary: AssemblySummary): string {
  const { registration } = summary;
  if (!registration.enabled) return t('assemblies.registration.notNeeded');
  if (registration.capacity === null) return t('assemblies.registration.unlimited', { count: registration.confirmed });
  const left = Math.max(0, registration.capacity - registration.confirmed);
  if (left > 0) return t('assemblies.registration.placesLeft', { count: left, capacity: registration.capacity });
  return t('assemblies.registration.full', { count: registration.waitlisted });
}

export function RegistrationInfo({ assembly }: { assembly: AssemblySummary }) {
  const { t } = useTranslation();
  return <>{registrationText(t, assembly)}</>;
}
