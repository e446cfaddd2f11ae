import {
  checkCatalogue,
  FindingCode,
  TEAM_INSIGHTS_ANNOTATIONS,
  TeamInsightsCheck,
} from '@team-insights/plugin-team-insights-common';

/**
 * A rule as code hosts show it: one per check id, one per annotation (for
 * the findings about it), one per kind of problem reading the files.
 */
export interface HostRule {
  id: string;
  title: string;
  /** The rule in one or two sentences. */
  description: string;
  /** Why it matters and how to fix what it finds, for the rule's help page. */
  help: string;
}

const ANNOTATION_HELP: Record<string, { title: string; help: string }> = {
  'team-insights.io/team-type': {
    title: 'Team type annotation',
    help: 'On a Group: `feature`, `centralized` or `expertise` (aliases `stream-aligned` and `platform`). An unknown type counts as not declared and the team is judged as a feature team.',
  },
  'team-insights.io/skills': {
    title: 'Skills annotation',
    help: 'On a User: the skill clusters the person brings, comma-separated, primary first (e.g. `data-engineer, site-reliability-engineer`). On a Group: head counts of people not modelled as Users (`data-scientist=2, …`). Clusters come from the vocabulary (`teamInsights.skillClusters`); fix typos, unknown clusters count as not held.',
  },
  'team-insights.io/required-skills': {
    title: 'Required skills annotation',
    help: 'On a Group: `cluster, …` overrides the clusters its team type requires. Use cluster ids of the vocabulary.',
  },
  'team-insights.io/declined-products': {
    title: 'Declined products annotation',
    help: 'On a Group: entity refs of platform products the team chose not to use (`component:default/name, …`). Each must name a product in the catalog.',
  },
  'team-insights.io/product': {
    title: 'Product annotation',
    help: 'On a Component, API or Resource: `true` or `false`, marks a platform product other teams can adopt.',
  },
  'team-insights.io/mandatory': {
    title: 'Mandatory annotation',
    help: 'On a product: `true` or `false`. A mandatory product is imposed rather than opted into; it only has an effect on products.',
  },
  'team-insights.io/concern': {
    title: 'Concern annotation',
    help: 'On a Component, API or Resource: the cross-cutting concern it addresses, a slug such as `monitoring` or `batch-scheduling`.',
  },
  'team-insights.io/waivers': {
    title: 'Waivers annotation',
    help: 'On any entity: `check-id until YYYY-MM-DD: reason; …`. Each waiver names a known check, has a date at most 365 days ahead and a reason; expired waivers stop counting.',
  },
};

/** Rules for findings that are not about one known annotation. */
const OTHER_RULES: Record<string, { title: string; help: string }> = {
  'team-insights.io/unknown-annotation': {
    title: 'Unknown Team Insights annotation',
    help: 'Annotations under `team-insights.io/` that Team Insights does not know have no effect. Fix the spelling (the message suggests the closest one) or remove them.',
  },
  'catalog/yaml-syntax': {
    title: 'YAML syntax',
    help: 'The document is not valid YAML; the catalog skips it, with every entity in it. Fix the syntax at the position given.',
  },
  'catalog/rejected-entity': {
    title: 'Entity the catalog rejects',
    help: 'The document is not an entity the catalog accepts (e.g. a missing or invalid `metadata.name`, `kind` or `spec` field). Fix the field named in the message.',
  },
  'catalog/duplicate-entity': {
    title: 'Duplicate entity',
    help: 'Two documents define the same entity; the catalog keeps the first and rejects the other. Rename or remove one of them.',
  },
  'catalog/placeholder': {
    title: 'Remote placeholder',
    help: 'A `$text`, `$json` or `$yaml` placeholder with a URL is fetched by the catalog but not by the CLI, which works offline: the field counts as missing here.',
  },
  'team-insights/custom-check': {
    title: 'Custom check error',
    help: 'A custom check threw or returned no valid result; it is reported as not applicable. Fix the check module.',
  },
  'team-insights/annotations': {
    title: 'Team Insights annotations',
    help: 'A problem with the Team Insights annotations of the entity; the message says what to change.',
  },
};

/** The rule id of a lint finding: its annotation, else the kind of problem. */
export function lintRuleId(finding: {
  annotation?: string;
  message: string;
  code?: FindingCode;
}): string {
  const { annotation, message, code } = finding;
  if (code === 'check.failed' || code === 'check.invalid-result') {
    return 'team-insights/custom-check';
  }
  if (code === 'annotation.unknown-more') {
    return 'team-insights.io/unknown-annotation';
  }
  if (annotation) {
    return TEAM_INSIGHTS_ANNOTATIONS.includes(annotation)
      ? annotation
      : 'team-insights.io/unknown-annotation';
  }
  if (/^YAML /.test(message)) return 'catalog/yaml-syntax';
  if (/^duplicate entity /.test(message)) return 'catalog/duplicate-entity';
  if (/placeholder/.test(message)) return 'catalog/placeholder';
  if (/catalog rejects|not a valid catalog entity/.test(message)) {
    return 'catalog/rejected-entity';
  }
  return 'team-insights/annotations';
}

/** The rule of a lint finding's rule id. */
export function lintRule(id: string): HostRule {
  const info = ANNOTATION_HELP[id] ?? OTHER_RULES[id];
  if (!info) {
    return { id, title: id, description: id, help: id };
  }
  const [first] = info.help.split(/(?<=\.) /);
  return { id, title: info.title, description: first, help: info.help };
}

/**
 * The rules of the checks: the built-in ones and the custom checks, by id,
 * with the check's description and why it matters.
 */
export function checkRules(
  customChecks: readonly TeamInsightsCheck[] = [],
): Map<string, HostRule> {
  return new Map(
    checkCatalogue(customChecks).map(check => [
      check.id,
      {
        id: check.id,
        title: check.title,
        description: check.description,
        help: [check.description, check.rationale].filter(Boolean).join('\n\n'),
      },
    ]),
  );
}
