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
  const fix = FIX.description(view.entity);
  if (!text) {
    return builtIn(config, id, 'fail', 'No description.', fix);
  }
  const normalised = text.toLowerCase().replace(/[.!:]+$/, '');
  if (PLACEHOLDERS.has(normalised)) {
    return builtIn(
      config,
      id,
      'fail',
      `The description ${quote(text)} is a placeholder.`,
      fix,
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
      fix,
    );
  }
  return builtIn(config, id, 'pass', `Described in ${text.length} characters.`);
}
