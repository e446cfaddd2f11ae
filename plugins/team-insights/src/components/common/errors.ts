import { ResponseError } from '@backstage/errors';

/** True when the backend answered 404: the entity has not been evaluated. */
export function isNotFoundError(error: unknown): boolean {
  if (ResponseError.is(error)) {
    return error.statusCode === 404;
  }
  return (error as { name?: unknown } | undefined)?.name === 'NotFoundError';
}
