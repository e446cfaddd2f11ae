import type { TeamInsightsConfig } from '../../config';
import type { EntityView } from '../../customChecks';
import type { OrganisationModel } from '../../model';
import { kindOfRef, normalizeRef, quote, specString } from '../../util';
import { builtIn, entityYaml, placeholder } from '../helpers';

/** The built-in check `docs.owner`. */
export function owner(
  view: EntityView,
  model: OrganisationModel,
  config: TeamInsightsConfig,
) {
  const id = 'docs.owner';
  const raw = specString(view.entity, 'owner');
  const fix = (example: string | undefined) =>
    `Make a team the owner:\n\n${entityYaml(view.entity, {
      spec: [
        `owner: ${
          example ?? placeholder('team', 'the ref of the owning Group')
        }`,
      ],
    })}`;
  const fixWithOwner = () =>
    fix(model.ownerRefs(view.entityRef).find(o => kindOfRef(o) === 'group'));
  if (!raw || !raw.trim()) {
    return builtIn(config, id, 'fail', 'No `spec.owner`.', fixWithOwner());
  }
  const ref =
    raw.length <= 1024
      ? normalizeRef(raw.trim(), {
          defaultKind: 'group',
          defaultNamespace: String(
            view.entity.metadata?.namespace || 'default',
          ),
          strict: true,
        })
      : undefined;
  const target = ref ? model.entities.get(ref) : undefined;
  if (!ref || !target) {
    return builtIn(
      config,
      id,
      'fail',
      `The owner ${quote(raw)} does not resolve to an entity in the catalog.`,
      `Check the kind, namespace and name of the owner. ${fixWithOwner()}`,
      ref ? [ref] : [],
    );
  }
  const kind = kindOfRef(ref);
  if (kind === 'group') {
    return builtIn(config, id, 'pass', `Owned by ${ref}.`, undefined, [ref]);
  }
  if (kind === 'user') {
    return builtIn(
      config,
      id,
      'warn',
      `Owned by a person, ${ref}: when they move on, nobody owns it.`,
      `Ownership by a team avoids single points of failure. ${fix(
        model.groupsOfMember(ref)[0],
      )}`,
      [ref],
    );
  }
  return builtIn(
    config,
    id,
    'fail',
    `The owner ${ref} is a ${kindOfRef(ref)}, not a Group.`,
    fixWithOwner(),
    [ref],
  );
}
