import type { Entity } from '@backstage/catalog-model';
import { BUILT_IN_CHECK_IDS } from '../../catalogue';
import { compositionChecks } from '../../checks/composition';
import { defaultTeamInsightsConfig } from '../../config';
import { applyWaivers } from '../../evaluate';
import { OrganisationModel, TeamInfo } from '../../model';
import { levelOf, scoreChecks } from '../../scoring';
import type { Finding, Level } from '../../types';
import { LEVELS } from '../../types';
import { compareStrings, plural } from '../../util';
import {
  closedGaps,
  describe,
  headCountDeclaration,
  holdersOf,
  opensGap,
  weight,
} from './gaps';
import {
  StaffingGap,
  StaffingOptions,
  StaffingPlan,
  StaffingSuggestion,
} from './types';
import { withPeople } from './withPeople';

export type {
  StaffingGap,
  StaffingOptions,
  StaffingPlan,
  StaffingSuggestion,
} from './types';

/** People considered per gap when looking for someone to move. */
const CANDIDATES_PER_GAP = 25;

/** Higher is better; no level (nothing to judge) is below none. */
const rank = (level: Level | null) =>
  level ? LEVELS.length - LEVELS.indexOf(level) : 0;

interface State {
  team: TeamInfo;
  level: Level | null;
  gaps: StaffingGap[];
}

/**
 * Suggests the fewest hires and moves that close the most missing required
 * clusters and single points of failure in the given teams.
 *
 * Method: greedy. Each round takes the hire or move that closes the most
 * gaps (a missing cluster counts twice a single point of failure), moves
 * before hires when they close as much, and applies it before the next
 * round. A move is only suggested when the team the person leaves opens
 * no gap and keeps its composition level, and no team is made larger than
 * `thresholds.teamSize.maxPass`; each person moves at most once. The
 * composition levels are those of the built-in checks with the teams'
 * waivers (custom checks are not run). Greedy is not always the fewest
 * changes: a person holding two missing clusters may be found only after
 * two hires were suggested for them.
 * @public
 */
