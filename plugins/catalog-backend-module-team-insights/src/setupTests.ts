import path from 'node:path';

/*
 * Test servers listen on 127.0.0.1 only. `startTestBackend` asks for every
 * interface (host ''); this narrows it to the loopback address, in whichever
 * copy of backend-defaults the test utilities load.
 */
function listenOnLoopbackOnly(modulePath: string) {
  jest.doMock(modulePath, () => {
    const actual = jest.requireActual(modulePath);
    return {
      ...actual,
      createHttpServer: (listener: unknown, options: any, deps: unknown) =>
        actual.createHttpServer(
          listener,
          { ...options, listen: { ...options?.listen, host: '127.0.0.1' } },
          deps,
        ),
    };
  });
}

listenOnLoopbackOnly(
  require.resolve('@backstage/backend-defaults/rootHttpRouter', {
    paths: [path.dirname(require.resolve('@backstage/backend-test-utils'))],
  }),
);
