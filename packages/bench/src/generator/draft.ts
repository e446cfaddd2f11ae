import { Entity } from '@backstage/catalog-model';
import { mulberry32, Random } from './random';

/** Metadata as the generator drafts it; undefined fields are dropped later. */
export interface MetadataDraft {
  title?: string;
  description?: string;
  tags?: string[];
  links?: { url: string; title?: string }[];
  annotations?: Record<string, string>;
}

/**
 * An organisation while it is generated: the entities so far, the PRNG
 * every choice is drawn from, and the deliberate mistakes and dangling refs.
 */
export interface OrganisationDraft {
  random: Random;
  /** The day waivers are dated from, `YYYY-MM-DD`. */
  referenceDate: string;
  entities: Entity[];
  /** Deliberate mistakes, by kind. */
  mistakes: Record<string, number>;
  /** Relation targets that deliberately do not exist. */
  dangling: Set<string>;
  /** Counts one deliberate mistake of a kind. */
  mistake(kind: string): void;
  /**
   * Adds an entity with the fields the catalog adds (uid, etag, the
   * managed-by-location annotations) and returns it.
   */
  push(
    kind: string,
    name: string,
    metadata: MetadataDraft,
    spec: Record<string, unknown>,
    location: string,
  ): Entity;
}

function uuid(random: Random): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += random.int(0, 15).toString(16);
    return s;
  };
  const variant = (8 + random.int(0, 3)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** An empty organisation drawing from a mulberry32 PRNG of `seed`. */
export function createDraft(
  seed: number,
  referenceDate: string,
): OrganisationDraft {
  const random = mulberry32(seed);
  const entities: Entity[] = [];
  const mistakes: Record<string, number> = {};
  return {
    random,
    referenceDate,
    entities,
    mistakes,
    dangling: new Set<string>(),
    mistake: kind => {
      mistakes[kind] = (mistakes[kind] ?? 0) + 1;
    },
    push: (kind, name, metadata, spec, location) => {
      const entity: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: {
          namespace: 'default',
          name,
          ...metadata,
          annotations: {
            'backstage.io/managed-by-location': location,
            'backstage.io/managed-by-origin-location': location,
            ...metadata.annotations,
          },
          uid: uuid(random),
          etag: uuid(random).replace(/-/g, ''),
        } as Entity['metadata'],
        spec: spec as Entity['spec'],
      };
      entities.push(entity);
      return entity;
    },
  };
}

/** `search-ranking` → `Search Ranking`. */
export function titleCase(name: string): string {
  return name
    .split('-')
    .map(w => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** Address of a file of a repository on the organisation's git host. */
export function gitUrl(repo: string, file = 'catalog-info.yaml'): string {
  return `https://git.example.com/${repo}/blob/main/${file}`;
}

/** Location of a file of the people repository (groups and users). */
export function orgLocation(file: string): string {
  return `url:${gitUrl('org/people', file)}`;
}
