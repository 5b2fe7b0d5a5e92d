import PDFDocument from 'pdfkit';
import type { MinutesBlock, MinutesDocument } from './minutes.model';

/** Characters outside Latin-1 that the standard fonts' WinAnsi encoding still has. */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d,
  0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/**
 * Text the standard Helvetica can show: German umlauts and ß are in its WinAnsi encoding; control
 * characters become spaces and anything else (emoji, other scripts) a "?" rather than a wrong glyph.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += ' ';
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(code)) out += char;
    else out += '?';
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const OBLIQUE = 'Helvetica-Oblique';
const MARGIN = 56;
const FOOTER = 36;

/** The document as an A4 PDF: title, banner while provisional, headings, tables, page numbers. */
export function renderPdf(doc: MinutesDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: doc.lang,
    displayTitle: true,
    info: { Title: pdfText(doc.title), Creator: 'Soziale Stadt', Producer: 'Soziale Stadt' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const left = MARGIN;
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensureSpace = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };

  // Title, banner, generated-at
  pdf.font(BOLD).fontSize(18).fillColor('#000000').text(pdfText(doc.title), left, pdf.y, { width });
  pdf.moveDown(0.3);
  if (doc.provisional) {
    const label = pdfText(doc.provisional.label.toUpperCase());
    const note = pdfText(doc.provisional.note);
    pdf.font(BOLD).fontSize(11);
    const height =
      pdf.heightOfString(label, { width: width - 16 }) +
      pdf
        .font(FONT)
        .fontSize(10)
        .heightOfString(note, { width: width - 16 }) +
      16;
    const top = pdf.y + 4;
    pdf.save().rect(left, top, width, height).fillAndStroke('#FFF4CE', '#8A6D00').restore();
    pdf
      .fillColor('#5C4700')
      .font(BOLD)
      .fontSize(11)
      .text(label, left + 8, top + 6, { width: width - 16 });
    pdf
      .font(FONT)
      .fontSize(10)
      .text(note, left + 8, pdf.y + 2, { width: width - 16 });
    pdf.fillColor('#000000');
    pdf.y = top + height + 6;
  }
  pdf.font(OBLIQUE).fontSize(9).fillColor('#333333').text(pdfText(doc.generatedAt), left, pdf.y, { width });
  pdf.fillColor('#000000');

  const renderBlock = (block: MinutesBlock) => {
    switch (block.kind) {
      case 'paragraph':
        pdf.font(block.emphasis ? OBLIQUE : FONT).fontSize(10);
        ensureSpace(pdf.heightOfString(pdfText(block.text), { width }));
        pdf.text(pdfText(block.text), left, pdf.y, { width });
        pdf.moveDown(0.5);
        return;
      case 'subheading':
        pdf.font(BOLD).fontSize(12);
        ensureSpace(60);
        pdf.moveDown(0.3).text(pdfText(block.text), left, pdf.y, { width });
        pdf.moveDown(0.3);
        return;
      case 'fields': {
        const labelWidth = Math.min(190, width * 0.4);
        for (const row of block.rows) {
          const label = pdfText(row.label);
          const value = pdfText(row.value);
          pdf.fontSize(10);
          const height = Math.max(
            pdf.font(BOLD).heightOfString(label, { width: labelWidth - 8 }),
            pdf.font(FONT).heightOfString(value, { width: width - labelWidth }),
          );
          ensureSpace(height + 2);
          const y = pdf.y;
          pdf.font(BOLD).text(label, left, y, { width: labelWidth - 8 });
          pdf.font(FONT).text(value, left + labelWidth, y, { width: width - labelWidth });
          pdf.y = y + height + 2;
        }
        pdf.moveDown(0.5);
        return;
      }
      case 'table':
        renderTable(block);
        return;
    }
  };

  const renderTable = (block: Extract<MinutesBlock, { kind: 'table' }>) => {
    // Numeric columns as wide as their widest cell (44 to 110 pt); the text columns share the rest.
    const pad = 4;
    const numericWidths = block.headers.map((header, i) => {
      if (!block.numeric[i]) return 0;
      const headerWidth = pdf.font(BOLD).fontSize(9).widthOfString(pdfText(header));
      const cellWidth = Math.max(
        0,
        ...block.rows.map((row) =>
          pdf
            .font(FONT)
            .fontSize(9)
            .widthOfString(pdfText(row[i] ?? '')),
        ),
      );
      return Math.min(110, Math.max(44, Math.ceil(Math.max(headerWidth, cellWidth)) + 2 * pad + 2));
    });
    const textCount = block.numeric.filter((numeric) => !numeric).length;
    const rest = width - numericWidths.reduce((sum, w) => sum + w, 0);
    const widths = block.numeric.map((numeric, i) =>
      textCount === 0 ? width / block.numeric.length : numeric ? numericWidths[i] : rest / textCount,
    );
    const drawRow = (cells: string[], header: boolean) => {
      pdf.font(header ? BOLD : FONT).fontSize(9);
      const texts = cells.map(pdfText);
      const height = Math.max(...texts.map((text, i) => pdf.heightOfString(text || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
      return { texts, height, header };
    };
    const paint = (row: ReturnType<typeof drawRow>) => {
      const y = pdf.y;
      if (row.header) pdf.save().rect(left, y, width, row.height).fill('#E8EEF5').restore();
      pdf
        .font(row.header ? BOLD : FONT)
        .fontSize(9)
        .fillColor('#000000');
      let x = left;
      row.texts.forEach((text, i) => {
        pdf.text(text, x + pad, y + pad, { width: widths[i] - 2 * pad, align: block.numeric[i] ? 'right' : 'left' });
        x += widths[i];
      });
      pdf
        .save()
        .moveTo(left, y + row.height)
        .lineTo(left + width, y + row.height)
        .lineWidth(0.5)
        .strokeColor('#7A8A99')
        .stroke()
        .restore();
      pdf.y = y + row.height;
    };
    if (block.caption) {
      pdf.font(OBLIQUE).fontSize(9);
      ensureSpace(pdf.heightOfString(pdfText(block.caption), { width }) + 40);
      pdf.text(pdfText(block.caption), left, pdf.y, { width });
      pdf.moveDown(0.2);
    }
    const header = drawRow(block.headers, true);
    ensureSpace(header.height * 2);
    paint(header);
    for (const cells of block.rows) {
      const row = drawRow(cells, false);
      if (pdf.y + row.height > bottom()) {
        pdf.addPage();
        paint(header);
      }
      paint(row);
    }
    pdf.x = left;
    pdf.moveDown(0.8);
  };

  for (const section of doc.sections) {
    pdf.moveDown(0.6);
    pdf.font(BOLD).fontSize(14);
    ensureSpace(80);
    pdf.text(pdfText(section.heading), left, pdf.y, { width });
    pdf.moveDown(0.3);
    for (const block of section.blocks) renderBlock(block);
  }

  // Footer on every page: page x of n, generated-at, and the banner label while provisional.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const savedBottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing below the margin must not open a new page
    const y = pdf.page.height - MARGIN - 12;
    const pageLabel = doc.pageLabel.replace('{n}', String(i - range.start + 1)).replace('{total}', String(range.count));
    const footer = [doc.provisional ? doc.provisional.label.toUpperCase() : null, doc.generatedAt].filter(Boolean).join(' · ');
    pdf.font(FONT).fontSize(8).fillColor('#333333');
    pdf.text(pdfText(footer), left, y, { width: width * 0.7, lineBreak: false });
    pdf.text(pdfText(pageLabel), left + width * 0.7, y, { width: width * 0.3, align: 'right', lineBreak: false });
    pdf.page.margins.bottom = savedBottom;
  }
  pdf.end();
  return done;
}
