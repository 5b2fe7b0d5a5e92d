import sharp from 'sharp';

/** Real image files for upload tests, made by sharp (the same library the API decodes them with). */
export async function tinyPng(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();
}

/** A JPEG carrying EXIF metadata with a GPS position and a camera make, as phone photos do. */
export async function jpegWithGps(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'GeoCam 3000' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 31/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '7/1 28/1 0/1' },
    })
    .toBuffer();
}

/** The smallest valid PDF document (one empty page). */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Bytes that differ at every position (so a wrong range is noticed), after a media header. */
function mediaPayload(length: number): Buffer {
  const payload = Buffer.alloc(length);
  for (let i = 0; i < length; i++) payload[i] = (i * 31 + (i >> 8)) & 0xff;
  return payload;
}

/**
 * The start of an MP4 file: a "ftyp" box (all the content check reads; the brand decides MP4 or
 * QuickTime), then an "mdat" box with `payload` bytes. Not playable, and not meant to be.
 */
export function tinyMp4(payload = 4096, brand = 'isom'): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftyp', 4, 'latin1');
  ftyp.write(brand, 8, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isomiso2', 16, 'latin1');
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(8 + payload, 0);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdat, mediaPayload(payload)]);
}

/** The start of a WebM file: its EBML header with the DocType ("webm", or "matroska" for an .mkv), then `payload` bytes. */
export function tinyWebm(payload = 4096, docType = 'webm'): Buffer {
  const element = (id: number[], data: Buffer) => Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data]);
  const body = Buffer.concat([
    element([0x42, 0x86], Buffer.from([1])),
    element([0x42, 0xf7], Buffer.from([1])),
    element([0x42, 0xf2], Buffer.from([4])),
    element([0x42, 0xf3], Buffer.from([8])),
    element([0x42, 0x82], Buffer.from(docType, 'latin1')),
    element([0x42, 0x87], Buffer.from([4])),
    element([0x42, 0x85], Buffer.from([2])),
  ]);
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length]), body, mediaPayload(payload)]);
}

/** German captions in WebVTT with two cues. */
export function germanCaptions(): Buffer {
  return Buffer.from(
    'WEBVTT\n\n00:00.000 --> 00:02.500\nWillkommen auf dem Beteiligungsportal.\n\n00:02.500 --> 00:05.000\nHier erklären wir, wie Sie mitmachen.\n',
    'utf8',
  );
}
