export { documentationChecks } from './entity';
export { teamDocumentationCheck } from './team';
