import { sniffFileType } from './file-types';

const ftyp = (brand: string, size = 24) => {
  const box = Buffer.alloc(32);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(brand, 8, 'latin1');
  return box;
};
const ebml = (docType: string) =>
  Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x93, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length]),
    Buffer.from(docType),
    Buffer.alloc(16),
  ]);

describe('sniffFileType', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['an MP4 (isom)', ftyp('isom'), 'video/mp4'],
    ['an MP4 (mp42)', ftyp('mp42', 32), 'video/mp4'],
    ['a QuickTime movie', ftyp('qt  ', 20), 'video/quicktime'],
    ['a WebM', ebml('webm'), 'video/webm'],
    ['a Matroska file', ebml('matroska'), 'video/x-matroska'],
  ])('recognises %s', (_label, head, type) => {
    expect(sniffFileType(head)).toBe(type);
  });

  it.each([
    ['nothing', Buffer.alloc(0)],
    ['text', Buffer.from('ftyp is just a word here, not a box header')],
    ['a ftyp box with a size too small', ftyp('isom', 8)],
    ['a ftyp box with an unprintable brand', ftyp('\u0000\u0001\u0002\u0003')],
    ['EBML of another document type', ebml('xyz')],
    ['EBML without a document type', Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x86, 0x81, 0x01])],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
  ])('knows nothing of %s', (_label, head) => {
    expect(sniffFileType(head)).toBeNull();
  });
});
