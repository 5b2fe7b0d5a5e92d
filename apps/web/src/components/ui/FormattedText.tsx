import { Fragment, type ReactNode } from 'react';

/** Lines with breaks between them, as React text (never HTML). */
function withBreaks(lines: string[]): ReactNode[] {
  return lines.map((line, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {line}
    </Fragment>
  ));
}

/**
 * Plain text with light formatting, built from React elements only: a blank line starts a
 * paragraph, a line break stays a line break, lines starting with "- " form a list.
 */
export function FormattedText({ text }: { text: string }) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
  const out: ReactNode[] = [];
  blocks.forEach((block, blockIndex) => {
    // Inside a block, consecutive "- " lines become one list; other lines one paragraph.
    let run: { list: boolean; lines: string[] } | null = null;
    const flush = (key: string) => {
      if (!run) return;
      out.push(
        run.list ? (
          <ul key={key} className="kern-list kern-list--bullet formatted-text__list" dir="auto">
            {run.lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        ) : (
          <p key={key} className="kern-body" dir="auto">
            {withBreaks(run.lines)}
          </p>
        ),
      );
      run = null;
    };
    block.split('\n').forEach((line, lineIndex) => {
      const item = /^\s*-\s+(.*)$/.exec(line);
      const list = Boolean(item);
      const content = item ? item[1] : line;
      if (!run || run.list !== list) {
        flush(`${blockIndex}-${lineIndex}`);
        run = { list, lines: [] };
      }
      run.lines.push(content);
    });
    flush(`${blockIndex}-end`);
  });
  return <div className="formatted-text">{out}</div>;
}
