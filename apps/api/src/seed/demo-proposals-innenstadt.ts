import { ProposalStatus } from '@app/shared';
import type { DemoProposal } from './demo-proposals-data';

/** Demo proposals in the Aktionsräume of Innenstadt-Nord and Innenstadt-West (see demo-proposals-data.ts). */
const EK = 'EK' as const;
const SZ = 'SZ' as const;
const AB = 'AB' as const;

export const INNENSTADT_PROPOSALS: DemoProposal[] = [
  // Hafen
  {
    title: 'Ein Forum, in dem wir über kleine Projekte selbst entscheiden',
    body: 'Im Hafenquartier gibt es viele Leute mit guten Ideen, aber keinen Ort, wo man sie bespricht. Ich wünsche mir ein Treffen alle paar Monate, bei dem die Nachbarschaft selbst über ein kleines Budget für Straßenfeste, Pflanzkübel oder Material entscheidet.',
    area: 'Hafen',
    field: SZ,
    by: 'hafenmoewe',
    daysAgo: 80,
    supporters: 9,
    comments: [
      {
        by: 'kemal',
        daysAgo: 76,
        body: 'Gute Idee! Wichtig wäre, dass die Treffen abends sind, damit auch Berufstätige kommen können.',
        replies: [{ by: 'hafenmoewe', daysAgo: 75, body: 'Stimmt, vielleicht abwechselnd abends und samstags vormittags.' }],
      },
      { by: 'yildiz', daysAgo: 70, body: 'Bitte auch mit Übersetzung ins Türkische und Arabische, sonst sind wieder nur dieselben da.' },
    ],
  },
  {
    title: 'Licht im Durchgang zwischen Hafenstraße und Spielplatz',
    body: 'Der Fußweg zum Spielplatz ist ab 17 Uhr im Winter stockdunkel. Viele Eltern und Jugendliche gehen da lang und fühlen sich unsicher. Zwei oder drei Laternen würden schon reichen.',
    area: 'Hafen',
    field: SZ,
    by: 'kemal',
    daysAgo: 120,
    supporters: 12,
    answer: {
      status: ProposalStatus.Evaluating,
      daysAgo: 100,
      text: 'Wir haben den Weg mit dem Tiefbauamt besichtigt. Die Fläche gehört zum Teil der Wohnungsgesellschaft; wir klären gerade, wer die Laternen aufstellen und bezahlen kann.',
    },
    comments: [
      {
        by: 'mama-von-drei',
        daysAgo: 110,
        body: 'Meine Tochter nimmt abends lieber den Umweg über die Hauptstraße. Das sagt eigentlich alles.',
      },
    ],
  },
  // Nordmarkt
  {
    title: 'Trinkbrunnen und Wasserspiel für den Nordmarkt',
    body: 'Im Sommer ist der Platz voller Kinder, aber es gibt nirgends Wasser. Ein Trinkbrunnen und ein kleines Wasserspiel, wie in anderen Stadtteilen, würden den Platz an heißen Tagen viel schöner machen.',
    area: 'Nordmarkt',
    field: SZ,
    by: 'ayse',
    daysAgo: 18,
    supporters: 14,
    comments: [
      {
        by: 'sonnenblume',
        daysAgo: 16,
        body: 'Unbedingt! Und bitte ein paar Bäume oder Sonnensegel dazu, auf dem Pflaster ist es mittags kaum auszuhalten.',
      },
      {
        by: 'radlerin',
        daysAgo: 12,
        body: 'Wer kümmert sich um die Reinigung? Das sollte man gleich mitplanen, sonst ist es nach einem Jahr kaputt.',
        replies: [{ by: 'ayse', daysAgo: 11, body: 'Gute Frage, das können wir bei der Bürgerversammlung am Nordmarkt ansprechen.' }],
      },
    ],
  },
  {
    title: 'Sitzbänke mit Schatten auf dem Nordmarkt',
    body: 'Ältere Leute aus der Nachbarschaft würden gern draußen sitzen, aber die wenigen Bänke stehen in der prallen Sonne. Bitte mehr Bänke unter die Bäume, mit Rückenlehne.',
    area: 'Nordmarkt',
    field: SZ,
    by: 'sonnenblume',
    daysAgo: 40,
    supporters: 6,
  },
  {
    title: 'Bänke unter den Bäumen am Platz',
    body: 'Mehr Sitzgelegenheiten im Schatten, damit man sich auf dem Nordmarkt auch mal unterhalten kann.',
    area: 'Nordmarkt',
    field: SZ,
    by: 'grigore',
    daysAgo: 35,
    supporters: 3,
    mergedInto: {
      title: 'Sitzbänke mit Schatten auf dem Nordmarkt',
      daysAgo: 30,
      text: 'Derselbe Wunsch wurde schon vorgeschlagen; wir führen beide zusammen, damit die Unterstützungen an einer Stelle zählen.',
    },
  },
  {
    title: 'Baumscheiben bepflanzen statt Hundeklo',
    body: 'Die Erde um die Straßenbäume ist voller Müll und Hundekot. Viele von uns würden eine Baumscheibe vor dem Haus bepflanzen und pflegen, wenn die Stadt Erde, Pflanzen und einen kleinen Zaun stellt.',
    area: 'Nordmarkt',
    field: SZ,
    by: 'ayse',
    daysAgo: 45,
    supporters: 8,
  },
  {
    title: 'Jobcenter-Beratung direkt im Viertel',
    body: 'Für viele hier ist der Weg zum Jobcenter weit und die Termine sind schwer zu bekommen. Eine offene Sprechstunde einmal pro Woche im Stadtteilzentrum würde sehr helfen, gern auch mit jemandem, der übersetzt.',
    area: 'Nordmarkt',
    field: AB,
    by: 'grigore',
    daysAgo: 720,
    supporters: 7,
  },
  // Borsigplatz
  {
    title: 'Blumen an den Straßenbäumen rund um den Borsigplatz',
    body: 'Wie am Nordmarkt könnten wir auch hier Patenschaften für die Baumscheiben übernehmen. Unsere Hausgemeinschaft macht sofort mit.',
    area: 'Borsigplatz',
    field: SZ,
    by: 'borsigpapa',
    daysAgo: 38,
    supporters: 4,
  },
  {
    title: 'Jugendraum mit festen Öffnungszeiten am Wochenende',
    body: 'Unter der Woche gibt es Angebote, aber freitagabends und am Wochenende stehen die Jugendlichen auf der Straße. Ein Raum mit festen Zeiten und einer Ansprechperson wäre für alle besser, auch für die Nachbarn.',
    area: 'Borsigplatz',
    field: EK,
    by: 'jugendtreff-team',
    daysAgo: 150,
    supporters: 11,
    answer: {
      status: ProposalStatus.Accepted,
      daysAgo: 95,
      text: 'Der Jugendtreff öffnet ab dem nächsten Quartal freitags bis 22 Uhr und samstags nachmittags. Das Jugendamt stellt dafür eine zusätzliche Honorarkraft.',
    },
    comments: [
      { by: 'borsigpapa', daysAgo: 140, body: 'Mein Sohn ist 15 und würde sofort hingehen. Bitte auch mit Kicker und Musik!' },
      {
        by: 'jugendtreff-team',
        daysAgo: 90,
        body: 'Danke für die Unterstützung! Wir suchen noch Jugendliche, die beim Einrichten mithelfen.',
      },
    ],
  },
  // Dorstfelder Brücke
  {
    title: 'Beratung für kleine Läden und Gründer im Quartier',
    body: 'Viele kleine Läden hier werden von Familien geführt, die sich mit Förderprogrammen und Papierkram nicht auskennen. Eine Beratung vor Ort, gern mehrsprachig, könnte helfen, dass die Geschäfte bleiben.',
    area: 'Dorstfelder Brücke',
    field: AB,
    by: 'dorstfelderin',
    daysAgo: 320,
    supporters: 5,
  },
  {
    title: 'Sichere Querung an der Brücke für Schulkinder',
    body: 'Morgens laufen viele Grundschulkinder über die Straße an der Brücke, wo die Autos schnell fahren. Ein Zebrastreifen oder eine Ampel wäre dringend nötig, bevor etwas passiert.',
    area: 'Dorstfelder Brücke',
    field: EK,
    by: 'mama-von-drei',
    daysAgo: 60,
    supporters: 10,
    answer: {
      status: ProposalStatus.Evaluating,
      daysAgo: 45,
      text: 'Die Straßenverkehrsbehörde zählt im nächsten Monat den Verkehr und die querenden Kinder. Danach entscheidet sie, ob ein Zebrastreifen oder eine Bedarfsampel kommt.',
    },
  },
];
