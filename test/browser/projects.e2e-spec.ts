import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVALUATION_GUARDS, GUARD_RULES, PROJECT_STATE_INFO, PROJECT_STATES, TRANSITIONS } from '@app/shared';
import { type Browser, type Page } from 'playwright-core';
import { apiSession, createVerifiedUser, csrfHeaders, loginViaForm, type SeededProposal, seedProposal, USER_PASSWORD } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, screenshotOf, switchLanguage, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

// Real browser journeys take longer than the default test timeout.
jest.setTimeout(240_000);

const MODERATOR = { email: 'mo.moderation@example.org', name: 'Mo Moderation' };
const AUTHOR = { email: 'ayla.autorin@example.org', name: 'Ayla Autorin' };
const AREA = 'Borsigplatz';
const FIELD = 'SZ';
const IDEA_TITLE = 'Schattige Sitzplätze am Borsigplatz';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const LOCALES = join(__dirname, '../../apps/web/src/locales');

async function audit(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) problems.push(`[${label}] expected one h1, found ${h1}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(formatViolations(label, violations));
  return problems;
}

/** axe in German, then in English (switched with the header switcher), back to German. */
async function auditBothLanguages(page: Page, label: string, shotName?: string): Promise<string[]> {
  const problems = await audit(page, `de ${label}`);
  if (shotName) await screenshot(page, `${shotName}-de`);
  await switchLanguage(page, 'en');
  await waitForPage(page);
  problems.push(...(await audit(page, `en ${label}`)));
  if (shotName) await screenshot(page, `${shotName}-en`);
  await switchLanguage(page, 'de');
  await waitForPage(page);
  return problems;
}

async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, matches: (info: { text: string; assign: string | null; id: string }) => boolean, max = 150) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { text: el?.textContent ?? '', assign: el?.getAttribute('data-assign') ?? null, id: el?.id ?? '' };
    });
    if (matches(info)) return;
  }
  throw new Error('The element was not reachable with Tab');
}

/** The administrator gives the account the moderator role (no area scope = every area). */
async function makeModerator(baseUrl: string, email: string): Promise<void> {
  const admin = await apiSession(baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  try {
    const found = (await (await admin.get(`/api/admin/users?q=${encodeURIComponent(email)}`)).json()) as { items: Array<{ id: string }> };
    const updated = await admin.patch(`/api/admin/users/${found.items[0]?.id}`, {
      headers: await csrfHeaders(admin),
      data: { role: 'moderator' },
    });
    if (updated.status() !== 200) throw new Error(`role ${updated.status()}: ${await updated.text()}`);
  } finally {
    await admin.dispose();
  }
}

type Json = Record<string, unknown>;
const lookup = (tree: Json, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Json | undefined)?.[part], tree);

describe('projects (web)', () => {
  it('has every workflow state, transition, field and rule text in German and English', () => {
    const keys = new Set<string>();
    for (const state of PROJECT_STATES) {
      keys.add(PROJECT_STATE_INFO[state].labelKey);
      keys.add(PROJECT_STATE_INFO[state].descriptionKey);
    }
    for (const transition of TRANSITIONS) {
      keys.add(transition.labelKey);
      keys.add(`${transition.labelKey}_description`);
      for (const guard of transition.fields) keys.add(`workflow.fields.${guard.field}`);
    }
    for (const guard of EVALUATION_GUARDS) keys.add(`workflow.fields.${guard.field}`);
    for (const rule of GUARD_RULES) keys.add(`workflow.rules.${rule}`);
    keys.add('workflow.fields.runs');
    keys.add('workflow.fields.evaluation');
    for (const language of ['de', 'en']) {
      const tree = JSON.parse(readFileSync(join(LOCALES, `projects.${language}.json`), 'utf8')) as Json;
      const missing = [...keys].filter((key) => typeof lookup(tree, key) !== 'string' || !(lookup(tree, key) as string).trim());
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
    // The feature texts exist in both languages with the same keys.
    const flat = (node: unknown, prefix = ''): string[] =>
      typeof node === 'object' && node !== null
        ? Object.entries(node).flatMap(([key, value]) => flat(value, prefix ? `${prefix}.${key}` : key))
        : [prefix];
    const de = flat(JSON.parse(readFileSync(join(LOCALES, 'projects.de.json'), 'utf8'))).sort();
    const en = flat(JSON.parse(readFileSync(join(LOCALES, 'projects.en.json'), 'utf8'))).sort();
    expect(en).toEqual(de);
  });

  describe('in the browser', () => {
    let mail: SmtpSink;
    let server: RunningServer;
    let browser: Browser;
    let benches: SeededProposal;
    let trees: SeededProposal;
    let spare: SeededProposal;
    let ideaId = '';
    let areaId = '';
    let actionAreaId = '';

    beforeAll(async () => {
      mail = await new SmtpSink().start();
      server = await startServer(mail.port);
      browser = await launchBrowser();
      await createVerifiedUser(server.baseUrl, mail, MODERATOR.email, MODERATOR.name);
      await createVerifiedUser(server.baseUrl, mail, AUTHOR.email, AUTHOR.name);
      await makeModerator(server.baseUrl, MODERATOR.email);
      const author = await apiSession(server.baseUrl, AUTHOR.email);
      try {
        benches = await seedProposal(
          author,
          AREA,
          FIELD,
          'Schattige Sitzbänke am Borsigplatz',
          'Am Borsigplatz fehlen schattige Sitzbänke für ältere Menschen. Bitte Bänke unter den Bäumen aufstellen.',
        );
        trees = await seedProposal(
          author,
          AREA,
          FIELD,
          'Mehr Bäume und Sitzplätze im Schatten',
          'Im Sommer ist es am Borsigplatz zu heiß. Mehr Bäume und schattige Sitzplätze würden helfen.',
        );
        spare = await seedProposal(author, AREA, FIELD, 'Trinkbrunnen am Borsigplatz', 'Ein Trinkbrunnen für heiße Tage am Borsigplatz.');
      } finally {
        await author.dispose();
      }
      const moderator = await apiSession(server.baseUrl, MODERATOR.email);
      try {
        const areas = (await (await moderator.get('/api/areas')).json()) as Array<{ id: string; name: string; type: string }>;
        const fields = (await (await moderator.get('/api/fields-of-action')).json()) as Array<{ id: string; code: string }>;
        const area = areas.find((a) => a.name === AREA && a.type === 'action_area');
        areaId = area?.id ?? '';
        actionAreaId = areaId;
        const created = await moderator.post('/api/projects', {
          headers: await csrfHeaders(moderator),
          data: {
            title: IDEA_TITLE,
            description: 'Schattige Sitzbänke und Bäume am Borsigplatz, damit ältere Menschen im Sommer draußen sitzen können.',
            fieldOfActionId: fields.find((f) => f.code === FIELD)?.id,
            areaIds: [areaId],
          },
        });
        if (created.status() !== 201) throw new Error(`idea ${created.status()}: ${await created.text()}`);
        ideaId = ((await created.json()) as { id: string }).id;
      } finally {
        await moderator.dispose();
      }
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await mail?.stop();
    });

    it('lets a moderator group a proposal into an idea by keyboard only, and the proposal page shows its project', async () => {
      const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport: DESKTOP, bypassCSP: true });
      const page = await context.newPage();
      const csp = collectCspViolations(page);
      const problems: string[] = [];
      await loginViaForm(page, MODERATOR.email, USER_PASSWORD);

      // The moderation page links to the board.
      await open(page, '/moderation');
      expect(await page.locator('a[href="/moderation/grouping"]').count()).toBe(1);
      await open(page, `/moderation/grouping?areaId=${areaId}`);
      await page.waitForSelector(`[data-assign="proposal:${benches.id}"]`);
      // Opened with ?areaId=, the new-idea form has that area ticked already (and only that one).
      await page.waitForFunction(
        (id) => (document.querySelector(`#idea input[value="${id}"]`) as HTMLInputElement | null)?.checked === true,
        areaId,
      );
      expect(await page.locator('#idea input[name="areaIds"]:checked').count()).toBe(1);
      problems.push(...(await auditBothLanguages(page, '/moderation/grouping', 'grouping')));

      // The similar proposal carries a suggestion with its similarity as text.
      const card = page.locator('.grouping-candidate', { has: page.locator(`[data-assign="proposal:${benches.id}"]`) });
      expect(await card.textContent()).toMatch(/Ähnlichkeit \d+\s?%/);

      // Keyboard only: Tab to the proposal's button, Enter, Tab to the idea in the chooser, Enter.
      await page.focus('h1');
      await tabTo(page, (el) => el.assign === `proposal:${benches.id}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog[open]');
      expect(await page.textContent('dialog[open] h2')).toContain('Schattige Sitzbänke am Borsigplatz');
      expect(await page.textContent('dialog[open]')).toContain('Vorgeschlagene Ideen');
      problems.push(...(await audit(page, 'de grouping chooser')));
      await screenshot(page, 'grouping-chooser');
      await tabTo(page, (el) => el.text.includes(IDEA_TITLE));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !document.querySelector('dialog[open]'));

      // The move is announced in the live region, the proposal left the candidates, focus is on the board.
      const announcement = page.locator('#grouping-announcement');
      await page.waitForFunction(() => (document.getElementById('grouping-announcement')?.textContent ?? '').includes('ist jetzt Teil'));
      expect(await announcement.getAttribute('role')).toBe('status');
      expect(await announcement.textContent()).toBe(`„Schattige Sitzbänke am Borsigplatz“ ist jetzt Teil der Idee „${IDEA_TITLE}“.`);
      await page.waitForFunction((id) => !document.querySelector(`[data-assign="proposal:${id}"]`), benches.id);
      // Focus moved to the next proposal's button (the moved one is gone), not lost to the page.
      await page.waitForFunction(
        () => document.activeElement?.hasAttribute('data-assign') || document.activeElement?.id === 'grouping-candidates-title',
      );
      const idea = page.locator(`[data-idea="${ideaId}"]`);
      expect(await idea.textContent()).toContain('Schattige Sitzbänke am Borsigplatz');

      // Drag and drop works too, and a move can be undone with the button next to the announcement.
      await page.dragAndDrop(`.grouping-candidate:has([data-assign="proposal:${spare.id}"])`, `[data-idea="${ideaId}"]`);
      await page.waitForFunction(() => (document.getElementById('grouping-announcement')?.textContent ?? '').includes('Trinkbrunnen'));
      expect(await idea.textContent()).toContain('Trinkbrunnen am Borsigplatz');
      await page.click('.grouping-notice button:has-text("Rückgängig")');
      await page.waitForFunction(() => (document.getElementById('grouping-announcement')?.textContent ?? '').includes('nicht mehr Teil'));
      await page.waitForSelector(`[data-assign="proposal:${spare.id}"]`);
      expect(await idea.textContent()).not.toContain('Trinkbrunnen am Borsigplatz');
      await screenshotOf(idea, 'grouping-idea-card');
      await screenshot(page, 'grouping-after-moves');
      await page.setViewportSize(PHONE);
      await screenshot(page, 'grouping-360');
      await expectFitsPhone(page);
      await page.setViewportSize(DESKTOP);

      // The proposal page answers "what happened to the proposal?" once (the moderator is not its author).
      await open(page, `/proposals/${benches.id}`);
      expect(await page.locator('h2', { hasText: 'geworden?' }).allTextContents()).toEqual(['Was ist aus dem Vorschlag geworden?']);
      const section = page.locator('section:has(h2:has-text("Was ist aus dem Vorschlag geworden?"))');
      expect(await section.locator(`a[href="/projects/${ideaId}"]`).textContent()).toBe(IDEA_TITLE);
      expect(await section.textContent()).toContain('Projektidee');
      // The step the platform explains itself is German on the German page (no English sentence).
      const timeline = (await section.locator('.timeline').textContent()) ?? '';
      expect(timeline).toContain(`Teil der Projektidee „${IDEA_TITLE}“.`);
      expect(timeline).not.toContain('Part of the project idea');
      await screenshot(page, 'proposal-what-happened');
      problems.push(...(await audit(page, 'de proposal with project')));

      // On the idea's page the moderator sees every step; promoting is the administrators' and says so.
      await section.locator(`a[href="/projects/${ideaId}"]`).click();
      await page.waitForURL((url) => url.pathname === `/projects/${ideaId}`);
      await waitForPage(page);
      const promote = page.locator('[data-transition="promote_to_single_project"]');
      await promote.waitFor();
      expect(await promote.textContent()).toContain('Diesen Schritt darf nur die Rolle Administration machen.');
      expect(await promote.locator('button').count()).toBe(0);
      expect(await page.locator('[data-transition="reject"] button:has-text("Angaben eintragen")').count()).toBe(1);
      problems.push(...(await audit(page, 'de /projects/:id (idea, moderator)')));

      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });

    it('lets an administrator promote the idea after the missing fields are explained, and the timeline shows it in order', async () => {
      // A second proposal grouped over the API, so the timeline has two proposal steps.
      const moderator = await apiSession(server.baseUrl, MODERATOR.email);
      const linked = await moderator.post(`/api/projects/${ideaId}/proposals`, {
        headers: await csrfHeaders(moderator),
        data: { proposalId: trees.id },
      });
      expect(linked.status()).toBe(201);

      const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport: DESKTOP, bypassCSP: true });
      const page = await context.newPage();
      const csp = collectCspViolations(page);
      const problems: string[] = [];
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await open(page, `/projects/${ideaId}`);
      await page.waitForSelector('[data-transition="promote_to_single_project"]');
      problems.push(...(await auditBothLanguages(page, '/projects/:id (idea, admin)', 'project-idea-admin')));

      // First the explanation: what is missing, per field, in German; no form yet.
      const promote = page.locator('[data-transition="promote_to_single_project"]');
      const explanation = await promote.textContent();
      expect(explanation).toContain('Dafür fehlt noch:');
      for (const text of [
        'Träger: Angabe fehlt.',
        'Aktionsraum: Angabe fehlt.',
        'Starttermin: Angabe fehlt.',
        'Fördersumme: Angabe fehlt.',
      ]) {
        expect(explanation).toContain(text);
      }
      expect(await promote.locator('form').count()).toBe(0);
      // Every step from the idea state is listed (reject and park too).
      expect(await page.locator('[data-transition]').count()).toBe(3);

      await promote.locator('button:has-text("Angaben eintragen")').click();
      await page.waitForSelector('#transition-promote_to_single_project');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('transition-promote_to_single_project-operatorName');

      // An empty submit: the error summary takes focus and names the guarded fields.
      await page.click('#transition-promote_to_single_project button[type="submit"]');
      await page.waitForSelector('#transition-promote_to_single_project .error-summary');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      const summary = await page.textContent('#transition-promote_to_single_project .error-summary');
      expect(summary).toContain('Träger: Angabe fehlt.');
      expect(summary).toContain('Finanzierung (Quelle): Angabe fehlt.');
      problems.push(...(await audit(page, 'de promote form errors')));

      // Someone else changes the project meanwhile: the server says 409 and the page reloads.
      const bump = await moderator.post(`/api/projects/${ideaId}/proposals`, {
        headers: await csrfHeaders(moderator),
        data: { proposalId: spare.id },
      });
      expect(bump.status()).toBe(201);
      await moderator.dispose();
      await page.fill('#transition-promote_to_single_project-operatorName', 'Quartiersverein Borsigplatz e. V.');
      await page.selectOption('#transition-promote_to_single_project-areaId', actionAreaId);
      await page.fill('#transition-promote_to_single_project-startDate', '2026-03-01');
      await page.fill('#transition-promote_to_single_project-endDate', '2026-02-01');
      await page.fill('#transition-promote_to_single_project-fundingSource', 'Aktionsraumfonds');
      await page.fill('#transition-promote_to_single_project-fundingAmountCents', 'zwölf');
      await page.click('#transition-promote_to_single_project button[type="submit"]');
      // The browser checks the same guards first: end before start and a non-amount are named.
      await page.waitForSelector('#transition-promote_to_single_project .error-summary');
      const second = await page.textContent('#transition-promote_to_single_project .error-summary');
      expect(second).toContain('Geplantes Ende: Darf nicht vor „Starttermin“ liegen.');
      expect(second).toContain('Fördersumme: Bitte einen Betrag in Euro angeben');
      await page.fill('#transition-promote_to_single_project-endDate', '2027-12-31');
      await page.fill('#transition-promote_to_single_project-fundingAmountCents', '12.500,00');
      await page.click('#transition-promote_to_single_project button[type="submit"]');
      await page.waitForSelector('.project-actions__notice >> text=Jemand anderes hat das Vorhaben inzwischen geändert');
      await screenshot(page, 'project-conflict');

      // After the reload the step is offered again; this time it goes through.
      await page.locator('[data-transition="promote_to_single_project"] button:has-text("Angaben eintragen")').click();
      await page.fill('#transition-promote_to_single_project-operatorName', 'Quartiersverein Borsigplatz e. V.');
      await page.selectOption('#transition-promote_to_single_project-areaId', actionAreaId);
      await page.fill('#transition-promote_to_single_project-startDate', '2026-03-01');
      await page.fill('#transition-promote_to_single_project-fundingSource', 'Aktionsraumfonds');
      await page.fill('#transition-promote_to_single_project-fundingAmountCents', '12.500,00');
      await page.click('#transition-promote_to_single_project button[type="submit"]');
      await page.waitForSelector('.project-actions__notice >> text=Erledigt: Zum Einzelprojekt machen.');
      await page.waitForSelector('.project-state >> text=Einzelprojekt');

      // Facts: Träger, Aktionsraum, start, funding in euros.
      const facts = (await page.textContent('.project-facts')) ?? '';
      expect(facts).toContain('Quartiersverein Borsigplatz e. V.');
      expect(facts).toContain('Aktionsraum');
      expect(facts).toMatch(/12\.500,00\s€/);

      // The public timeline: idea created → proposals added → single project, in this order.
      const steps = await page.locator('.project-timeline > li').allTextContents();
      const order = [
        'Projektidee angelegt',
        'Vorschlag aufgenommen: Schattige Sitzbänke',
        'Vorschlag aufgenommen: Mehr Bäume',
        'Zum Einzelprojekt machen',
      ];
      const positions = order.map((text) => steps.findIndex((step) => step.includes(text)));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(steps[positions[3]]).toContain('durch Administration');
      expect(steps[positions[3]]).toContain('Einzelprojekt');

      // Milestone and status report: the progress bar has its number as text.
      await page.fill('#milestone-title', 'Bänke aufgestellt');
      await page.fill('#milestone-dueDate', '2027-05-01');
      await page.click('#milestone button[type="submit"]');
      await page.waitForSelector('.project-milestones >> text=Bänke aufgestellt');
      await page.fill('#status-report-progressPercent', '40');
      await page.fill('#status-report-text', 'Die ersten vier Bänke stehen, die Bäume sind bestellt.');
      await page.click('#status-report button[type="submit"]');
      await page.waitForSelector('.project-reports >> text=Die ersten vier Bänke stehen');
      expect(await page.textContent('.project-reports')).toContain('40 % erreicht');
      expect(await page.locator('.project-reports progress').getAttribute('value')).toBe('40');
      await screenshot(page, 'project-single-admin');
      await screenshotOf(page.locator('section[aria-labelledby="progress-title"]'), 'project-progress-section');
      await screenshotOf(page.locator('section[aria-labelledby="actions-title"]'), 'project-actions-section');
      problems.push(...(await auditBothLanguages(page, '/projects/:id (single project, admin)')));

      // The public view of the same page, in both languages and at 360 px.
      const publicContext = await newContext(browser, server.baseUrl, {
        language: 'de',
        locale: 'de-DE',
        viewport: DESKTOP,
        bypassCSP: true,
      });
      const visitor = await publicContext.newPage();
      await open(visitor, `/projects/${ideaId}`);
      expect(await visitor.locator('#actions-title').count()).toBe(0);
      expect(await visitor.textContent('.project-timeline')).toContain('Zum Einzelprojekt machen');
      problems.push(...(await auditBothLanguages(visitor, '/projects/:id (public)', 'project-public')));
      await visitor.setViewportSize(PHONE);
      await screenshot(visitor, 'project-public-360');
      await expectFitsPhone(visitor);
      await publicContext.close();

      // Towards a project type: first blocked (no finished, evaluated run) with a link to the evaluation form …
      const toType = page.locator('[data-transition="promote_to_project_type"]');
      expect(await toType.textContent()).toContain('Erst muss am Vorhaben noch etwas erfasst werden:');
      expect(await toType.textContent()).toContain('Durchführung: Noch ist keine Durchführung als Einzelprojekt abgeschlossen.');
      expect(await toType.locator('button').count()).toBe(0);
      expect(await toType.locator('a[href="#evaluation-title"]').count()).toBe(1);
      // … then the run is evaluated, and the step opens.
      await page.selectOption('#evaluation-outcome', 'successful');
      await page.fill(
        '#evaluation-evidence',
        'Die Bänke werden täglich genutzt; bei zwei Befragungen gaben 80 von 100 Älteren an, jetzt öfter draußen zu sein.',
      );
      // The indicators are the social report's, chosen by checkbox; none chosen is refused before sending.
      await page.click('#evaluation button[type="submit"]');
      await page.waitForSelector('#evaluation-indicatorKeys-error');
      problems.push(...(await audit(page, 'de evaluation form with error')));
      await page.getByRole('checkbox', { name: 'Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften' }).check();
      await page.getByRole('checkbox', { name: 'Gute Deutschkenntnisse bei der Schuleingangsuntersuchung' }).check();
      await page.click('#evaluation button[type="submit"]');
      await page.waitForSelector('#evaluation >> text=Die Auswertung ist gespeichert.');
      // The recorded evaluation names them and links each to the social report's city overview.
      const aimed = page.locator('.evaluation-indicators a');
      await aimed.first().waitFor();
      expect(await aimed.allTextContents()).toEqual([
        'Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften',
        'Gute Deutschkenntnisse bei der Schuleingangsuntersuchung',
      ]);
      expect(await aimed.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
        '/report?indicator=kinder_sgb2',
        '/report?indicator=sprachkompetenz',
      ]);
      await page.locator('[data-transition="promote_to_project_type"] button:has-text("Angaben eintragen")').click();
      await page.fill(
        '#transition-promote_to_project_type-patternDescription',
        'Schattige Bänke unter Bäumen an einem belebten Platz, aufgestellt mit einem Verein aus dem Quartier, der sie pflegt.',
      );
      await page.click('#transition-promote_to_project_type button[type="submit"]');
      await page.waitForSelector('.project-actions__notice >> text=Erledigt: Zum Projekttyp machen.');
      await page.waitForSelector('.project-state >> text=Projekttyp');
      const path = await page.locator('.project-timeline > li').allTextContents();
      const steps2 = [
        'Projektidee angelegt',
        'Zum Einzelprojekt machen',
        'Durchführung abgeschlossen und ausgewertet',
        'Zum Projekttyp machen',
      ];
      const at = steps2.map((text) => path.findIndex((step) => step.includes(text)));
      expect(at.every((p) => p >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // From a type: regular operation and a run in another area are offered.
      expect(await page.locator('[data-transition="enter_regular_operation"]').count()).toBe(1);
      expect(await page.locator('[data-transition="create_instance_from_type"]').count()).toBe(1);
      await screenshot(page, 'project-type-admin');

      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });

    it('shows the public Vorhabenliste and the admin portfolio', async () => {
      const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport: DESKTOP, bypassCSP: true });
      const page = await context.newPage();
      const csp = collectCspViolations(page);
      const problems: string[] = [];

      // The main navigation leads to the list; the promoted project is there with state, Träger and next step.
      await open(page, '/');
      await page.click('.site-nav >> text=Vorhaben');
      await page.waitForURL((url) => url.pathname === '/projects');
      await waitForPage(page);
      const row = page.locator('tr', { has: page.locator(`a[href="/projects/${ideaId}"]`) });
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('Projekttyp');
      expect(text).toContain('Quartiersverein Borsigplatz e. V.');
      expect(text).toContain('In den Regelbetrieb übernehmen');
      // Single projects (the demo data has some) show their progress as a bar with its number as text.
      expect(await page.locator('tbody progress').count()).toBeGreaterThan(0);
      expect(await page.locator('tbody').textContent()).toMatch(/\d+ % erreicht/);
      // The state filter is kept in the URL.
      await page.selectOption('#project-filter-state', 'project_type');
      await page.click('#project-filter button[type="submit"]');
      await page.waitForURL((url) => url.searchParams.get('state') === 'project_type');
      await waitForPage(page);
      expect(await page.locator(`a[href="/projects/${ideaId}"]`).count()).toBe(1);
      problems.push(...(await auditBothLanguages(page, '/projects', 'projects-list')));
      await page.setViewportSize(PHONE);
      await screenshot(page, 'projects-list-360');
      await expectFitsPhone(page);
      await page.setViewportSize(DESKTOP);

      // The portfolio: matrix with header cells, where things get stuck, downloads carrying the filters.
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await open(page, '/admin');
      await page.click('main a:has-text("Vorhaben-Portfolio")');
      await page.waitForURL((url) => url.pathname === '/admin/portfolio');
      await waitForPage(page);
      expect(await page.locator('.portfolio-matrix th[scope="col"]').count()).toBeGreaterThan(1);
      expect(await page.locator('.portfolio-matrix th[scope="row"]').count()).toBeGreaterThan(0);
      const matrix = (await page.textContent('.portfolio-matrix')) ?? '';
      expect(matrix).toContain(AREA);
      expect(matrix).toContain('Projekttyp: 1');
      const stuck = page.locator('section[aria-labelledby="stuck-title"] tbody tr');
      expect(await stuck.count()).toBe(PROJECT_STATES.length);
      expect(await page.locator('section[aria-labelledby="items-title"]').textContent()).toContain(IDEA_TITLE);
      await page.selectOption('#portfolio-filter-areaId', areaId);
      await page.click('#portfolio-filter button[type="submit"]');
      await page.waitForURL((url) => url.searchParams.get('areaId') === areaId);
      await waitForPage(page);
      const csv = await page.getAttribute('a:has-text("CSV")', 'href');
      const xlsx = await page.getAttribute('a:has-text("XLSX")', 'href');
      expect(csv).toBe(`/api/projects/portfolio.csv?areaId=${areaId}`);
      expect(xlsx).toBe(`/api/projects/portfolio.xlsx?areaId=${areaId}`);
      const download = await page.request.get(csv ?? '');
      expect(download.status()).toBe(200);
      expect(await download.text()).toContain(IDEA_TITLE);
      problems.push(...(await auditBothLanguages(page, '/admin/portfolio', 'portfolio')));
      await page.setViewportSize(PHONE);
      await screenshot(page, 'portfolio-360');
      await expectFitsPhone(page);

      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });

    it('says on the project page that a run can be evaluated only from its start date on', async () => {
      const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const nextYear = new Date().getUTCFullYear() + 1;
      const projectId = await (async () => {
        try {
          const fields = (await (await admin.get('/api/fields-of-action')).json()) as Array<{ id: string; code: string }>;
          const created = await admin.post('/api/projects', {
            headers: await csrfHeaders(admin),
            data: {
              title: 'Sommerferienprogramm im Hafen',
              description: 'Ein Ferienprogramm für Kinder, die im Sommer nicht verreisen, mit Ausflügen und Sport.',
              fieldOfActionId: fields.find((f) => f.code === FIELD)?.id,
              areaIds: [actionAreaId],
            },
          });
          const idea = (await created.json()) as { id: string; version: number };
          const promoted = await admin.post(`/api/projects/${idea.id}/transitions`, {
            headers: await csrfHeaders(admin),
            data: {
              transitionId: 'promote_to_single_project',
              expectedVersion: idea.version,
              input: {
                operatorName: 'Jugendring Hafen e. V.',
                areaId: actionAreaId,
                startDate: `${nextYear}-07-01`,
                fundingSource: 'Aktionsraumfonds',
                fundingAmountCents: 500_000,
              },
            },
          });
          expect(promoted.status()).toBe(200);
          return idea.id;
        } finally {
          await admin.dispose();
        }
      })();
      const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport: DESKTOP, bypassCSP: true });
      const page = await context.newPage();
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await open(page, `/projects/${projectId}`);
      const notice = page.locator('.kern-alert', { hasText: 'Das Projekt beginnt am' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain('Erst ab diesem Tag lässt sich die Durchführung abschließen und auswerten.');
      expect(await page.locator('#evaluation-outcome').count()).toBe(0);
      expect(await audit(page, 'de project before its start')).toEqual([]);
      await screenshot(page, 'project-before-start');
      await context.close();
    });
  });
});
