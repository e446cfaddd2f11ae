export { TrendsTab } from './TrendsTab';
