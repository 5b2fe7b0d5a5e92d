import { Link } from 'react-router';
import { LegalDocument } from '../../components/ui/LegalDocument';
import { Page } from '../../components/ui/Page';
import texts from '../../content/leichte-sprache.json';
import { useSignLanguageVideo } from '../../features/sign-language/api/sign-language-video';

interface EasyReadSection {
  heading: string;
  paragraphs?: string[];
  items?: string[];
  /** A sentence about the video in Gebärden-Sprache: `none` while there is none, `published` once there is; inserted at `at`. */
  signLanguage?: { at: number; none?: string; published?: string };
}

/** The items of a section, with the sentence about the sign language video that fits. */
function itemsOf(section: EasyReadSection, published: boolean): string[] | undefined {
  if (!section.signLanguage) return section.items;
  const sentence = published ? section.signLanguage.published : section.signLanguage.none;
  if (!sentence) return section.items;
  const items = [...(section.items ?? [])];
  items.splice(section.signLanguage.at, 0, sentence);
  return items;
}

/**
 * BITV 2.0 § 4: the start page's explanations in Leichte Sprache (what the site offers, how to find
 * one's way, how accessible it is and where it is not yet). An original text in Leichte Sprache, the
 * same whatever the chosen language, declared German for screen readers; no table of contents, whose
 * label would be in the interface language.
 */
export function EasyReadRoute() {
  const video = useSignLanguageVideo();
  // Until the answer is there, or when it fails, the page says the video is missing: better once too often.
  const published = Boolean(video.data?.video);
  return (
    <div lang="de" dir="ltr">
      <Page title={texts.title} lead={texts.lead} titleLang="de">
        <LegalDocument
          sections={(texts.sections as EasyReadSection[]).map((section) => ({ ...section, items: itemsOf(section, published) }))}
          toc={false}
        >
          <p className="kern-body">
            <Link className="kern-link" to="/barrierefreiheit">
              Barriere-Freiheit
            </Link>
          </p>
        </LegalDocument>
      </Page>
    </div>
  );
}
