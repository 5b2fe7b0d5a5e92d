import { downloadFile } from '../../../lib/api-client';

export const EXPORT_FILE_NAME = 'soziale-stadt-export.json';

export function exportMyData(): Promise<void> {
  return downloadFile('/api/me/export', EXPORT_FILE_NAME);
}
