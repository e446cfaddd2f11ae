import { EmptyState, Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ErrorPanel, ReportStatus } from '../common';
import { ViewContent } from '../common/ViewContent';
import { AdoptionMatrix } from './AdoptionMatrix';
import { ProductsTable } from './ProductsTable';
import { useAdoption } from './useAdoption';

/**
 * The Adoption tab: each platform product with its owner, opt-in or
 * mandatory, adoption rate and documentation level (products nobody adopts
 * first), and the matrix of feature teams × products, from `GET /adoption`
 * (over the teams the reader may see).
 */
export function AdoptionTab() {
  const { value, loading, error, featureTeams } = useAdoption();

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  if (value.products.length === 0) {
    return (
      <>
        <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
        <EmptyState
          missing="data"
          title="No platform products yet"
          description="A centralized team exposes products, not tasks: every Component, API or Resource it owns counts as a product. Declare its type on the team, or mark a product explicitly with team-insights.io/product: 'true'."
        />
      </>
    );
  }
  return (
    <ViewContent>
      <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
      <section aria-labelledby="team-insights-products">
        <Typography variant="h5" component="h2" id="team-insights-products">
          Platform products
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Centralized teams act as internal cloud providers: their products are
          opt-in, self-service and need no communication. The adoption rate
          counts feature teams only: those that use a product, of the feature
          teams that could. A team that declines a product says why, so the
          product&apos;s team learns what stands in the way.
        </Typography>
        <ProductsTable adoption={value} featureTeams={featureTeams} />
      </section>
      <section aria-labelledby="team-insights-matrix">
        <Typography variant="h5" component="h2" id="team-insights-matrix">
          Adoption by feature team
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Adopted: the team owns something that depends on the product.
          Declined: the team chose not to use it, which opt-in allows. An empty
          cell: neither.
        </Typography>
        <AdoptionMatrix adoption={value} featureTeams={featureTeams} />
      </section>
    </ViewContent>
  );
}
