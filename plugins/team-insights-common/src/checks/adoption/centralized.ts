import {
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_MANDATORY,
  ANNOTATION_PRODUCT,
  ANNOTATION_TECHDOCS_REF,
} from '../../annotations';
import type { TeamInsightsConfig } from '../../config';
import type { OrganisationModel, TeamInfo } from '../../model';
import type { CheckResult, CheckStatus } from '../../types';
import { annotationOf, listNames, percent, plural } from '../../util';
import { builtIn, grade, placeholder, yaml } from '../helpers';
import { annotateFirst, usesField } from './snippets';
import { type TeamTiming, notTooEarlyCheck } from './notTooEarly';

/** The adoption checks of a centralized team: the products it exposes, and whether it came too early. */
export function centralizedChecks(
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
