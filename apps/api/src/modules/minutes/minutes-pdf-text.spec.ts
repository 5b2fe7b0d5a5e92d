import PDFDocument from 'pdfkit';
import { cleanPdfText, PdfText } from './minutes.pdf-text';

describe('text on a minutes page in every script', () => {
  const tx = new PdfText(new PDFDocument({ size: 'A4' }));
  const style = { size: 10 };
  /** Each line as its runs, left to right on the page: [drawn text, font]. */
  const layout = (text: string, width = 1000) =>
    tx.lines(text, width, style).map((line) => line.runs.map((run) => [run.text, run.font.split('-')[0]]));

  it('draws Latin with its extensions, Greek and Cyrillic in Noto Sans, one run', () => {
    expect(layout('Frau Yılmaz, Łukasz, Ștefan, Олена, Ελένη')).toEqual([[['Frau Yılmaz, Łukasz, Ștefan, Олена, Ελένη', 'latin']]]);
  });

  it('puts an Arabic name inside German text where the bidi algorithm says, in the Arabic font', () => {
    expect(layout('Frau أحمد علي spricht')).toEqual([
      [
        ['Frau ', 'latin'],
        ['أحمد علي', 'arabic'],
        [' ', 'arabic'], // a space keeps the script before it
        ['spricht', 'latin'],
      ],
    ]);
  });

  it('orders an Arabic paragraph right to left, with Latin words, numbers and mirrored brackets inside', () => {
    // Logical: "proposal: garden 2026 (Nordmarkt) yes"; on the page from the left: yes, (Nordmarkt), 2026, garden, proposal.
    expect(layout('اقتراح: حديقة 2026 (Nordmarkt) نعم')).toEqual([
      [
        ['نعم', 'arabic'],
        [' (', 'latin'],
        ['Nordmarkt', 'latin'],
        [') ', 'arabic'],
        ['2026', 'arabic'],
        ['اقتراح: حديقة ', 'arabic'],
      ],
    ]);
  });

  it('breaks lines in reading order before ordering each line', () => {
    const lines = tx.lines('Ein sehr langer Satz mit أحمد علي und vielen Wörtern, der umbrechen muss', 150, style);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150);
    expect(lines.map((line) => line.runs.map((r) => r.text).join('|')).join(' / ')).toContain('أحمد علي');
  });

  it('cuts a word longer than the line, and shows characters no font has as "?"', () => {
    const lines = tx.lines('Donaudampfschifffahrtsgesellschaftskapitänsmütze', 60, style);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe('Donaudampfschifffahrtsgesellschaftskapitänsmütze');
    expect(cleanPdfText('Tee 🍵 und 漢字\nzwei')).toBe('Tee ? und ?? zwei');
  });
});
