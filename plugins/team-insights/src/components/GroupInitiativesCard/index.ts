export { GroupInitiativesCard } from './GroupInitiativesCard';
