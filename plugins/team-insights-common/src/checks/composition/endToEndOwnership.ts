import type { TeamInsightsConfig } from '../../config';
import type { TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import { kindOfRef, listNames, plural } from '../../util';
import { builtIn, placeholder, yaml } from '../helpers';

/** The built-in check `composition.end-to-end-ownership`. */
export function endToEndOwnership(
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
