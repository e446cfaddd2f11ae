export { SkillsTab } from './SkillsTab';
