import {
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_MANDATORY,
  ANNOTATION_PRODUCT,
  ANNOTATION_TECHDOCS_REF,
} from '../annotations';
import type { TeamInsightsConfig } from '../config';
import type { OrganisationModel, TeamInfo } from '../model';
import type { CheckResult, CheckStatus } from '../types';
import {
  daysSince,
  longerThan,
  own,
  type CentralizedTeamTimelineEntry,
  type ProductTimelineEntry,
} from '../timeline';
import {
  annotationOf,
  compareStrings,
  kindOfRef,
  listNames,
  percent,
  plural,
  sortedUnique,
} from '../util';
import {
  annotationLines,
  annotationsYaml,
  builtIn,
  entityYaml,
  grade,
  placeholder,
  relationTargets,
  teamYaml,
  yaml,
  yamlScalar,
} from './helpers';

/**
 * `intro`, then the catalog-info.yaml of the first of `refs` the model has,
 * with `annotations` set ("…, e.g. component:default/x:" and its snippet);
 * the bare annotations when none of them is known.
 */
function annotateFirst(
  intro: string,
  refs: readonly string[],
  model: OrganisationModel,
  annotations: Record<string, string>,
): string {
  for (const ref of refs) {
    const entity = model.entity(ref);
    if (!entity) continue;
    return `${intro}${refs.length > 1 ? `, e.g. ${ref}` : ''}:\n\n${entityYaml(
      entity,
      { metadata: annotationLines(entity, annotations) },
    )}`;
  }
  return `${intro}:\n\n${annotationsYaml(annotations)}`;
}

/** The `spec` field through which an entity uses `product`. */
const usesField = (product: string) =>
  kindOfRef(product) === 'api' ? 'consumesApis' : 'dependsOn';

/**
 * What the timeline knows about a centralized team, for
 * `adoption.not-too-early`; absent when evaluated without a timeline.
 */
export interface TeamTiming {
  now: Date;
  /** When the team was first seen centralized, and the demand then. */
  entry: CentralizedTeamTimelineEntry;
  /** Feature teams building on its concerns now. */
  featureTeamsNow: number;
  /** First adopter of each product, when known. */
  products: Record<string, ProductTimelineEntry>;
}

const day = (iso: string) => iso.slice(0, 10);

function notTooEarlyCheck(
  products: string[],
  model: OrganisationModel,
  config: TeamInsightsConfig,
  timing: TeamTiming | undefined,
): CheckResult {
  const id = 'adoption.not-too-early';
  if (!timing) {
    return builtIn(
      config,
      id,
      'not-applicable',
      'No history of the organisation is known yet, so when the team became centralized cannot be judged.',
    );
  }
  const { entry, now } = timing;
  const since = day(entry.since);
  const age = daysSince(entry.since, now);
  const limit = config.thresholds.prematureCentralizationDays;
  const adopted = products.filter(p => model.adopterRefs(p).length > 0);
  const reasons: string[] = [];
  if (longerThan(entry.since, limit, now) && adopted.length === 0) {
    reasons.push(
      `it has been centralized since ${since} (${plural(
        age,
        'day',
        'days',
      )}, more than ${limit}) and ${
        products.length
          ? `none of its ${plural(
              products.length,
              'product has',
              'products have',
            )} an adopter`
          : 'it exposes no product anybody could adopt'
      }`,
    );
  }
  if (entry.featureTeams < 2 && timing.featureTeamsNow < 2) {
    reasons.push(
      `when it was first seen centralized (${since}), ${
        entry.featureTeams === 0
          ? 'no feature team'
          : `only ${plural(
              entry.featureTeams,
              'feature team',
              'feature teams',
            )}`
      } built on its concerns, and ${
        timing.featureTeamsNow === entry.featureTeams
          ? 'that has not changed'
          : `${timing.featureTeamsNow} ${
              timing.featureTeamsNow === 1 ? 'does' : 'do'
            } now`
      }`,
    );
  }
  if (reasons.length) {
    return builtIn(
      config,
      id,
      'fail',
      `Premature centralization: ${reasons.join(
        '; ',
      )}. A centralized team pays off once a concern is evident in several feature teams; before that, it builds a product nobody needs and adds communication paths.`,
      `Centralize a concern only when it has become evident that many feature teams need it: wait until at least two feature teams build it themselves (the Concerns tab shows them), then extract it. Until then, let a feature team own it end to end. If the team stays, find the feature teams that need its products and make them self-service, or move its people back into the feature teams that need the skill.`,
      products.length ? products : undefined,
    );
  }
  const firstAdopted = adopted
    .map(p => own(timing.products, p)?.firstAdopterAt)
    .filter((t): t is string => typeof t === 'string')
    .sort()[0];
  return builtIn(
    config,
    id,
    'pass',
    `Centralized since ${since} (${plural(age, 'day', 'days')}); ${plural(
      Math.max(entry.featureTeams, timing.featureTeamsNow),
      'feature team builds',
      'feature teams build',
    )} on its concerns${
      firstAdopted
        ? `, and its first product adopter came on ${day(firstAdopted)}`
        : ''
    }.`,
  );
}

