export { mulberry32 } from './random';
export type { Random } from './random';
export { attachCatalogRelations } from './relations';
export { generateOrganisation } from './generateOrganisation';
export type {
  GenerateOrganisationOptions,
  OrganisationStats,
  SyntheticOrganisation,
} from './generateOrganisation';
export { toCatalogYaml, toSourceEntity } from './catalogYaml';
