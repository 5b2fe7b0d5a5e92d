/**
 * What a file is, by its first bytes ("magic numbers"), never by its name or the type a browser
 * declares: the one place uploads are recognised (proposal attachments, the sign language video).
 */

/** Enough of a file's start for every check below (an EBML header is some 40 bytes). */
export const SNIFF_BYTES = 64;

export type SniffedType = 'application/pdf' | 'video/mp4' | 'video/quicktime' | 'video/webm' | 'video/x-matroska';

const ascii = (head: Buffer, start: number, end: number) => head.subarray(start, end).toString('latin1');

/** The type of a file from its first bytes (at least SNIFF_BYTES, or the whole file if smaller); null when unknown. */
export function sniffFileType(head: Buffer): SniffedType | null {
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  const isoMedia = isoMediaType(head);
  if (isoMedia) return isoMedia;
  return ebmlDocType(head);
}

/**
 * ISO base media files (MP4) start with a "ftyp" box: 4 bytes size, "ftyp", the major brand. QuickTime
 * (.mov, brand "qt  ") shares the format but not every browser plays it, so it is told apart.
 */
function isoMediaType(head: Buffer): SniffedType | null {
  if (head.length < 12 || ascii(head, 4, 8) !== 'ftyp') return null;
  const size = head.readUInt32BE(0);
  const brand = ascii(head, 8, 12);
  if (size < 16 || size % 4 !== 0 || !/^[\x20-\x7e]{4}$/.test(brand)) return null;
  return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
}

/**
 * WebM is Matroska with the EBML document type "webm": the EBML magic 1A 45 DF A3, then (within the
 * header) the DocType element 42 82 with its length and the name. Other Matroska files (.mkv) play
 * in few browsers, so they are told apart.
 */
function ebmlDocType(head: Buffer): SniffedType | null {
  if (head.length < 8 || head.readUInt32BE(0) !== 0x1a45dfa3) return null;
  for (let i = 4; i + 3 < head.length; i++) {
    if (head[i] !== 0x42 || head[i + 1] !== 0x82) continue;
    // A one-byte EBML length (1xxx xxxx), as every muxer writes for this short field.
    const length = head[i + 2] & 0x80 ? head[i + 2] & 0x7f : -1;
    if (length < 1 || i + 3 + length > head.length) return null;
    const docType = ascii(head, i + 3, i + 3 + length);
    return docType === 'webm' ? 'video/webm' : docType === 'matroska' ? 'video/x-matroska' : null;
  }
  return null;
}
