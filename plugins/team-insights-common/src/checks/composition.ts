import {
  ANNOTATION_PRODUCT,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
} from '../annotations';
import type { TeamInsightsConfig } from '../config';
import type { OrganisationModel, TeamInfo } from '../model';
import type { CheckResult, Finding } from '../types';
import {
  annotationOf,
  communicationPaths,
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
  gradeAtMost,
  namespaceOf,
  placeholder,
  refIn,
  teamYaml,
  yaml,
  yamlScalar,
} from './helpers';

function headCountValue(team: TeamInfo, add: string[]): string {
  const counts: Record<string, number> = { ...team.headCounts };
  for (const cluster of add) counts[cluster] = (counts[cluster] ?? 0) + 1;
  return Object.keys(counts)
    .sort(compareStrings)
    .map(c => `${c}=${counts[c]}`)
    .join(', ');
}

/**
 * The team's own catalog-info.yaml with one more head count for each
 * cluster in `add`, added to the counts it declares today.
 */
function headCountsYaml(team: TeamInfo, add: string[]): string {
  const today = annotationOf(team.entity, ANNOTATION_SKILLS)?.trim();
  return teamYaml(team, {
    metadata: annotationLines(
      team.entity,
      { [ANNOTATION_SKILLS]: headCountValue(team, add) },
      today ? { [ANNOTATION_SKILLS]: `was: ${today}` } : {},
    ),
  });
}

/**
 * The team's own catalog-info.yaml with its members listed in
 * `spec.members` (current members first, as the Group would write them),
 * and a placeholder for the people still to add.
 */
function membersYaml(team: TeamInfo): string {
  const namespace = namespaceOf(team.entity);
  const current = team.members.map(
    ref => `  - ${yamlScalar(refIn(ref, 'user', namespace))}`,
  );
  return teamYaml(team, {
    spec: [
      'members:',
      ...current,
      `  - ${placeholder(
        'member',
        current.length
          ? 'the User name of each person still missing'
          : 'the User name of each person in the team',
      )}`,
    ],
  });
}

/**
 * The team's own catalog-info.yaml with the head counts it declares today,
 * to raise by the people not in the catalog; a placeholder when it declares
 * none.
 */
function headCountsToDeclareYaml(team: TeamInfo): string {
  const current = headCountValue(team, []);
  const example = `${team.requiredSkills[0] ?? 'data-engineer'}=1`;
  return teamYaml(team, {
    metadata: annotationLines(
      team.entity,
      { [ANNOTATION_SKILLS]: current || '<your-head-counts>' },
      {
        [ANNOTATION_SKILLS]: current
          ? 'today’s counts: add each person who is not in the catalog'
          : `placeholder: cluster=count for the people who are not in the catalog, e.g. ${example}`,
      },
    ),
  });
}

function skillCoverage(
  team: TeamInfo,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.skill-coverage';
  const required = team.requiredSkills;
  if (required.length === 0) {
    return builtIn(
      config,
      id,
      'not-applicable',
      `No skill cluster is required of a ${team.teamType} team.`,
    );
  }
  const held = new Map(team.skills.map(s => [s.cluster, s.people]));
  const missing = required.filter(c => !held.get(c));
  const covered = required
    .filter(c => held.get(c))
    .map(c => `${c} (${held.get(c)})`);
  if (missing.length === 0) {
    return builtIn(
      config,
      id,
      'pass',
      `All ${required.length} required clusters are covered: ${listNames(
        covered,
        20,
      )}.`,
    );
  }
  let message = `Missing ${missing.length} of ${
    required.length
  } required clusters: ${listNames(missing, 20)}.`;
  if (covered.length) message += ` Covered: ${listNames(covered, 20)}.`;
  if (missing.includes('analytics-translator')) {
    message +=
      ' Without an analytics translator, chances are the team solves the wrong problem.';
  }
  const remediation = [
    `Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with \`${ANNOTATION_SKILLS}\` and \`spec.memberOf\`, or count people who are not in the catalog on the Group:`,
    headCountsYaml(team, missing),
    `If a centralized team's self-service product covers a cluster, override what this team needs with \`team-insights.io/required-skills\`.`,
  ].join('\n\n');
  return builtIn(config, id, 'fail', message, remediation, []);
}

