import { InputError } from '@backstage/errors';
import {
  evaluateInitiative,
  Initiative,
  readInitiatives,
  Report,
} from '@team-insights/plugin-team-insights-common';
import { CommandContext } from '../io';
import { isObject } from '../util';
import { readConfigData } from './inputs';

/**
 * The initiative `id` of `teamInsights.initiatives` in an app-config file.
 * @throws InputError when there is no config file, no such initiative, or
 *   the initiative is invalid (with the key path of what is wrong).
 */
export async function readInitiativeOption(
  id: string,
  configFile: string | undefined,
  ctx: CommandContext,
): Promise<Initiative> {
  if (!configFile) {
    throw new InputError(
      '--initiative needs --config <app-config.yaml>, the file that holds teamInsights.initiatives',
    );
  }
  const data = await readConfigData(configFile, ctx);
  const section = isObject(data.teamInsights) ? data.teamInsights : {};
  const raw = (section as Record<string, unknown>).initiatives;
  const { initiatives, problems } = readInitiatives(raw);
  const found = initiatives.find(i => i.id === id.toLowerCase());
  if (found) return found;
  const index = Array.isArray(raw)
    ? raw.findIndex(item => isObject(item) && item.id === id)
    : -1;
  const own = problems.filter(p =>
    p.path.startsWith(`teamInsights.initiatives[${index}]`),
  );
  if (index >= 0 && own.length) {
    throw new InputError(
      `${configFile}: initiative '${id}' is invalid: ${own
        .map(p => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  }
  throw new InputError(
    `${configFile} has no initiative '${id}'; its initiatives are: ${
      initiatives.map(i => i.id).join(', ') || 'none'
    }`,
  );
}

/**
 * Writes where the covered teams stand against the initiative's target to
 * stderr; returns 1 when a covered team is not at target, else 0.
 */
export function gateOnInitiative(
  initiative: Initiative,
  report: Report,
  ctx: CommandContext,
): number {
  const { teams, teamsTotal, teamsAtTarget } = evaluateInitiative(
    initiative,
    report,
  );
  const name = `initiative '${initiative.id}' (deadline ${initiative.deadline})`;
  if (teamsTotal === 0) {
    ctx.stderr.write(`team-insights: ${name} covers no team in these files\n`);
    return 0;
  }
  if (teamsAtTarget === teamsTotal) {
    ctx.stderr.write(
      `team-insights: ${name}: ${
        teamsTotal === 1 ? 'its one team is' : `all ${teamsTotal} teams are`
      } at target\n`,
    );
    return 0;
  }
  ctx.stderr.write(
    `team-insights: ${name}: ${teamsTotal - teamsAtTarget} of ${teamsTotal} ${
      teamsTotal === 1 ? 'team is' : 'teams are'
    } not at target:\n`,
  );
  for (const team of teams.filter(t => !t.atTarget)) {
    ctx.stderr.write(
      `  ${team.entityRef}  ${team.level ?? 'not scored'}  ${
        team.failingChecks.join(', ') || '-'
      }\n`,
    );
  }
  return 1;
}
