import type { MinutesBlock, MinutesDocument } from './minutes.model';

/**
 * User text as inert Markdown: one line (no control characters, no line breaks that could start a
 * heading, list or table row) with every character that opens Markdown or HTML syntax inline
 * backslash-escaped (brackets, so no link or image can form; angle brackets and &, so no HTML or
 * entity; emphasis, code, table pipes, headings). With lineStart, also what only means something at
 * the start of a line ("- ", "+ ", "= ", "1. ").
 */
export function escapeMarkdown(text: string, lineStart = false): string {
  const line = text
    // eslint-disable-next-line no-control-regex -- removing control characters is the point here
    .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const escaped = line.replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
  if (!lineStart) return escaped;
  // "- x", "+ x", "= x" (setext), "1. x" / "1) x" would start a list or heading at a line start.
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function renderBlock(block: MinutesBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.emphasis ? `*${escapeMarkdown(block.text)}*` : escapeMarkdown(block.text, true);
    case 'subheading':
      return `### ${escapeMarkdown(block.text)}`;
    case 'fields':
      return block.rows.map((row) => `- **${escapeMarkdown(row.label)}:** ${escapeMarkdown(row.value)}`).join('\n');
    case 'table': {
      const cell = (text: string) => escapeMarkdown(text) || ' ';
      const lines = [
        `| ${block.headers.map(cell).join(' | ')} |`,
        `| ${block.numeric.map((numeric) => (numeric ? '---:' : '---')).join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ];
      return (block.caption ? `${escapeMarkdown(block.caption, true)}\n\n` : '') + lines.join('\n');
    }
  }
}

/** The document as Markdown (CommonMark with GFM tables). */
export function renderMarkdown(doc: MinutesDocument): string {
  const parts: string[] = [`# ${escapeMarkdown(doc.title)}`];
  if (doc.provisional) parts.push(`> **${escapeMarkdown(doc.provisional.label.toUpperCase())}:** ${escapeMarkdown(doc.provisional.note)}`);
  parts.push(`*${escapeMarkdown(doc.generatedAt)}*`);
  for (const section of doc.sections) {
    parts.push(`## ${escapeMarkdown(section.heading)}`);
    for (const block of section.blocks) parts.push(renderBlock(block));
  }
  return `${parts.join('\n\n')}\n`;
}