export function suggestStaffing(
  entities: Entity[],
  options: StaffingOptions = {},
): StaffingPlan {
  const config = options.config ?? defaultTeamInsightsConfig;
  const now = options.now ?? new Date();
  const model = new OrganisationModel(entities, config, {
    config,
    now,
    checkIds: BUILT_IN_CHECK_IDS as string[],
  });
  const findings = new Map<string, Finding[]>();
  for (const a of model.annotations.values()) {
    for (const f of a.findings) {
      findings.set(f.entityRef, [...(findings.get(f.entityRef) ?? []), f]);
    }
  }
  const findingsOf = (ref: string) => findings.get(ref) ?? [];
  const titles = new Map(
    config.skillClusters.map(c => [c.id, c.title.toLowerCase()]),
  );
  const role = (cluster: string) => titles.get(cluster) ?? cluster;
  const min = config.thresholds.redundancyMinPeople;
  const maxSize = config.thresholds.teamSize.maxPass;

  const levelOfTeam = (team: TeamInfo) => {
    const checks = compositionChecks(team, model, config, findingsOf);
    applyWaivers(checks, team.annotations.waivers);
    return levelOf(scoreChecks(checks), config);
  };
  const gapsOf = (team: TeamInfo): StaffingGap[] => {
    const held = new Map(team.skills.map(s => [s.cluster, s.people]));
    return team.requiredSkills.flatMap((cluster): StaffingGap[] => {
      const people = held.get(cluster) ?? 0;
      if (people === 0) {
        return [{ team: team.entityRef, cluster, gap: 'missing' as const }];
      }
      if (people < min) {
        return [
          {
            team: team.entityRef,
            cluster,
            gap: 'single-point-of-failure' as const,
          },
        ];
      }
      return [];
    });
  };
  const state = new Map<string, State>();
  const stateOf = (ref: string) => {
    let s = state.get(ref);
    if (!s) {
      const team = model.team(ref)!;
      s = { team, level: levelOfTeam(team), gaps: gapsOf(team) };
      state.set(ref, s);
    }
    return s;
  };

  const scope = (options.teams ?? model.teams().map(t => t.entityRef))
    .filter(ref => model.team(ref))
    .sort(compareStrings);
  const gapsBefore = scope.reduce((n, ref) => n + stateOf(ref).gaps.length, 0);
  const moved = new Set<string>();
  const suggestions: StaffingSuggestion[] = [];
  const limit = options.limit ?? 20;

  while (suggestions.length < limit) {
    let best: { value: number; apply: () => StaffingSuggestion } | undefined;
    const consider = (value: number, apply: () => StaffingSuggestion) => {
      if (value > 0 && (!best || value > best.value)) best = { value, apply };
    };
    for (const ref of scope) {
      const target = stateOf(ref);
      for (const gap of target.gaps) {
        // a move first: someone elsewhere who holds the cluster
        const holders = model
          .teams()
          .filter(t => t.entityRef !== ref)
          .flatMap(t =>
            stateOf(t.entityRef)
              .team.people.filter(
                p =>
                  p.ref &&
                  !moved.has(p.ref) &&
                  p.clusters.includes(gap.cluster),
              )
              .map(p => ({ person: p, from: t.entityRef })),
          )
          .sort(
            (a, b) =>
              holdersOf(stateOf(b.from).team, gap.cluster) -
                holdersOf(stateOf(a.from).team, gap.cluster) ||
              compareStrings(a.person.ref!, b.person.ref!),
          )
          .slice(0, CANDIDATES_PER_GAP);
        for (const { person, from } of holders) {
          const source = stateOf(from);
          const left = withPeople(
            source.team,
            source.team.people.filter(p => p !== person),
          );
          const joined = withPeople(target.team, [
            ...target.team.people,
            person,
          ]);
          if (joined.size > maxSize) break;
          const leftGaps = gapsOf(left);
          if (opensGap(source.gaps, leftGaps)) continue;
          const leftLevel = levelOfTeam(left);
          const joinedLevel = levelOfTeam(joined);
          if (rank(leftLevel) < rank(source.level)) continue;
          if (rank(joinedLevel) < rank(target.level)) continue;
          const closed = closedGaps(target.gaps, gapsOf(joined));
          // moves win ties against hires: +0.5
          consider(weight(closed) + 0.5, () => {
            moved.add(person.ref!);
            const suggestion: StaffingSuggestion = {
              kind: 'move',
              cluster: gap.cluster,
              team: ref,
              user: person.ref,
              from,
              closes: closed,
              levels: [
                { team: ref, before: target.level, after: joinedLevel },
                { team: from, before: source.level, after: leftLevel },
              ],
              change: {
                move: { user: person.ref!, from, to: ref },
              },
              text: `Move ${model.titleOf(person.ref!)} (${role(
                gap.cluster,
              )}) from ${model.titleOf(from)} to ${model.titleOf(
                ref,
              )}: closes ${describe(closed, role)}; ${model.titleOf(
                from,
              )} keeps ${leftLevel ?? 'no level'} on composition.`,
            };
            update(state, from, left, leftLevel, leftGaps);
            update(state, ref, joined, joinedLevel, gapsOf(joined));
            return suggestion;
          });
          break;
        }
        // a hire: a head count of the cluster
        const hired = withPeople(
          target.team,
          [
            ...target.team.people,
            { clusters: [gap.cluster], primary: gap.cluster },
          ],
          { [gap.cluster]: 1 },
        );
        if (hired.size > maxSize) continue;
        const hiredLevel = levelOfTeam(hired);
        if (rank(hiredLevel) < rank(target.level)) continue;
        const closed = closedGaps(target.gaps, gapsOf(hired));
        consider(weight(closed), () => {
          const suggestion: StaffingSuggestion = {
            kind: 'hire',
            cluster: gap.cluster,
            team: ref,
            closes: closed,
            levels: [{ team: ref, before: target.level, after: hiredLevel }],
            change: {
              headcount: {
                team: ref,
                skills: headCountDeclaration(hired.headCounts),
              },
            },
            text: `Hire one ${role(gap.cluster)} into ${model.titleOf(
              ref,
            )}: closes ${describe(closed, role)}.`,
          };
          update(state, ref, hired, hiredLevel, gapsOf(hired));
          return suggestion;
        });
      }
    }
    if (!best) break;
    suggestions.push((best as { apply: () => StaffingSuggestion }).apply());
  }

  const hires = new Map<string, Set<string>>();
  for (const s of suggestions.filter(x => x.kind === 'hire')) {
    const teams = hires.get(s.cluster) ?? new Set<string>();
    teams.add(s.team);
    hires.set(s.cluster, teams);
  }
  const summary = [...hires.entries()]
    .sort((a, b) => b[1].size - a[1].size || compareStrings(a[0], b[0]))
    .map(([cluster, teams]) => {
      const count = suggestions.filter(
        s => s.kind === 'hire' && s.cluster === cluster,
      ).length;
      return `${plural(
        count,
        role(cluster),
        `${role(cluster)}s`,
      )} bring ${plural(
        teams.size,
        'team',
        'teams',
      )} closer to full coverage: ${[...teams]
        .map(t => model.titleOf(t))
        .join(', ')}`;
    });
  const movesCount = suggestions.filter(s => s.kind === 'move').length;
  if (movesCount) {
    summary.push(
      `${plural(movesCount, 'move', 'moves')} between teams ${
        movesCount === 1 ? 'closes' : 'close'
      } gaps without opening new ones`,
    );
  }
  return {
    teams: scope,
    gapsBefore,
    suggestions,
    remaining: scope.flatMap(ref => stateOf(ref).gaps),
    summary,
  };
}

function update(
  state: Map<string, State>,
  ref: string,
  team: TeamInfo,
  level: Level | null,
  gaps: StaffingGap[],
) {
  state.set(ref, { team, level, gaps });
}
