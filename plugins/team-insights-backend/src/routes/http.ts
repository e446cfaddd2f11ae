import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express, { Request } from 'express';
import { z } from 'zod/v4';
import { entityParamsSchema } from '../schema/queries';

/*
 * What every route group shares: validation of the input, the caller's
 * credentials and CSV downloads.
 */

/** A Group ref as the report writes it; a bare name is a Group's. */
export function normalizeGroupRef(input: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(input, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLowerCase();
  } catch {
    throw new InputError(
      `Invalid query: '${input}' is not an entity ref, e.g. group:default/search-ranking`,
    );
  }
}

/** Whether the caller asked for CSV (`Accept: text/csv`) rather than JSON. */
export function wantsCsv(req: Request): boolean {
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** Sends a CSV export as a download named `filename`. */
export function sendCsv(res: express.Response, filename: string, body: string) {
  res
    .status(200)
    .set({
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
    })
    .send(body);
}

/** `input` as `schema` parses it; an InputError (400) naming `what` if not. */
export function parse<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues
      .map(issue =>
        issue.path.length
          ? `${issue.path.join('.')}: ${issue.message}`
          : issue.message,
      )
      .join('; ');
    throw new InputError(`Invalid ${what}: ${details}`);
  }
  return result.data;
}

/** What reads a request for every route. */
export interface RequestReader {
  /** The caller's credentials: a user's or a service's. */
  credentialsOf(
    req: Request,
  ): Promise<
    BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>
  >;
  /** The lower-case ref of the `:kind/:namespace/:name` path parameters. */
  entityRefOf(params: unknown): string;
}

/** The {@link RequestReader} of `httpAuth`. */
export function requestReader(httpAuth: HttpAuthService): RequestReader {
  return {
    credentialsOf: req =>
      httpAuth.credentials(req, { allow: ['user', 'service'] }),
    entityRefOf: params => {
      const { kind, namespace, name } = parse(
        entityParamsSchema,
        params,
        'entity reference',
      );
      return `${kind}:${namespace}/${name}`.toLowerCase();
    },
  };
}