function teamSize(team: TeamInfo, config: TeamInsightsConfig): CheckResult {
  const id = 'composition.team-size';
  const t = config.thresholds.teamSize;
  const n = team.size;
  const paths = communicationPaths(n);
  const composition = `${plural(n, 'person', 'people')} (${plural(
    team.members.length,
    'member',
    'members',
  )}, ${plural(n - team.members.length, 'head count', 'head counts')})`;
  const base = `${composition}: ${plural(
    paths,
    'communication path',
    'communication paths',
  )} (n(n-1)/2).`;
  if (n === 0) {
    return builtIn(
      config,
      id,
      'fail',
      `The team has no people: no User is a member and no head count is declared.`,
      [
        'Add the members to the Group (or set `spec.memberOf` on each User):',
        membersYaml(team),
        'or declare people who are not in the catalog as head counts:',
        headCountsToDeclareYaml(team),
      ].join('\n\n'),
    );
  }
  if (n >= t.minPass && n <= t.maxPass) {
    return builtIn(config, id, 'pass', base);
  }
  if (n < t.minPass) {
    return builtIn(
      config,
      id,
      'warn',
      `${base} A team of fewer than ${t.minPass} people has no one to take over when someone is away.`,
      [
        'Merge with a team working on the same value stream, or add people. If members are missing from the catalog, add them to `spec.members`:',
        membersYaml(team),
        'or, for people who are not in the catalog, as head counts:',
        headCountsToDeclareYaml(team),
      ].join('\n\n'),
    );
  }
  const half = Math.ceil(n / 2);
  const split = `Two teams of ${half} and ${n - half} people have ${
    communicationPaths(half) + communicationPaths(n - half)
  } communication paths between them, against ${paths} now.`;
  const remediation = `Each person added to a team adds more communication overhead than the previous one. Split the team into feature teams of at most ${t.maxPass}, each end-to-end responsible for a part of the value stream. ${split} Extract repeated cross-cutting work (monitoring, batch scheduling) to a centralized team's product rather than adding people.`;
  if (n <= t.maxWarn) {
    return builtIn(
      config,
      id,
      'warn',
      `${base} More than ${t.maxPass} people slows the team down.`,
      remediation,
    );
  }
  return builtIn(
    config,
    id,
    'fail',
    `${base} More than ${t.maxWarn} people: communication overhead dominates.`,
    remediation,
  );
}

function redundancy(team: TeamInfo, config: TeamInsightsConfig): CheckResult {
  const id = 'composition.redundancy';
  const min = config.thresholds.redundancyMinPeople;
  const held = new Map(team.skills.map(s => [s.cluster, s.people]));
  const covered = team.requiredSkills.filter(c => held.get(c));
  if (covered.length === 0) {
    return builtIn(
      config,
      id,
      'not-applicable',
      team.requiredSkills.length
        ? 'No required cluster is held yet, so there is no redundancy to judge.'
        : `No skill cluster is required of a ${team.teamType} team.`,
    );
  }
  const thin = covered.filter(c => held.get(c)! < min);
  if (thin.length === 0) {
    return builtIn(
      config,
      id,
      'pass',
      `Every covered required cluster is held by at least ${min} people: ${listNames(
        covered.map(c => `${c} (${held.get(c)})`),
        20,
      )}.`,
    );
  }
  const holders = (cluster: string) =>
    team.people
      .filter(p => p.ref && p.clusters.includes(cluster))
      .map(p => p.ref!);
  const named = thin.map(c => {
    const who = holders(c);
    return `${c} (${who.length ? listNames(who, 3) : 'a head count'})`;
  });
  return builtIn(
    config,
    id,
    'warn',
    `${plural(
      thin.length,
      'cluster is',
      'clusters are',
    )} held by fewer than ${min} people — single points of failure: ${listNames(
      named,
      20,
    )}.`,
    `Share the knowledge (pairing, rotation) so a second person can cover each of these clusters, and record it in their skills, or add people:\n\n${headCountsYaml(
      team,
      thin,
    )}`,
    thin.flatMap(holders),
  );
}