function centralizedChecks(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
  documentationScore: (ref: string) => number | null,
  timing: TeamTiming | undefined,
): CheckResult[] {
  const products = team.owned.filter(r => model.isProduct(r));
  const none = 'The team exposes no product yet.';
  const results: CheckResult[] = [];

  results.push(
    products.length
      ? builtIn(
          config,
          'adoption.exposes-products',
          'pass',
          `Exposes ${plural(
            products.length,
            'product',
            'products',
          )}: ${listNames(products, 10)}.`,
          undefined,
          products,
        )
      : builtIn(
          config,
          'adoption.exposes-products',
          'fail',
          `Owns no product (${plural(
            team.owned.length,
            'owned entity',
            'owned entities',
          )}): a centralized team that takes over tasks from feature teams becomes a bottleneck. People don’t scale, but products do.`,
          annotateFirst(
            'Expose what the team does as a product that feature teams use themselves: a Component, API or Resource owned by this team is a product by default, or mark it explicitly',
            team.owned.filter(r => model.documentable(r)),
            model,
            { [ANNOTATION_PRODUCT]: 'true' },
          ),
        ),
  );

  const mandatory = products.filter(r => model.documentable(r)?.mandatory);
  results.push(
    mandatory.length
      ? builtIn(
          config,
          'adoption.opt-in',
          'fail',
          `${mandatory.length} of ${plural(
            products.length,
            'product',
            'products',
          )} ${mandatory.length === 1 ? 'is' : 'are'} mandatory: ${listNames(
            mandatory,
            10,
          )}. Imposed products reduce the incentive to make them good, and teams that need something slightly different are stuck waiting.`,
          annotateFirst(
            `Make the products opt-in — teams choose to use them, and may decline them with \`${ANNOTATION_DECLINED_PRODUCTS}\``,
            mandatory,
            model,
            { [ANNOTATION_MANDATORY]: 'false' },
          ),
          mandatory,
        )
      : builtIn(
          config,
          'adoption.opt-in',
          'pass',
          products.length
            ? `None of the ${plural(
                products.length,
                'product',
                'products',
              )} is mandatory: teams opt in.`
            : 'No product is mandatory.',
        ),
  );

  if (products.length === 0) {
    results.push(
      builtIn(config, 'adoption.reach', 'not-applicable', none),
      builtIn(config, 'adoption.self-service', 'not-applicable', none),
      builtIn(config, 'adoption.no-communication', 'not-applicable', none),
      notTooEarlyCheck(products, model, config, timing),
    );
    return results;
  }

  const withAdopters = products.filter(p => model.adopterRefs(p).length > 0);
  const unadopted = products.filter(p => model.adopterRefs(p).length === 0);
  const reach = withAdopters.length / products.length;
  const rt = config.thresholds.reach;
  const reachDetails = products.map(
    p => `${p} (${plural(model.adopterRefs(p).length, 'team', 'teams')})`,
  );
  results.push(
    builtIn(
      config,
      'adoption.reach',
      grade(reach, rt.pass, rt.warn),
      `${withAdopters.length} of ${plural(
        products.length,
        'product',
        'products',
      )} ${
        withAdopters.length === 1 ? 'has' : 'have'
      } at least one adopting team (${percent(reach)}): ${listNames(
        reachDetails,
        10,
      )}.`,
      `Find out why teams do not use ${listNames(
        unadopted,
        5,
      )}: ask the teams that rebuild the same concern, and improve the product rather than imposing it. Teams that do use a product record it in their own catalog-info.yaml, which makes them adopters:\n\n${yaml(
        [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          `  name: ${placeholder(
            'component',
            'an entity of the team that uses the product',
          )}`,
          'spec:',
          `  ${usesField(unadopted[0] ?? products[0])}:`,
          `    - ${unadopted[0] ?? products[0]}`,
        ].join('\n'),
      )}`,
      unadopted,
    ),
  );

  const st = config.thresholds.selfService;
  const scored = products.map(p => ({ ref: p, score: documentationScore(p) }));
  const below = (limit: number) =>
    scored.filter(s => s.score !== null && s.score < limit).map(s => s.ref);
  const belowPass = below(st.pass);
  const belowWarn = below(st.warn);
  let selfServiceStatus: CheckStatus = 'pass';
  if (belowWarn.length) selfServiceStatus = 'fail';
  else if (belowPass.length) selfServiceStatus = 'warn';
  const scores = scored.map(
    s => `${s.ref} ${s.score === null ? 'n/a' : s.score}`,
  );
  results.push(
    builtIn(
      config,
      'adoption.self-service',
      selfServiceStatus,
      `Documentation scores of the products: ${listNames(scores, 10)}${
        belowPass.length
          ? `; ${plural(belowPass.length, 'is', 'are')} below ${
              st.pass
            }: ${listNames(belowPass, 10)}`
          : ''
      }.`,
      `Make every product fully self-service: rich documentation, and tools or APIs to automate everything that previously required communication. Each product's documentation scorecard lists what is missing.`,
      belowPass,
    ),
  );

  const withoutDocs = products.filter(p => {
    const entity = model.entity(p);
    return (
      !entity ||
      !(
        annotationOf(entity, ANNOTATION_TECHDOCS_REF)?.trim() ||
        annotationOf(entity, 'backstage.io/techdocs-entity')?.trim()
      )
    );
  });
  results.push(
    withoutDocs.length
      ? builtIn(
          config,
          'adoption.no-communication',
          'fail',
          `${withoutDocs.length} of ${plural(
            products.length,
            'product',
            'products',
          )} ${
            withoutDocs.length === 1 ? 'has' : 'have'
          } no TechDocs and can only be learned by asking: ${listNames(
            withoutDocs,
            10,
          )}.`,
          annotateFirst(
            'Publish documentation with the product (a docs/ folder and mkdocs.yml next to its code), so teams never need to talk to you to understand or use it',
            withoutDocs,
            model,
            { [ANNOTATION_TECHDOCS_REF]: 'dir:.' },
          ),
          withoutDocs,
        )
      : builtIn(
          config,
          'adoption.no-communication',
          'pass',
          `All ${plural(
            products.length,
            'product has',
            'products have',
          )} TechDocs.`,
        ),
  );
  results.push(notTooEarlyCheck(products, model, config, timing));
  return results;
}

