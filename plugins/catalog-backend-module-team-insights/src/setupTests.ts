/*
 * Test servers listen on 127.0.0.1 only. `startTestBackend` asks for every
 * interface (host ''); this narrows it to the loopback address.
 */
jest.mock('@backstage/backend-defaults/rootHttpRouter', () => {
  const actual = jest.requireActual(
    '@backstage/backend-defaults/rootHttpRouter',
  );
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
