export { InitiativesTab } from './InitiativesTab';
