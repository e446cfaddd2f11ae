export { MyTeamsContent } from './MyTeamsContent';
export { MyTeamsList, describeChange } from './MyTeamsList';
export { MyTeamsSection } from './MyTeamsSection';
