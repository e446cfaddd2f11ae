import { OrganisationDraft, gitUrl } from './draft';
import { TeamDraft } from './teams';
import {
  PLACEHOLDER_DESCRIPTIONS,
  TAGS,
  UNCOVERED_CONCERNS,
} from './vocabulary';

/**
 * Draws the fields that Components, APIs and Resources share: system,
 * description, docs annotations, location, links, tags and the annotations
 * of platform products. Each call draws from the organisation's PRNG.
 */
export function ownedEntityFields(
  draft: OrganisationDraft,
  concernPool: string[],
) {
  const { random, mistake } = draft;
  const systemOf = (team: TeamDraft) =>
    team.systems.length > 0 && random.chance(0.85)
      ? random.pick(team.systems)
      : undefined;
  const description = (what: string) => {
    const roll = random.next();
    if (roll < 0.68) return what;
    if (roll < 0.8) return random.pick(PLACEHOLDER_DESCRIPTIONS);
    return undefined;
  };
  const docsAnnotations = (repo: string) => {
    const annotations: Record<string, string> = {};
    if (random.chance(0.55)) annotations['backstage.io/techdocs-ref'] = 'dir:.';
    if (random.chance(0.5)) {
      annotations[
        'backstage.io/source-location'
      ] = `url:https://git.example.com/${repo}/tree/main/`;
    }
    return annotations;
  };
  const location = (repo: string) =>
    random.chance(0.15)
      ? `file:/srv/catalog/${repo.replace(/\//g, '-')}.yaml`
      : `url:${gitUrl(repo)}`;
  const links = (repo: string) =>
    random.chance(0.4)
      ? [
          {
            url: `https://dashboards.example.com/${repo}`,
            title: 'Dashboard',
          },
        ]
      : undefined;
  const tags = () =>
    random.chance(0.75)
      ? random.sample(TAGS, random.int(1, 3)).sort()
      : undefined;
  const productAnnotations = (
    team: TeamDraft,
    annotations: Record<string, string>,
  ) => {
    if (team.type === 'centralized') {
      if (random.chance(0.7)) {
        annotations['team-insights.io/concern'] = random.pick(team.concerns);
      }
      if (random.chance(0.08))
        annotations['team-insights.io/mandatory'] = 'true';
      if (random.chance(0.1)) annotations['team-insights.io/product'] = 'false';
    } else if (random.chance(0.08)) {
      // A feature team building a cross-cutting concern itself.
      // Mostly concerns a platform covers, sometimes one nobody offers yet.
      annotations['team-insights.io/concern'] = random.chance(0.85)
        ? random.pick(concernPool)
        : random.pick(UNCOVERED_CONCERNS);
    }
    if (random.chance(0.004)) {
      annotations['team-insights.io/product'] = 'yes';
      mistake('boolean-invalid');
    }
  };
  return {
    systemOf,
    description,
    docsAnnotations,
    location,
    links,
    tags,
    productAnnotations,
  };
}
