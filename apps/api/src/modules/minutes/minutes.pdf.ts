import PDFDocument from 'pdfkit';
import { htmlLang, Language } from '@app/shared';
import type { MinutesBlock, MinutesDocument } from './minutes.model';
import { cleanPdfText, PdfText, type TextStyle } from './minutes.pdf-text';

const MARGIN = 56;
const FOOTER = 36;

/** The document language for screen readers: German (also for Leichte Sprache) and English with their region. */
function pdfLanguage(lang: Language): string {
  return htmlLang(lang) === Language.German ? 'de-DE' : lang === Language.English ? 'en-GB' : lang;
}

type Struct = PDFKit.PDFStructureElement;
type Child = PDFKit.PDFStructureElementChild;
type Table = Extract<MinutesBlock, { kind: 'table' }>;

/**
 * The document as a tagged A4 PDF (PDF 1.7): document language, title shown in the window,
 * headings H1–H3, paragraphs, tables with header cells and captions in the structure tree, an
 * outline of the sections; page footers and decoration are artifacts. Every text in Noto Sans /
 * Noto Sans Arabic, embedded as subsets, so a name prints as it was typed in any of the
 * city's languages.
 */
export function renderPdf(doc: MinutesDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: pdfLanguage(doc.lang),
    displayTitle: true,
    info: { Title: cleanPdfText(doc.title), Creator: 'Soziale Stadt', Producer: 'Soziale Stadt' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const tx = new PdfText(pdf);

  const left = MARGIN;
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensureSpace = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };
  /** Drawing that carries no meaning (backgrounds, rules, repeated headers, footers). */
  const artifact = (draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') => {
    pdf.markContent('Artifact', { type });
    draw();
    pdf.endMarkedContent();
  };
  /** A text block as its own structure element at the current position; moves below it. */
  const block = (parent: Struct, type: string, text: string, style: TextStyle, gap = 0) => {
    ensureSpace(tx.height(text, width, style));
    parent.add(
      el(type, () => {
        pdf.y += tx.draw(text, left, pdf.y, width, style);
      }),
    );
    pdf.y += gap;
  };

  /** A structure element with its content (pdfkit's types lack the table cells' scope). */
  const el = (type: string, children: Child | Child[], scope?: 'Row' | 'Column') =>
    pdf.struct(type, (scope ? { scope } : {}) as Parameters<typeof pdf.struct>[1], children);

  const root = pdf.struct('Document');
  pdf.addStructure(root);

  // Title, banner, generated-at
  pdf.fillColor('#000000');
  block(root, 'H1', doc.title, { face: 'bold', size: 18 }, 4);
  if (doc.provisional) {
    const label = doc.provisional.label.toUpperCase();
    const note = doc.provisional.note;
    const labelStyle: TextStyle = { face: 'bold', size: 11 };
    const noteStyle: TextStyle = { size: 10 };
    const height = tx.height(label, width - 16, labelStyle) + tx.height(note, width - 16, noteStyle) + 14;
    const top = pdf.y + 4;
    artifact(() => pdf.save().rect(left, top, width, height).fillAndStroke('#FFF4CE', '#8A6D00').restore());
    pdf.fillColor('#5C4700');
    root.add(
      el('P', () => {
        const labelHeight = tx.draw(label, left + 8, top + 6, width - 16, labelStyle);
        tx.draw(note, left + 8, top + 8 + labelHeight, width - 16, noteStyle);
      }),
    );
    pdf.fillColor('#000000');
    pdf.y = top + height + 6;
  }
  pdf.fillColor('#333333');
  block(root, 'P', doc.generatedAt, { face: 'italic', size: 9 });
  pdf.fillColor('#000000');

  const renderTable = (parent: Struct, table: Table) => {
    // Numeric columns as wide as their widest cell (44 to 110 pt); the text columns share the rest.
    const pad = 4;
    const head: TextStyle = { face: 'bold', size: 9 };
    const cell: TextStyle = { size: 9 };
    const numericWidths = table.headers.map((header, i) => {
      if (!table.numeric[i]) return 0;
      const widest = Math.max(tx.width(header, head), ...table.rows.map((row) => tx.width(row[i] ?? '', cell)));
      return Math.min(110, Math.max(44, Math.ceil(widest) + 2 * pad + 2));
    });
    const textCount = table.numeric.filter((numeric) => !numeric).length;
    const rest = width - numericWidths.reduce((sum, w) => sum + w, 0);
    const widths = table.numeric.map((numeric, i) =>
      textCount === 0 ? width / table.numeric.length : numeric ? numericWidths[i] : rest / textCount,
    );
    const rowHeight = (cells: string[], style: TextStyle) =>
      Math.max(...cells.map((text, i) => tx.height(text || ' ', widths[i] - 2 * pad, style) || tx.lineHeight(style))) + 2 * pad;
    const drawCells = (cells: string[], style: TextStyle, y: number) => {
      let x = left;
      return cells.map((text, i) => {
        const cx = x;
        x += widths[i];
        return () => tx.draw(text, cx + pad, y + pad, widths[i] - 2 * pad, style, table.numeric[i] ? 'right' : 'start');
      });
    };
    const rule = (y: number) =>
      artifact(() =>
        pdf
          .save()
          .moveTo(left, y)
          .lineTo(left + width, y)
          .lineWidth(0.5)
          .strokeColor('#7A8A99')
          .stroke()
          .restore(),
      );
    const headerHeight = rowHeight(table.headers, head);
    const background = (y: number) => artifact(() => pdf.save().rect(left, y, width, headerHeight).fill('#E8EEF5').restore());

    const element = pdf.struct('Table');
    parent.add(element);
    if (table.caption) {
      const caption: TextStyle = { face: 'italic', size: 9 };
      ensureSpace(tx.height(table.caption, width, caption) + 40);
      element.add(el('Caption', () => (pdf.y += tx.draw(table.caption!, left, pdf.y, width, caption))));
      pdf.y += 2;
    }
    ensureSpace(headerHeight * 2);
    let y = pdf.y;
    background(y);
    const headerCells = drawCells(table.headers, head, y);
    element.add(
      el(
        'TR',
        headerCells.map((draw) => el('TH', draw, 'Column')),
      ),
    );
    rule(y + headerHeight);
    y += headerHeight;
    for (const cells of table.rows) {
      const height = rowHeight(cells, cell);
      if (y + height > bottom()) {
        pdf.addPage();
        y = pdf.y;
        // The header again on the next page, for the eye only: the structure has it once.
        background(y);
        const repeat = drawCells(table.headers, head, y);
        artifact(() => repeat.forEach((draw) => draw()), 'Pagination');
        rule(y + headerHeight);
        y += headerHeight;
      }
      element.add(
        el(
          'TR',
          drawCells(cells, cell, y).map((draw) => el('TD', draw)),
        ),
      );
      rule(y + height);
      y += height;
    }
    element.end();
    pdf.x = left;
    pdf.y = y + 10;
  };

  /** Label and value pairs as a two-column table whose first column heads its row. */
  const renderFields = (parent: Struct, rows: Array<{ label: string; value: string }>) => {
    const labelWidth = Math.min(190, width * 0.4);
    const label: TextStyle = { face: 'bold', size: 10 };
    const value: TextStyle = { size: 10 };
    const element = pdf.struct('Table');
    parent.add(element);
    for (const row of rows) {
      const height = Math.max(tx.height(row.label, labelWidth - 8, label), tx.height(row.value, width - labelWidth, value));
      ensureSpace(height + 2);
      const y = pdf.y;
      element.add(
        el('TR', [
          el('TH', () => tx.draw(row.label, left, y, labelWidth - 8, label), 'Row'),
          el('TD', () => tx.draw(row.value, left + labelWidth, y, width - labelWidth, value)),
        ]),
      );
      pdf.y = y + height + 2;
    }
    element.end();
    pdf.y += 6;
  };

  const renderBlock = (section: Struct, item: MinutesBlock) => {
    switch (item.kind) {
      case 'paragraph':
        return block(section, 'P', item.text, { face: item.emphasis ? 'italic' : 'regular', size: 10 }, 6);
      case 'subheading':
        ensureSpace(60);
        pdf.y += 4;
        return block(section, 'H3', item.text, { face: 'bold', size: 12 }, 4);
      case 'fields':
        return renderFields(section, item.rows);
      case 'table':
        return renderTable(section, item);
    }
  };

  for (const section of doc.sections) {
    pdf.y += 8;
    ensureSpace(80);
    const element = pdf.struct('Sect');
    root.add(element);
    pdf.outline.addItem(cleanPdfText(section.heading));
    block(element, 'H2', section.heading, { face: 'bold', size: 14 }, 4);
    for (const item of section.blocks) renderBlock(element, item);
    element.end();
  }
  root.end();

  // Footer on every page: page x of n, generated-at, and the banner label while provisional.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const y = pdf.page.height - MARGIN - 12;
    const pageLabel = doc.pageLabel.replace('{{n}}', String(i - range.start + 1)).replace('{{total}}', String(range.count));
    const footer = [doc.provisional ? doc.provisional.label.toUpperCase() : null, doc.generatedAt].filter(Boolean).join(' · ');
    pdf.fillColor('#333333');
    artifact(() => {
      tx.draw(footer, left, y, width * 0.7, { size: 8 });
      tx.draw(pageLabel, left + width * 0.7, y, width * 0.3, { size: 8 }, 'right');
    }, 'Pagination');
  }
  pdf.end();
  return done;
}
