import type { SignLanguageVideo } from '@app/shared';

interface SignLanguagePlayerProps {
  video: SignLanguageVideo;
  /** Says what the video is (the figure's caption). */
  caption: string;
  /** The captions track's name in the player's menu. */
  captionsLabel: string;
  /** For browsers that play no video: the text before the download link, and the link's text. */
  fallback: string;
  fallbackLink: string;
}

/**
 * The video with its German captions shown by default. Nothing loads until the person presses play
 * (preload="none": no mobile data spent on a visit), it plays inside the page on phones
 * (playsinline), and the player's own controls work by keyboard and screen reader.
 */
export function SignLanguagePlayer({ video, caption, captionsLabel, fallback, fallbackLink }: SignLanguagePlayerProps) {
  const captionId = `sign-language-video-${video.id}-caption`;
  return (
    <figure className="sign-language-video">
      <video className="sign-language-video__player" controls preload="none" playsInline aria-labelledby={captionId}>
        <source src={video.video.url} type={video.video.mimeType} />
        <track kind="captions" srcLang="de" label={captionsLabel} src={video.captions.url} default />
        <p className="kern-body">
          {fallback}{' '}
          <a className="kern-link" href={video.video.url} download={video.video.fileName}>
            {fallbackLink}
          </a>
        </p>
      </video>
      <figcaption className="kern-body sign-language-video__caption" id={captionId}>
        {caption}
      </figcaption>
    </figure>
  );
}
