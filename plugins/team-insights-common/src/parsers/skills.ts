import { ANNOTATION_REQUIRED_SKILLS, ANNOTATION_SKILLS } from '../annotations';
import { clusterLookup } from '../config';
import { clip, quote } from '../util';
import {
  FindingSink,
  type ParseOptions,
  type ParseResult,
  configOf,
  resolveCluster,
  splitList,
} from './common';

/**
 * The skills of a User or the head counts of a Group.
 * @public
 */
export interface SkillsAnnotation {
  /** Valid clusters in the order given, without duplicates. */
  clusters: string[];
  /** A User's primary cluster: the first valid one. */
  primary?: string;
  /** True when the annotation has at least one non-empty item, valid or not. */
  declared: boolean;
  /** A Group's head counts per cluster (empty for Users). */
  headCounts: Record<string, number>;
}

/**
 * Parses `team-insights.io/skills`: `cluster, …` on a User (the first valid
 * cluster is the primary one) or `cluster=count, …` on a Group (head counts of
 * people not modelled as Users, counts 1–1000).
 * @public
 */
export function parseSkillsAnnotation(
  value: string | undefined,
  options?: ParseOptions & { kind?: 'user' | 'group' },
): ParseResult<SkillsAnnotation> {
  const sink = new FindingSink(options?.entityRef ?? '', ANNOTATION_SKILLS);
  const result: SkillsAnnotation = {
    clusters: [],
    declared: false,
    headCounts: {},
  };
  if (value === undefined) return { value: result, findings: [] };
  if (typeof value !== 'string') {
    sink.add('annotation.not-a-string', {}, 'value must be a string');
    return { value: result, findings: sink.findings };
  }
  const config = configOf(options);
  const lookup = clusterLookup(config);
  const isGroup = options?.kind === 'group';
  const items = splitList(
    value,
    sink,
    ',',
    isGroup ? 'cluster=count pairs' : 'skill cluster ids',
  );
  if (!items) return { value: result, findings: sink.findings };
  result.declared = items.length > 0;
  const seen = new Set<string>();
  for (const item of items) {
    const eq = item.indexOf('=');
    if (isGroup) {
      if (eq < 0) {
        sink.add(
          'skills.missing-head-count',
          { params: { value: clip(item) } },
          `${quote(
            item,
          )} has no head count; on a Group write cluster=count, e.g. ${quote(
            `${item.toLowerCase()}=1`,
          )} (people modelled as Users count by themselves)`,
        );
        continue;
      }
      const cluster = resolveCluster(
        item.slice(0, eq).trim(),
        lookup,
        config,
        sink,
      );
      const rawCount = item.slice(eq + 1).trim();
      const count = /^[0-9]{1,4}$/.test(rawCount) ? Number(rawCount) : NaN;
      if (!(count >= 1 && count <= 1000)) {
        sink.add(
          'skills.invalid-head-count',
          { params: { value: clip(item), count: clip(rawCount) } },
          `head count ${quote(rawCount)} in ${quote(
            item,
          )} is not a whole number from 1 to 1000; it was ignored`,
        );
        continue;
      }
      if (cluster === undefined) continue;
      if (seen.has(cluster)) {
        sink.add(
          'skills.duplicate-cluster',
          { params: { cluster, count: result.headCounts[cluster] + count } },
          `'${cluster}' is listed more than once; the counts were added up. Write it once, e.g. '${cluster}=${
            result.headCounts[cluster] + count
          }'`,
        );
        result.headCounts[cluster] += count;
      } else {
        seen.add(cluster);
        result.headCounts[cluster] = count;
        result.clusters.push(cluster);
      }
    } else {
      if (eq >= 0) {
        sink.add(
          'skills.unexpected-count',
          { params: { value: clip(item) } },
          `${quote(
            item,
          )} has a count; counts are for a Group's head counts. On a User list the clusters the person brings, primary first, e.g. ${quote(
            item.slice(0, eq).trim().toLowerCase(),
          )}`,
        );
        continue;
      }
      const cluster = resolveCluster(item, lookup, config, sink);
      if (cluster === undefined) continue;
      if (seen.has(cluster)) {
        sink.add(
          'skills.duplicate-cluster',
          { params: { cluster } },
          `'${cluster}' is listed more than once`,
        );
        continue;
      }
      seen.add(cluster);
      result.clusters.push(cluster);
    }
  }
  if (!isGroup) result.primary = result.clusters[0];
  return { value: result, findings: sink.findings };
}

/**
 * Parses `team-insights.io/required-skills`. Returns undefined when the
 * annotation is absent or has no valid cluster (the team type's default
 * applies then).
 * @public
 */
export function parseRequiredSkills(
  value: string | undefined,
  options?: ParseOptions,
): ParseResult<string[] | undefined> {
  const sink = new FindingSink(
    options?.entityRef ?? '',
    ANNOTATION_REQUIRED_SKILLS,
  );
  if (value === undefined) return { value: undefined, findings: [] };
  if (typeof value !== 'string') {
    sink.add('annotation.not-a-string', {}, 'value must be a string');
    return { value: undefined, findings: sink.findings };
  }
  const config = configOf(options);
  const lookup = clusterLookup(config);
  const items = splitList(value, sink, ',', 'skill cluster ids');
  if (!items) return { value: undefined, findings: sink.findings };
  const clusters: string[] = [];
  for (const item of items) {
    if (item.includes('=')) {
      sink.add(
        'skills.unexpected-count',
        { params: { value: clip(item) } },
        `${quote(
          item,
        )} has a count; required skills are a list of cluster ids, e.g. 'data-scientist, data-engineer'`,
      );
      continue;
    }
    const cluster = resolveCluster(item, lookup, config, sink);
    if (cluster !== undefined && !clusters.includes(cluster)) {
      clusters.push(cluster);
    }
  }
  if (clusters.length === 0 && items.length > 0) {
    sink.add(
      'required-skills.none-valid',
      {},
      "no valid cluster is listed, so the team type's required clusters apply",
    );
  }
  return {
    value: clusters.length ? clusters : undefined,
    findings: sink.findings,
  };
}
