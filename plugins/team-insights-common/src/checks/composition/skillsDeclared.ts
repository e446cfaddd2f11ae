import { ANNOTATION_SKILLS } from '../../annotations';
import type { TeamInsightsConfig } from '../../config';
import type { OrganisationModel, TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import { listNames, percent, plural } from '../../util';
import { annotationLines, builtIn, entityYaml, grade, yaml } from '../helpers';

/** The built-in check `composition.skills-declared`. */
export function skillsDeclared(
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
  const remediation = () => {
    const example = missing
      .map(ref => ({ ref, entity: model.entity(ref) }))
      .find(e => e.entity);
    const hint = `placeholder: the clusters this person brings, primary first, e.g. ${
      team.requiredSkills.slice(0, 2).join(', ') ||
      'data-engineer, site-reliability-engineer'
    }`;
    return example?.entity
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
  };
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
