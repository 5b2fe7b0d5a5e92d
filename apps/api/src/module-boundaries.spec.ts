import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The API's boundary rule, kept by a test: a module writes only its own tables (the entities defined in
 * its folder); another module that needs a change there asks the owner's service, inside its transaction
 * where the step must be atomic. The source is read as text: every write through an entity manager, a
 * repository or a query builder names the entity class it writes, and the class's file names its owner.
 * A cross-module write that is on purpose is listed below with its reason; anything else fails.
 */
const MODULES = join(__dirname, 'modules');

/** Cross-module writes on purpose: "writer → Entity" and why. */
const ALLOWED: Record<string, string> = {
  // Work across every table by nature.
  'retention → *': 'the retention job deletes or anonymises expired data in every table',
  'integrity → *': 'the start-up consistency check repairs stored counts from their rows',
  // The live room (its participants, cards, proposals, rounds, ballots, speakers: live/entities) moves the
  // assembly's status and state version with each live change, in the change's own transaction.
  'live → Assembly': 'starting, pausing and closing an assembly and its state version move with each live change',
  // The moderators' translations of an agenda item's title are entered in the console during the assembly
  // and move with the state version like every live change (the assemblies module drops them when the title changes).
  'live → AgendaItemEntity':
    "the moderators' translations of an agenda item's title, entered in the console, in the live change's transaction",
};

const WRITE_METHODS = 'save|insert|update|upsert|delete|softDelete|restore|remove|increment|decrement';
const PATTERNS = [
  // manager.update(Entity, …), manager.save(manager.create(Entity, …)), repository of an entity
  new RegExp(`\\.(?:${WRITE_METHODS})\\(\\s*(?:\\w+\\.create\\(\\s*)?([A-Z]\\w*)\\b`, 'g'),
  new RegExp(`getRepository\\(([A-Z]\\w*)\\)\\s*\\.(?:${WRITE_METHODS})\\(`, 'g'),
  // query builders: .insert().into(Entity), .update(Entity), .delete().from(Entity)
  /\.into\(\s*([A-Z]\w*)\b/g,
  /\.delete\(\)\s*\.from\(\s*([A-Z]\w*)\b/g,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const moduleOf = (file: string) => relative(MODULES, file).split('/')[0];

function entityOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files(MODULES)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/@Entity\([^)]*\)\s*(?:@[\w.]+\([^)]*\)\s*)*export class (\w+)/g))
      owners.set(match[1], moduleOf(file));
  }
  return owners;
}

/** Writes through a repository injected for an entity: `@InjectRepository(X) private readonly repo` … `this.repo.update(`. */
function repositoryWrites(text: string): string[] {
  const written: string[] = [];
  for (const [, entity, name] of text.matchAll(/@InjectRepository\((\w+)\)\s*(?:private|protected|public)?\s*(?:readonly\s+)?(\w+)/g)) {
    if (new RegExp(`this\\.${name}\\.(?:${WRITE_METHODS})\\(`).test(text)) written.push(entity);
  }
  return written;
}

function crossModuleWrites(): string[] {
  const owners = entityOwners();
  const found = new Set<string>();
  for (const file of files(MODULES)) {
    const writer = moduleOf(file);
    const text = readFileSync(file, 'utf8');
    const entities = [...PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1])), ...repositoryWrites(text)];
    for (const entity of entities) {
      const owner = owners.get(entity);
      if (!owner || owner === writer) continue;
      if (ALLOWED[`${writer} → *`] || ALLOWED[`${writer} → ${entity}`]) continue;
      found.add(`${writer} writes ${entity} (owned by ${owner}) in ${relative(MODULES, file)}`);
    }
  }
  return [...found].sort();
}

describe('module boundaries of the API', () => {
  it('finds the entities and their owners', () => {
    const owners = entityOwners();
    expect(owners.get('User')).toBe('users');
    expect(owners.get('Proposal')).toBe('proposals');
    expect(owners.size).toBeGreaterThan(20);
  });

  it('has every module write only its own tables, but for the listed exceptions', () => {
    expect(crossModuleWrites()).toEqual([]);
  });

  it('would notice a write to another module’s table', () => {
    const owners = entityOwners();
    const sample = 'await m.update(User, { id }, { role });\nawait m.createQueryBuilder().insert().into(Proposal).values(v)';
    const entities = PATTERNS.flatMap((pattern) => [...sample.matchAll(pattern)].map((m) => m[1]));
    expect(entities.map((e) => owners.get(e))).toEqual(['users', 'proposals']);
  });
});