/**
 * The catalog-info.yaml of the entity that rebuilds a concern, using the
 * product that covers it instead (after the entities it already uses).
 */
function adoptYaml(
  adopt: { ref: string; product: string },
  model: OrganisationModel,
): string {
  const entity = model.entity(adopt.ref);
  if (!entity) return '.';
  const field = usesField(adopt.product);
  const uses = [
    ...relationTargets(
      entity,
      field === 'consumesApis' ? 'consumesApi' : 'dependsOn',
    ),
    adopt.product,
  ];
  return `, e.g. ${adopt.ref} using ${adopt.product}:\n\n${entityYaml(entity, {
    spec: [`${field}:`, ...uses.map(ref => `  - ${yamlScalar(ref)}`)],
  })}`;
}

function reuseCheck(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'adoption.reuse';
  // concerns the team builds itself, with the entities that carry them
  const built = new Map<string, string[]>();
  for (const ref of team.owned) {
    const view = model.documentables.get(ref);
    if (!view || view.product || !view.concern) continue;
    built.set(view.concern, [...(built.get(view.concern) ?? []), ref]);
  }
  if (built.size === 0) {
    return builtIn(
      config,
      id,
      'pass',
      'The team builds no cross-cutting concern itself.',
    );
  }
  const declined = new Set(team.declinedProducts);
  const gaps: string[] = [];
  const named: string[] = [];
  const alternatives: string[] = [];
  // the first entity that rebuilds a covered concern, and what to use instead
  let adopt: { ref: string; product: string } | undefined;
  const concerns = Array.from(built.keys()).sort(compareStrings);
  for (const concern of concerns) {
    const candidates = model
      .productsWithConcern(concern)
      .filter(
        p =>
          !model.ownerRefs(p.entityRef).includes(team.entityRef) &&
          !declined.has(p.entityRef) &&
          !model.isAdopter(team.entityRef, p.entityRef),
      );
    if (candidates.length === 0) continue;
    gaps.push(concern);
    alternatives.push(...candidates.map(c => c.entityRef));
    adopt ??= {
      ref: built.get(concern)![0],
      product: candidates[0].entityRef,
    };
    named.push(
      `${concern}: builds ${listNames(
        built.get(concern)!,
        3,
      )} while ${listNames(
        candidates.map(c => `${c.entityRef}${c.owner ? ` of ${c.owner}` : ''}`),
        3,
      )} covers it`,
    );
  }
  if (gaps.length === 0) {
    return builtIn(
      config,
      id,
      'pass',
      `Builds ${plural(
        concerns.length,
        'concern',
        'concerns',
      )} itself (${listNames(
        concerns,
        10,
      )}); no other team's product covers them that the team has not adopted or declined.`,
    );
  }
  return builtIn(
    config,
    id,
    'warn',
    `Rebuilds ${plural(
      gaps.length,
      'cross-cutting concern',
      'cross-cutting concerns',
    )} that a platform product covers, neither adopted nor declined — ${named.join(
      '; ',
    )}.`,
    [
      `Try the product: using it (a \`dependsOn\` or \`consumesApis\` of one of your entities) makes the team an adopter${adoptYaml(
        adopt!,
        model,
      )}`,
      `Adoption is opt-in: if it does not fit, decline it consciously and tell its team why:`,
      teamYaml(team, {
        metadata: annotationLines(
          team.entity,
          {
            // what it declines today, as written, then each product to
            // decline with the reason its team learns from
            [ANNOTATION_DECLINED_PRODUCTS]: [
              annotationOf(team.entity, ANNOTATION_DECLINED_PRODUCTS)?.trim(),
              ...sortedUnique(alternatives).map(p => `${p}: <your-reason>`),
            ]
              .filter(Boolean)
              .join(', '),
          },
          {
            [ANNOTATION_DECLINED_PRODUCTS]:
              'placeholder: why it does not fit (a sentence, no , or ;)',
          },
        ),
      }),
    ].join('\n\n'),
    alternatives,
  );
}

/** The adoption scorecard's built-in checks for one team. */
export function adoptionChecks(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
  documentationScore: (ref: string) => number | null,
  timing?: TeamTiming,
): CheckResult[] {
  if (team.teamType === 'centralized') {
    return centralizedChecks(team, model, config, documentationScore, timing);
  }
  return [reuseCheck(team, model, config)];
}
