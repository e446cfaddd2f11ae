import type { PlanChange } from '@team-insights/plugin-team-insights-common';

/** `group:default/search` → `search`: how people name things in a draft. */
function short(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1).replace(/^[a-z]+:/, '');
}

/** One change of a draft in a sentence. */
export function describeChange(change: PlanChange): string {
  if ('move' in change) {
    const { user, from, to } = change.move;
    return `Move ${short(user)} from ${short(from)} to ${short(to)}`;
  }
  if ('skills' in change) {
    return `${short(change.skills.user)} brings ${
      change.skills.skills || 'no declared skills'
    }`;
  }
  if ('headcount' in change) {
    return `${short(change.headcount.team)} head counts: ${
      change.headcount.skills || 'none'
    }`;
  }
  if ('teamType' in change) {
    return `${short(change.teamType.team)} becomes a ${
      change.teamType.type
    } team`;
  }
  if ('split' in change) {
    return `Split ${short(change.split.team)} into ${change.split.into
      .map(p => `${p.name} (${p.members.map(short).join(', ')})`)
      .join(' and ')}`;
  }
  if ('merge' in change) {
    return `Merge ${change.merge.teams.map(short).join(', ')} into ${
      change.merge.into
    }`;
  }
  if ('createTeam' in change) {
    const c = change.createTeam;
    return `Create the ${c.type} team ${c.name}${
      c.members?.length ? ` with ${c.members.map(short).join(', ')}` : ''
    }${c.owns?.length ? `, owning ${c.owns.map(short).join(', ')}` : ''}`;
  }
  if ('adopt' in change) {
    return `${short(change.adopt.team)} adopts ${short(change.adopt.product)}`;
  }
  return `${short(change.decline.team)} declines ${short(
    change.decline.product,
  )}${change.decline.reason ? ` (${change.decline.reason})` : ''}`;
}
