/**
 * The organisation model of SPEC §3, built once from catalog entities and
 * their relations. Every index is a map keyed by lower-case entity ref, so the
 * whole model is linear in entities + relations; relations are read in both
 * directions the catalog may emit them (e.g. `memberOf` on the User or
 * `hasMember` on the Group), without assuming both exist.
 */
export { OrganisationModel } from './organisationModel';
export type { Person, TeamInfo } from './teamInfo';
