/**
 * The name to show and to offer for download: no path parts, no control characters or markup
 * characters, bounded, and the extension of the type the content was recognised as (never the one
 * the uploader chose).
 */
export function cleanFileName(name: string | undefined, extension: string, fallbackStem: string): string {
  // Multer hands over the raw header bytes as latin1; browsers send UTF-8.
  const decoded = name ? Buffer.from(name, 'latin1').toString('utf8') : '';
  const base = decoded
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .trim();
  const stem = (base.replace(/\.[^.]*$/, '') || fallbackStem).slice(0, 150);
  return `${stem}${extension}`;
}
