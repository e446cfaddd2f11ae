export { ConcernsTab } from './ConcernsTab';