function crossFunctional(
  team: TeamInfo,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.cross-functional';
  if (team.teamType === 'centralized') {
    return builtIn(
      config,
      id,
      'not-applicable',
      'A centralized team is judged on the products it exposes, not on its mix of skills.',
    );
  }
  if (team.teamType === 'expertise') {
    return builtIn(
      config,
      id,
      'fail',
      'An expertise-oriented team groups people by skill, so work reaches users only through hand-overs to other teams: split ownership, loss of knowledge at each hand-over, longer lead time (each hand-over requires another team to refine and plan its part) and tight coupling between teams.',
      [
        'Reorganise into feature teams: each end-to-end responsible for a feature, with people from all disciplines. Declare the new team type:',
        teamYaml(team, {
          metadata: annotationLines(
            team.entity,
            { [ANNOTATION_TEAM_TYPE]: 'feature' },
            { [ANNOTATION_TEAM_TYPE]: 'was: expertise' },
          ),
        }),
        `If the team handles a cross-cutting concern for many teams, make it a centralized team that exposes a self-service product instead (\`${ANNOTATION_TEAM_TYPE}: centralized\`).`,
      ].join('\n\n'),
    );
  }
  const t = config.thresholds.crossFunctional;
  const counts = new Map<string, number>();
  let people = 0;
  for (const person of team.people) {
    if (!person.primary) continue;
    people += 1;
    counts.set(person.primary, (counts.get(person.primary) ?? 0) + 1);
  }
  if (people < t.minPeople) {
    return builtIn(
      config,
      id,
      'not-applicable',
      `Only ${plural(
        people,
        'person declares',
        'people declare',
      )} a primary cluster; at least ${t.minPeople} are needed to judge.`,
    );
  }
  let top = '';
  let topCount = 0;
  for (const cluster of Array.from(counts.keys()).sort(compareStrings)) {
    if (counts.get(cluster)! > topCount) {
      top = cluster;
      topCount = counts.get(cluster)!;
    }
  }
  const share = topCount / people;
  const mix = Array.from(counts.keys())
    .sort(compareStrings)
    .map(c => `${c} ${counts.get(c)}`);
  if (share > t.maxPrimaryShare) {
    return builtIn(
      config,
      id,
      'fail',
      `${topCount} of ${people} people (${percent(
        share,
      )}) have ${top} as their primary cluster, more than ${percent(
        t.maxPrimaryShare,
      )}: the team is organised around one expertise, which brings hand-overs and split ownership.`,
      `Make the team cross-functional: bring in people whose primary cluster is one of the team's missing disciplines (${
        listNames(
          team.requiredSkills.filter(c => c !== top),
          10,
        ) || 'other clusters'
      }), or move some ${top} people to teams that lack the skill.`,
      team.people.filter(p => p.ref && p.primary === top).map(p => p.ref!),
    );
  }
  return builtIn(
    config,
    id,
    'pass',
    `Primary clusters of ${people} people: ${listNames(
      mix,
      20,
    )}; the largest, ${top}, is ${percent(share)}.`,
  );
}

function handOvers(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.hand-overs';
  const t = config.thresholds.handOvers;
  const via = new Map<string, Set<string>>();
  const consider = (target: string) => {
    if (model.isProduct(target)) return;
    for (const owner of model.ownerRefs(target)) {
      const other = model.teamsByRef.get(owner);
      if (!other || owner === team.entityRef) continue;
      if (other.teamType === 'centralized') continue;
      let set = via.get(owner);
      if (!set) {
        set = new Set();
        via.set(owner, set);
      }
      set.add(target);
    }
  };
  for (const target of team.dependsOn) {
    consider(target);
    if (kindOfRef(target) === 'api') {
      // an API is reached through the Components that provide it
      for (const provider of model.providerRefs(target)) {
        consider(provider);
      }
    }
  }
  const teams = Array.from(via.keys()).sort(compareStrings);
  const named = teams.map(
    t2 => `${t2} (${listNames(sortedUnique(via.get(t2)!), 3)})`,
  );
  const message =
    teams.length === 0
      ? 'Depends on no non-product entity of another team.'
      : `Depends on non-product entities of ${plural(
          teams.length,
          'other team',
          'other teams',
        )}: ${listNames(named, 10)}.`;
  const status = gradeAtMost(teams.length, t.maxPass, t.maxWarn);
  // the first entity used, in its own shape, as the example to make a product
  const example = teams.length
    ? sortedUnique(via.get(teams[0])!)
        .map(ref => ({ ref, entity: model.entity(ref) }))
        .find(e => e.entity)
    : undefined;
  const productYaml = example?.entity
    ? `, e.g. ${example.ref}:\n\n${entityYaml(example.entity, {
        metadata: annotationLines(example.entity, {
          [ANNOTATION_PRODUCT]: 'true',
        }),
      })}`
    : `:\n\n${annotationsYaml({ [ANNOTATION_PRODUCT]: 'true' })}`;
  return builtIn(
    config,
    id,
    status,
    message,
    `Each dependency on another team’s internals is a hand-over: that team has to refine and plan its part. Ask those teams to expose what you use as a self-service product, or move the entity into this team. An entity becomes a product with \`${ANNOTATION_PRODUCT}: 'true'\` in its catalog-info.yaml${productYaml}`,
    teams,
  );
}

