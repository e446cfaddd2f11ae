import { useContentRootStyles } from '../common/contentStyles';
import { Route, Routes } from 'react-router-dom';
import { InitiativePage } from './InitiativePage';
import { InitiativesList } from './InitiativesList';

/**
 * The Initiatives tab: the list at `/team-insights/initiatives`, one page
 * per initiative at `/team-insights/initiatives/<id>`.
 */
export function InitiativesTab() {
  const classes = useContentRootStyles();
  return (
    <div data-team-insights-content className={classes.root}>
      <Routes>
        <Route path="/" element={<InitiativesList />} />
        <Route path="/:id" element={<InitiativePage />} />
      </Routes>
    </div>
  );
}
