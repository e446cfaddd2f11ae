export { catalogInfoJsonSchema } from './catalogInfoSchema';
export type {
  CatalogModelDefinitions,
  JsonSchemaObject,
} from './catalogInfoSchema';
