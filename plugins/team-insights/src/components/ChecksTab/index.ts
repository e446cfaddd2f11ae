export { ChecksTab } from './ChecksTab';
