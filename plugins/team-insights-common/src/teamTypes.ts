import type { TeamType } from './types';

/**
 * What each team type means, in the words of the article the product is
 * built on. Shown where people choose a team type: the JSON Schema for
 * catalog-info.yaml (editor completion) and the documentation.
 * @public
 */
export interface TeamTypeInfo {
  id: TeamType;
  title: string;
  description: string;
}

/**
 * The team types, in the order the article introduces them.
 * @public
 */
export const TEAM_TYPE_INFO: readonly TeamTypeInfo[] = [
  {
    id: 'feature',
    title: 'Feature team',
    description:
      'End-to-end responsible for a feature, with people from all disciplines: for machine learning a data scientist, a data engineer, a site reliability engineer and an analytics translator. Each person added adds communication overhead, but this works better than expertise-oriented teams: if your organisation does not yet do ML, start with a feature team.',
  },
  {
    id: 'centralized',
    title: 'Centralized team',
    description:
      'Handles a cross-cutting concern that several feature teams repeat (monitoring, batch scheduling) once it becomes evident, as an internal cloud provider: it exposes products, not tasks; use is opt-in; the product is self-service; and it requires no communication.',
  },
  {
    id: 'expertise',
    title: 'Expertise-oriented team',
    description:
      'People grouped by skill (a data lab, an operations team). This results in split ownership and many hand-overs, each with severe loss of knowledge; lead time increases, and the tight coupling between teams creates single points of failure. Declare it to make the cost visible, and reorganise into feature teams.',
  },
];
