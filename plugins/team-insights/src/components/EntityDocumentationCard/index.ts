export { EntityDocumentationCard } from './EntityDocumentationCard';
