import { inflateSync } from 'node:zlib';

/** The text of a PDF: content streams inflated, the hex strings of TJ operators decoded (WinAnsi ≈ Latin-1). */
export function pdfTextOf(pdf: Buffer): { text: string; pages: number } {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const dict = raw.slice(raw.lastIndexOf('<<', m.index), m.index);
    const body = pdf.subarray(start, end);
    try {
      streams.push((dict.includes('FlateDecode') ? inflateSync(body) : body).toString('latin1'));
    } catch {
      // not a content stream we can read (fonts are not embedded for the standard fonts anyway)
    }
    re.lastIndex = end;
  }
  const lines: string[] = [];
  for (const stream of streams) {
    for (const tj of stream.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      const hex = [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  const count = /\/Type\s*\/Pages[\s\S]*?\/Count\s+(\d+)/.exec(raw);
  // Lines joined with spaces: a title that wraps is still found as one string.
  return { text: lines.join(' ').replace(/\s+/g, ' '), pages: count ? Number(count[1]) : 0 };
}
