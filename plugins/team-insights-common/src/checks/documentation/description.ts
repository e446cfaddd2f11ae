import type { TeamInsightsConfig } from '../../config';
import type { EntityView } from '../../customChecks';
import { plural, quote } from '../../util';
import { builtIn } from '../helpers';
import { FIX } from './fixes';

const PLACEHOLDERS = new Set([
  'todo',
  'tbd',
  'n/a',
  'na',
  'description',
  '-',
  'none',
  'fixme',
  'placeholder',
  'tba',
]);

/** The built-in check `docs.description`. */
export function description(view: EntityView, config: TeamInsightsConfig) {
  const id = 'docs.description';
  const min = config.thresholds.descriptionMinLength;
  const raw = view.entity.metadata?.description;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) {
    return builtIn(
      config,
      id,
      'fail',
      'No description.',
      FIX.description(view.entity),
    );
  }
  const normalised = text.toLowerCase().replace(/[.!:]+$/, '');
  if (PLACEHOLDERS.has(normalised)) {
    return builtIn(
      config,
      id,
      'fail',
      `The description ${quote(text)} is a placeholder.`,
      FIX.description(view.entity),
    );
  }
  if (text.length < min) {
    return builtIn(
      config,
      id,
      'fail',
      `The description has ${plural(
        text.length,
        'character',
        'characters',
      )}, fewer than ${min}.`,
      FIX.description(view.entity),
    );
  }
  return builtIn(config, id, 'pass', `Described in ${text.length} characters.`);
}
