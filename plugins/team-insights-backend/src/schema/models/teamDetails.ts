import { z } from 'zod/v4';
import { component } from './components';
import { EntityRef, reportMeta, ScoreLevel, TeamType } from './primitives';
import { ProductAdoption } from './views';

/** `GET /v1/teams/{namespace}/{name}/details`: what a team's Group tab shows. */
export const TeamProductRef = component(
  'TeamProductRef',
  z.strictObject({
    entityRef: EntityRef,
    title: z
      .string()
      .describe("The product's title, or its ref when it has none."),
  }),
);

export const TeamDeclinedProduct = component(
  'TeamDeclinedProduct',
  z.strictObject({
    entityRef: EntityRef,
    title: z.string(),
    reason: z
      .string()
      .optional()
      .describe('As the team wrote it; absent when it gave no reason.'),
  }),
);

export const TeamAdoption = component(
  'TeamAdoption',
  z.strictObject({
    used: z
      .array(TeamProductRef)
      .describe('Products of other teams the team uses, by ref.'),
    declined: z
      .array(TeamDeclinedProduct)
      .describe('Products the team declined, by ref.'),
    rebuilt: z
      .array(
        z.strictObject({
          concern: z.string(),
          products: z.array(EntityRef),
        }),
      )
      .describe(
        'Concerns with the verdict rebuilt that the team builds itself, with the products that cover them; by concern.',
      ),
    mandatoryMissing: z
      .array(TeamProductRef)
      .describe(
        'Mandatory products of other teams the team does not use (declined ones included), by ref.',
      ),
    products: z
      .array(ProductAdoption)
      .describe('The products the team owns, with their adoption; by ref.'),
  }),
);

export const OwnedEntitySummary = component(
  'OwnedEntitySummary',
  z.strictObject({
    entityRef: EntityRef,
    title: z.string(),
    kind: z.string(),
    product: z.boolean(),
    documentation: ScoreLevel,
  }),
);

export const TeamDetailsResponse = component(
  'TeamDetailsResponse',
  z.strictObject({
    ...reportMeta,
    entityRef: EntityRef,
    title: z.string(),
    teamType: TeamType,
    redundancyMinPeople: z.number().int().min(1),
    singlePointsOfFailure: z
      .array(z.string())
      .describe(
        'Required clusters held by at least one person but fewer than redundancyMinPeople, sorted.',
      ),
    adoption: TeamAdoption,
    owned: z
      .array(OwnedEntitySummary)
      .describe('Owned documented entities, worst documented first.'),
  }),
);
