import { Fragment } from 'react';

const PLACEHOLDER = /\[\[(.+?)\]\]/g;

/**
 * Renders text from the locale files where [[…]] marks a value the city still has to fill in
 * (legal texts). Placeholders stay visibly marked until replaced.
 */
export function RichText({ text }: { text: string }) {
  const parts = text.split(PLACEHOLDER);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="placeholder">
            {part}
          </mark>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