function endToEndOwnership(
  team: TeamInfo,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.end-to-end-ownership';
  if (team.teamType === 'centralized') {
    return builtIn(
      config,
      id,
      'not-applicable',
      'A centralized team is judged on the products it exposes.',
    );
  }
  const components = team.owned.filter(r => kindOfRef(r) === 'component');
  if (components.length) {
    return builtIn(
      config,
      id,
      'pass',
      `Owns ${plural(
        components.length,
        'Component',
        'Components',
      )}: ${listNames(components, 5)}.`,
    );
  }
  return builtIn(
    config,
    id,
    'fail',
    'Owns no Component: the team is not end-to-end responsible for any software, so its work is a task inside another team’s product.',
    `Give the team the software it builds and runs, by making it the owner in each Component's catalog-info.yaml:\n\n${yaml(
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        `  name: ${placeholder(
          'component',
          'each Component the team builds and runs',
        )}`,
        'spec:',
        `  owner: ${team.entityRef}`,
      ].join('\n'),
    )}`,
  );
}

function skillsDeclared(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.skills-declared';
  const t = config.thresholds.skillsDeclared;
  const total = team.members.length;
  if (total === 0) {
    return builtIn(
      config,
      id,
      'not-applicable',
      'The team has no User members (head counts declare their skills by definition).',
    );
  }
  const declared = team.membersDeclaringSkills.length;
  const share = declared / total;
  const declaring = new Set(team.membersDeclaringSkills);
  const missing = team.members.filter(m => !declaring.has(m));
  const status = grade(share, t.pass, t.warn);
  const example = missing
    .map(ref => ({ ref, entity: model.entity(ref) }))
    .find(e => e.entity);
  const hint = `placeholder: the clusters this person brings, primary first, e.g. ${
    team.requiredSkills.slice(0, 2).join(', ') ||
    'data-engineer, site-reliability-engineer'
  }`;
  const remediation = example?.entity
    ? `Each member lists the clusters they bring, primary first, on their User entity, e.g. ${
        example.ref
      }:\n\n${entityYaml(example.entity, {
        metadata: annotationLines(
          example.entity,
          { [ANNOTATION_SKILLS]: '<your-skills>' },
          { [ANNOTATION_SKILLS]: hint },
        ),
      })}`
    : `Each member lists the clusters they bring, primary first, on their User entity:\n\n${yaml(
        `metadata:\n  annotations:\n    ${ANNOTATION_SKILLS}: <your-skills> # ${hint}`,
      )}`;
  return builtIn(
    config,
    id,
    status,
    `${declared} of ${plural(total, 'member', 'members')} (${percent(
      share,
    )}) declare their skills${
      missing.length ? `; not declared: ${listNames(missing, 10)}` : ''
    }.`,
    remediation,
    missing,
  );
}

function annotationsValid(
  team: TeamInfo,
  config: TeamInsightsConfig,
  findingsOf: (ref: string) => Finding[],
): CheckResult {
  const id = 'composition.annotations-valid';
  const refs = [team.entityRef, ...team.members];
  const errors = refs.flatMap(r =>
    findingsOf(r).filter(f => f.severity === 'error'),
  );
  if (errors.length === 0) {
    return builtIn(
      config,
      id,
      'pass',
      `No annotation errors on the team or its ${plural(
        team.members.length,
        'member',
        'members',
      )}.`,
    );
  }
  const where = sortedUnique(errors.map(e => e.entityRef));
  const first = errors
    .slice(0, 3)
    .map(e => `${e.entityRef}: ${e.message.split('\n')[0]}`);
  return builtIn(
    config,
    id,
    'fail',
    `${plural(
      errors.length,
      'annotation error',
      'annotation errors',
    )} on ${listNames(
      where,
      5,
    )}, so part of what they declare is ignored. ${first.join(' | ')}${
      errors.length > 3 ? ' | …' : ''
    }`,
    'Fix the findings: each says what is wrong and how to fix it. `team-insights lint` shows them with file and line before you commit.',
    where,
  );
}

/** The composition scorecard's built-in checks for one team. */
export function compositionChecks(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
  findingsOf: (ref: string) => Finding[],
): CheckResult[] {
  return [
    skillCoverage(team, config),
    teamSize(team, config),
    redundancy(team, config),
    crossFunctional(team, config),
    handOvers(team, model, config),
    endToEndOwnership(team, config),
    skillsDeclared(team, model, config),
    annotationsValid(team, config, findingsOf),
  ];
}
