import { ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/**
 * The error as ResponseErrorPanel shows it, without any stack trace: the
 * status, the backend's error name and message, and the request.
 */
export function withoutStack(error: Error): Error {
  if (ResponseError.is(error)) {
    const { cause, body } = error;
    const safeBody = {
      ...body,
      error: { name: body.error.name, message: body.error.message },
    };
    return {
      name: error.name,
      message: error.message,
      body: safeBody,
      cause: { name: cause.name, message: cause.message },
      response: error.response,
      statusCode: error.statusCode,
      statusText: error.statusText,
    } as unknown as Error;
  }
  return { name: error.name, message: error.message } as Error;
}

/** Shows why a request failed, never with a stack trace. */
export function ErrorPanel(props: { error: Error }) {
  return <ResponseErrorPanel error={withoutStack(props.error)} />;
}
