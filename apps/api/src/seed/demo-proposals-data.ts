import type { AreaType, ProposalStatus } from '@app/shared';
import { INNENSTADT_PROPOSALS } from './demo-proposals-innenstadt';
import { OUTSKIRTS_PROPOSALS } from './demo-proposals-outskirts';

/**
 * Demo participation: invented residents (pseudonyms, no real people) and what they proposed,
 * supported and discussed in every current Aktionsraum and in both Quartiere. The accounts have no
 * password and an address under the reserved .invalid domain, so nobody can sign in with them or
 * receive their mail. Answers are written as the area's moderation would; all of it is illustrative.
 */

export const DEMO_RESIDENT_DOMAIN = 'demo.invalid';

/** Pseudonyms as residents choose them; the key becomes the address bewohner-<key>@demo.invalid. */
export const DEMO_RESIDENTS: Array<{ key: string; displayName: string }> = [
  { key: 'hafenmoewe', displayName: 'Hafenmöwe' },
  { key: 'ayse', displayName: 'Ayşe vom Nordmarkt' },
  { key: 'borsigpapa', displayName: 'Borsig-Papa' },
  { key: 'gartenfee', displayName: 'Gartenfee Westerfilde' },
  { key: 'opa-kemminghausen', displayName: 'Opa aus Kemminghausen' },
  { key: 'malgorzata', displayName: 'Małgorzata aus Eving' },
  { key: 'hoerder-jung', displayName: 'Hörder Jung' },
  { key: 'leseratte', displayName: 'Leseratte Marten' },
  { key: 'nettekicker', displayName: 'Nette-Kicker' },
  { key: 'radlerin', displayName: 'Radlerin_44' },
  { key: 'dorstfelderin', displayName: 'Dorstfelderin' },
  { key: 'grigore', displayName: 'Grigore R.' },
  { key: 'mama-von-drei', displayName: 'Mama von drei' },
  { key: 'sonnenblume', displayName: 'Sonnenblume58' },
  { key: 'kemal', displayName: 'Kemal am Hafen' },
  { key: 'jugendtreff-team', displayName: 'Teamerin aus dem Jugendtreff' },
  { key: 'heidjer', displayName: 'Heidjer' },
  { key: 'meylant', displayName: 'Meylant-Nachbar' },
  { key: 'yildiz', displayName: 'Yıldız' },
  { key: 'westricher', displayName: 'Westricher Urgestein' },
];

export interface DemoComment {
  by: string;
  daysAgo: number;
  body: string;
  replies?: Array<{ by: string; daysAgo: number; body: string }>;
}

export interface DemoProposal {
  title: string;
  body: string;
  area: string;
  /** A Quartier instead of an Aktionsraum. */
  areaType?: AreaType;
  field: 'AB' | 'EK' | 'SZ';
  by: string;
  daysAgo: number;
  /** How many other residents support it (the first ones after the author, in list order). */
  supporters: number;
  comments?: DemoComment[];
  /** The official answer of the area's moderation. */
  answer?: { status: ProposalStatus.Evaluating | ProposalStatus.Accepted | ProposalStatus.Rejected; daysAgo: number; text: string };
  /** A duplicate merged into the proposal with this title; its supports move there. */
  mergedInto?: { title: string; daysAgo: number; text: string };
}

export const DEMO_PROPOSALS: DemoProposal[] = [...INNENSTADT_PROPOSALS, ...OUTSKIRTS_PROPOSALS];

/** Which demo proposals the demo project ideas grew from (by title), grouped when the idea was made. */
export const DEMO_PROJECT_PROPOSALS: Record<string, string[]> = {
  'Bürgergarten Westerfilde': ['Gemeinschaftsgarten auf der Brache zwischen den Blöcken'],
  'Der gehende Schulbus': ['Sicher zu Fuß zur Grundschule'],
  'Durchgängige Sprachbildung in Eving': ['Mehr Sprachförderung schon in der Kita'],
  'Digital Fit in Hörde': ['Computerkurs für Ältere und Arbeitsuchende'],
  'Kostenlose Hausaufgabenhilfe': ['Hausaufgabenhilfe im Stadtteilzentrum'],
  'Nachbarschaftsforum Hafen mit Bewohnerfonds': ['Ein Forum, in dem wir über kleine Projekte selbst entscheiden'],
  'Begrünung von Baumscheiben': ['Baumscheiben bepflanzen statt Hundeklo', 'Blumen an den Straßenbäumen rund um den Borsigplatz'],
  Vorlesetag: ['Vorlesenachmittag in der Stadtteilbibliothek'],
  'Jobcenter-Sprechstunde im Stadtteilzentrum Nordmarkt': ['Jobcenter-Beratung direkt im Viertel'],
  'Gründungsberatung lokale Ökonomie': ['Beratung für kleine Läden und Gründer im Quartier'],
  'Elterncafé mit Sprachmittlung': ['Elterncafé in der Kita mit Übersetzung'],
};
