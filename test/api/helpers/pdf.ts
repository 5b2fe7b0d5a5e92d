import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Marks pdftotext puts around right-to-left runs (the text itself comes out in logical order). */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Runs a poppler tool (Debian's poppler-utils) on the PDF in a temporary file. */
function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[], pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF as a reader's copy and paste gets it (poppler's pdftotext through the fonts'
 * ToUnicode maps), whitespace collapsed so a wrapped line is still found as one string; and its pages.
 */
export function pdfTextOf(pdf: Buffer): { text: string; pages: number } {
  const raw = poppler('pdftotext', ['-enc', 'UTF-8'], pdf);
  return { text: raw.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim(), pages: raw.split('\f').length - 1 };
}

/** pdfinfo's fields ("Tagged", "Title", "Pages", …). */
export function pdfInfoOf(pdf: Buffer): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of poppler('pdfinfo', [], pdf).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]] = m[2];
  }
  return info;
}

/** The structure tree of a tagged PDF with each element's text, one element a line, indented by depth. */
export function pdfStructureOf(pdf: Buffer): string {
  return poppler('pdfinfo', ['-struct-text'], pdf).replace(BIDI_CONTROLS, '');
}

/** The fonts the pages use (pdffonts), e.g. to check that every one is embedded. */
export function pdfFontsOf(pdf: Buffer): Array<{ name: string; embedded: boolean; unicode: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    // name type encoding emb sub uni object ID: the three yes/no columns come before the object id.
    return lines.map((line) => {
      const cols = line.trim().split(/\s+/);
      const [emb, , uni] = cols.slice(-5, -2);
      return { name: cols[0], embedded: emb === 'yes', unicode: uni === 'yes' };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
