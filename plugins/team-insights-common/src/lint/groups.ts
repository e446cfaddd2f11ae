/** The annotations of Groups and Users: team type, skills, declined products. */
import {
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_REQUIRED_SKILLS,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
} from '../annotations';
import { newFinding } from '../findingCodes';
import {
  parseDeclineReasons,
  parseRequiredSkills,
  parseSkillsAnnotation,
  parseTeamType,
} from '../parsers';
import { isTeamSpec } from './kinds';
import type { EntityAnnotations, ReadContext } from './types';

/** Reads a Group's annotations into `result`. */
export function readGroupAnnotations(
  ctx: ReadContext,
  result: EntityAnnotations,
) {
  const { entity, ref, read, config } = ctx;
  const { findings } = result;
  const base = { entityRef: ref, config };
  const namespace = String(entity.metadata?.namespace || 'default');
  const teamType = read(ANNOTATION_TEAM_TYPE);
  result.teamTypePresent = teamType !== undefined;
  const parsedType = parseTeamType(teamType, base);
  findings.push(...parsedType.findings);
  result.teamType = parsedType.value;
  if (!result.teamType && isTeamSpec(entity)) {
    findings.push(
      newFinding({
        code: 'team-type.missing',
        entityRef: ref,
        annotation: ANNOTATION_TEAM_TYPE,
        message: `team without a valid team type; it is evaluated as a feature team. Declare what kind of team it is:\n\n\`\`\`yaml\nmetadata:\n  annotations:\n    ${ANNOTATION_TEAM_TYPE}: feature # or centralized, expertise\n\`\`\``,
      }),
    );
  }
  readSkills(ctx, result, 'group');
  const required = parseRequiredSkills(read(ANNOTATION_REQUIRED_SKILLS), base);
  findings.push(...required.findings);
  result.requiredSkills = required.value;
  const declined = parseDeclineReasons(read(ANNOTATION_DECLINED_PRODUCTS), {
    ...base,
    defaultNamespace: namespace,
  });
  findings.push(...declined.findings);
  result.declinedProducts = declined.value.map(d => d.productRef);
  for (const { productRef, reason } of declined.value) {
    if (reason !== undefined) result.declineReasons[productRef] = reason;
  }
}

/** Reads the skills (a User's clusters, a Group's head counts). */
export function readSkills(
  ctx: ReadContext,
  result: EntityAnnotations,
  kind: 'group' | 'user',
) {
  const skills = parseSkillsAnnotation(ctx.read(ANNOTATION_SKILLS), {
    entityRef: ctx.ref,
    config: ctx.config,
    kind,
  });
  result.findings.push(...skills.findings);
  result.skills = skills.value;
}
