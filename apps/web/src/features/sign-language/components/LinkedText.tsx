import { Fragment } from 'react';

const WEB_ADDRESS = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/;

/**
 * Text an administrator wrote (the video's summary, perhaps with the link to its transcript): one
 * paragraph per blank-line block, line breaks kept, web addresses as links. React text only, never HTML.
 */
export function LinkedText({ text }: { text: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="kern-body" dir="auto">
          {paragraph.split('\n').map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line.split(WEB_ADDRESS).map((part, partIndex) =>
                partIndex % 2 === 1 ? (
                  <a key={partIndex} className="kern-link" href={part} rel="noopener noreferrer">
                    {part}
                  </a>
                ) : (
                  <Fragment key={partIndex}>{part}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
