/**
 * Gives Users the skills a source lists for them: the same rules for the
 * catalog module (one entity at a time) and the CLI (all at once).
 */
import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_SKILLS } from '../annotations';
import { annotationOf, compareStrings, entityRefOf, quote } from '../util';
import type {
  SkillsSource,
  SkillsSourceEntry,
  SkillsSourceFinding,
} from './model';
import { sourceFinding } from './findingCodes';

/**
 * Which value wins when a User carries its own `team-insights.io/skills`:
 * `entity` (default) keeps the annotation, `source` replaces it.
 * @public
 */
export type SkillsSourcePrecedence = 'entity' | 'source';

/**
 * The precedences a source may have.
 * @public
 */
export const SKILLS_SOURCE_PRECEDENCES: readonly SkillsSourcePrecedence[] = [
  'entity',
  'source',
];

/**
 * A parsed source with its precedence, as configured.
 * @public
 */
export interface ConfiguredSkillsSource {
  source: SkillsSource;
  precedence: SkillsSourcePrecedence;
}

/**
 * The row that gives a User their skills.
 * @public
 */
export interface SkillsSourceMatch {
  entry: SkillsSourceEntry;
  source: ConfiguredSkillsSource;
  /** Other rows that name the same person; they are not used. */
  shadowed: SkillsSourceEntry[];
  /** Findings about the shadowed rows. */
  findings: SkillsSourceFinding[];
}

interface Located {
  entry: SkillsSourceEntry;
  source: ConfiguredSkillsSource;
  order: number;
}

function isUser(entity: Entity): boolean {
  return String(entity?.kind ?? '').toLowerCase() === 'user';
}

/** The keys a User can be named by in a source, most specific first. */
function keysOf(entity: Entity): string[] {
  const keys = [entityRefOf(entity)];
  const email = (entity.spec as { profile?: { email?: unknown } } | undefined)
    ?.profile?.email;
  if (typeof email === 'string' && email.trim()) {
    keys.push(email.trim().toLowerCase());
  }
  const name = entity.metadata?.name;
  if (typeof name === 'string') keys.push(name.toLowerCase());
  return keys;
}

/**
 * Looks Users up in one or more sources. Sources are searched in the order
 * given; the first row that names a User (by entity ref, e-mail address or
 * `metadata.name`, case-insensitively) gives them their skills.
 * @public
 */
export class SkillsSourceIndex {
  readonly #byKey = new Map<string, Located[]>();
  readonly #sources: ConfiguredSkillsSource[];

  constructor(sources: ConfiguredSkillsSource[]) {
    this.#sources = sources;
    let order = 0;
    for (const source of sources) {
      for (const entry of source.source.entries) {
        const list = this.#byKey.get(entry.key) ?? [];
        list.push({ entry, source, order: order++ });
        this.#byKey.set(entry.key, list);
      }
    }
  }

  /** The configured sources, in order. */
  get sources(): readonly ConfiguredSkillsSource[] {
    return this.#sources;
  }

  /** The row for a User, or undefined (also for entities of other kinds). */
  lookup(entity: Entity): SkillsSourceMatch | undefined {
    if (!isUser(entity)) return undefined;
    const found: Located[] = [];
    for (const key of keysOf(entity)) {
      for (const located of this.#byKey.get(key) ?? []) {
        if (!found.includes(located)) found.push(located);
      }
    }
    if (!found.length) return undefined;
    found.sort((a, b) => a.order - b.order);
    const [first, ...others] = found;
    const ref = entityRefOf(entity);
    return {
      entry: first.entry,
      source: first.source,
      shadowed: others.map(o => o.entry),
      findings: others.map(other =>
        sourceFinding('duplicate-user', {
          source: other.source.source.source,
          line: other.entry.line,
          column: other.entry.column,
          user: other.entry.user,
          message: `${quote(
            other.entry.user,
          )} is ${ref}, who is already listed${
            other.source === first.source
              ? ` at line ${first.entry.line}`
              : ` in ${first.source.source.source} at line ${first.entry.line}`
          }; that row is used and this one ignored`,
        }),
      ),
    };
  }
}

/**
 * The User with the skills of the row, unless the precedence keeps the
 * User's own annotation. Returns the entity itself when nothing changes,
 * else a copy.
 * @public
 */
export function applySkillsSourceMatch(
  entity: Entity,
  match: SkillsSourceMatch | undefined,
): Entity {
  if (!match) return entity;
  const own = annotationOf(entity, ANNOTATION_SKILLS);
  if (own !== undefined && own.trim() && match.source.precedence === 'entity') {
    return entity;
  }
  if (own === match.entry.skills) return entity;
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_SKILLS]: match.entry.skills,
      },
    },
  };
}

/**
 * The finding for a row that names no User of the catalog.
 * @public
 */
export function unknownUserFinding(
  source: string,
  entry: SkillsSourceEntry,
): SkillsSourceFinding {
  const how = {
    ref: 'entity ref',
    email: 'spec.profile.email',
    name: 'metadata.name',
  }[entry.keyType];
  return sourceFinding('unknown-user', {
    source,
    line: entry.line,
    column: entry.column,
    user: entry.user,
    message: `no User has ${quote(entry.user)} as ${how}; the row was not used`,
  });
}

/**
 * Applies sources to a whole catalog, as the CLI does: every User named in
 * a source gets its skills (following each source's precedence), and the
 * findings cover the rows themselves, the rows naming a User another row
 * already named, and the rows naming nobody.
 * @public
 */
export function applySkillsSources(
  entities: Entity[],
  sources: ConfiguredSkillsSource[],
): { entities: Entity[]; findings: SkillsSourceFinding[] } {
  const index = new SkillsSourceIndex(sources);
  const used = new Set<SkillsSourceEntry>();
  const findings: SkillsSourceFinding[] = sources.flatMap(
    s => s.source.findings,
  );
  const out = entities.map(entity => {
    const match = index.lookup(entity);
    if (!match) return entity;
    used.add(match.entry);
    // rows reported as naming someone already listed are not "unknown"
    match.shadowed.forEach(e => used.add(e));
    findings.push(...match.findings);
    return applySkillsSourceMatch(entity, match);
  });
  for (const s of sources) {
    for (const entry of s.source.entries) {
      if (!used.has(entry)) {
        findings.push(unknownUserFinding(s.source.source, entry));
      }
    }
  }
  return { entities: out, findings: sortSkillsSourceFindings(findings) };
}

/**
 * Source findings in reading order: by source, line and column.
 * @public
 */
export function sortSkillsSourceFindings(
  findings: SkillsSourceFinding[],
): SkillsSourceFinding[] {
  return [...findings].sort(
    (a, b) =>
      compareStrings(a.source, b.source) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareStrings(a.message, b.message),
  );
}
