import { z } from 'zod/v3';
import {
  apiObject,
  apiSchema,
  fromJsonSchema,
  queryInput,
} from './actionSchemas';
import { Finding, ScoreLevel, TeamsPage } from './models';
import { componentSchemas } from './openapi';
import { teamsQuerySchema } from './queries';

describe('the actions’ schemas, read from the API’s', () => {
  it('builds every schema the document publishes', () => {
    for (const [id, json] of Object.entries(componentSchemas())) {
      const schema = fromJsonSchema(z, json);
      expect({ id, object: schema instanceof z.ZodObject }).toEqual({
        id,
        object: json.type === 'object',
      });
    }
    expect(apiObject(z, TeamsPage).shape).toEqual(
      expect.objectContaining({
        items: expect.anything(),
        levelCounts: expect.anything(),
        nextCursor: expect.anything(),
      }),
    );
  });

  it('keeps what an open object carries and drops what a closed one does not name', () => {
    const finding = {
      severity: 'warning',
      code: 'skills.unknown-cluster',
      entityRef: 'user:default/bob',
      message: 'unknown cluster',
      params: { value: 'x', count: 2 },
      extra: true,
    };
    expect(apiSchema(z, Finding).parse(finding)).toEqual(finding);
    expect(
      apiSchema(z, ScoreLevel).parse({ score: 91, level: 'gold', more: 1 }),
    ).toEqual({ score: 91, level: 'gold' });
    expect(
      apiSchema(z, ScoreLevel).safeParse({ score: 101, level: 'gold' }).success,
    ).toBe(false);
    expect(
      apiSchema(z, ScoreLevel).safeParse({ score: null, level: 'platinum' })
        .success,
    ).toBe(false);
  });

  it('takes a route’s query fields with their ranges, each optional', () => {
    const input = queryInput(z, teamsQuerySchema, ['limit', 'sort']);
    expect(input.parse({})).toEqual({});
    expect(input.parse({ limit: 10, sort: 'need', check: 'x' })).toEqual({
      limit: 10,
      sort: 'need',
    });
    expect(input.safeParse({ limit: 501 }).success).toBe(false);
    expect(input.safeParse({ sort: 'colour' }).success).toBe(false);
    expect(input.shape.sort.description).toMatch(/need puts teams/);
  });
});
