import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { OrganisationDraft } from './draft';
import { Teams } from './teams';

const ref = (entity: Entity) =>
  stringifyEntityRef({
    kind: entity.kind,
    namespace: 'default',
    name: entity.metadata.name,
  });

/**
 * Links the owned entities: the APIs components provide, the entities
 * they depend on (mostly their own team's, their tribe's and platform
 * products) and the APIs they consume.
 */
export function linkEntities(
  draft: OrganisationDraft,
  { teams, teamsByTribe, centralTeams }: Teams,
  allComponents: Entity[],
): void {
  const { random, mistake, dangling } = draft;
  // Each API is provided by a component of its owner team, when it has one.
  for (const team of teams) {
    for (const api of team.apis) {
      if (team.components.length === 0) continue;
      const provider = random.pick(team.components);
      const spec = provider.spec as Record<string, unknown>;
      const provides = (spec.providesApis as string[] | undefined) ?? [];
      provides.push(api.metadata.name);
      spec.providesApis = provides;
    }
  }
  const allApis = teams.flatMap(t => t.apis);
  const centralApis = centralTeams.flatMap(t => t.apis);
  const centralProducts = centralTeams.flatMap(t => [
    ...t.components,
    ...t.resources,
  ]);
  for (const team of teams) {
    const neighbours = teamsByTribe[team.tribe];
    for (const component of team.components) {
      const spec = component.spec as Record<string, unknown>;
      const dependsOn = new Set<string>();
      const consumes = new Set<string>();
      const dependencies = random.int(0, 3);
      for (let d = 0; d < dependencies; d++) {
        const roll = random.next();
        let target: Entity | undefined;
        if (roll < 0.4 && team.resources.length > 0) {
          target = random.pick(team.resources);
        } else if (roll < 0.65) {
          const other = random.pick(neighbours);
          if (other.components.length > 0)
            target = random.pick(other.components);
        } else if (roll < 0.85 && centralProducts.length > 0) {
          target = random.pick(centralProducts);
        } else if (roll < 0.995) {
          target = random.pick(allComponents);
        } else {
          dependsOn.add('component:default/decommissioned-service');
          dangling.add('component:default/decommissioned-service');
          mistake('depends-on-missing');
        }
        if (target && target !== component) dependsOn.add(ref(target));
      }
      const apis = random.int(0, 2);
      for (let a = 0; a < apis; a++) {
        const pool =
          random.chance(0.5) && centralApis.length > 0 ? centralApis : allApis;
        const api = random.pick(pool);
        if (api.spec?.owner !== spec.owner) consumes.add(api.metadata.name);
      }
      if (dependsOn.size > 0) spec.dependsOn = [...dependsOn];
      if (consumes.size > 0) spec.consumesApis = [...consumes];
    }
  }
}

/** Some feature teams consciously decline a platform product (opt-in). */
export function declineProducts(
  draft: OrganisationDraft,
  { teams, centralTeams }: Teams,
): void {
  const { random, mistake } = draft;
  const productRefs = centralTeams.flatMap(t => t.components.map(ref));
  if (productRefs.length > 0) {
    for (const team of teams) {
      if (team.type !== 'feature' || !random.chance(0.05)) continue;
      const declined = random.sample(productRefs, random.int(1, 2));
      if (random.chance(0.1)) {
        declined.push('component:default/retired-platform-tool');
        mistake('declined-product-missing');
      }
      team.entity.metadata.annotations!['team-insights.io/declined-products'] =
        declined.join(', ');
    }
  }
}
