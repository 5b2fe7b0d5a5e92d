import type { SignLanguageVideo } from '@app/shared';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Page } from '../../components/ui/Page';
import texts from '../../content/gebaerdensprache.json';
import { useSignLanguageVideo } from '../../features/sign-language/api/sign-language-video';
import { LinkedText } from '../../features/sign-language/components/LinkedText';
import { SignLanguagePlayer } from '../../features/sign-language/components/SignLanguagePlayer';
import { formatFileSize } from '../../lib/format';

const TYPE_LABELS: Record<string, string> = { 'video/mp4': 'MP4', 'video/webm': 'WebM', 'text/vtt': 'WebVTT' };
/** The page is German whatever the chosen language (DGS is German Sign Language; the captions are German). */
const size = (bytes: number) => formatFileSize(bytes, 'de');

/**
 * BITV 2.0 § 4: the city's video in Deutsche Gebärdensprache, with German captions. Until an
 * administrator has published one, the page says honestly that it is planned (no placeholder video).
 */
export function SignLanguageRoute() {
  const query = useSignLanguageVideo();
  const video = query.data?.video ?? null;
  return (
    <div lang="de" dir="ltr">
      <Page title={texts.title} lead={texts.lead} titleLang="de">
        {query.isPending ? (
          <div role="status" className="loading">
            <span className="kern-loader kern-loader--visible loading__spinner" aria-hidden="true" />
            <span className="kern-body">{texts.loading}</span>
          </div>
        ) : query.error ? (
          <Alert variant="danger" role="alert" title={texts.loadFailed} />
        ) : video ? (
          <Published video={video} />
        ) : (
          <Alert variant="info" title={texts.planned} />
        )}
        <div className={video ? 'section' : undefined}>
          <p className="kern-body">{video ? texts.more : texts.meanwhile}</p>
          <ul className="kern-list kern-list--bullet">
            <li>
              <Link className="kern-link" to="/leichte-sprache">
                {texts.easyRead}
              </Link>
            </li>
            <li>
              <Link className="kern-link" to="/barrierefreiheit">
                {texts.statement}
              </Link>
            </li>
          </ul>
        </div>
      </Page>
    </div>
  );
}

function Published({ video }: { video: SignLanguageVideo }) {
  return (
    <>
      <SignLanguagePlayer
        video={video}
        caption={texts.videoCaption}
        captionsLabel={texts.captionsLabel}
        fallback={texts.fallback}
        fallbackLink={texts.fallbackLink}
      />
      {video.description ? (
        <section className="section" aria-labelledby="sign-language-description">
          <h2 className="kern-heading-medium" id="sign-language-description">
            {texts.descriptionTitle}
          </h2>
          <LinkedText text={video.description} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="sign-language-downloads">
        <h2 className="kern-heading-medium" id="sign-language-downloads">
          {texts.downloadsTitle}
        </h2>
        <ul className="kern-list kern-list--bullet">
          <li>
            <a className="kern-link" href={video.video.url} download={video.video.fileName}>
              {texts.downloadVideo} ({TYPE_LABELS[video.video.mimeType]}, {size(video.video.size)})
            </a>
          </li>
          <li>
            <a className="kern-link" href={video.captions.url} download={video.captions.fileName}>
              {texts.downloadCaptions} ({TYPE_LABELS[video.captions.mimeType]}, {size(video.captions.size)})
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
