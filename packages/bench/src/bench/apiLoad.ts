import autocannon from 'autocannon';
import { percentile } from './stats';

/** Latencies and failures of one load run. */
export interface LoadResult {
  name: string;
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors, timeouts and non-2xx answers together. */
  errors: number;
  non2xx: number;
  timeouts: number;
}

/**
 * Puts `connections` concurrent clients on the given paths (taken in turn,
 * one per request) for `durationS` seconds with autocannon. Percentiles are
 * computed from every response time, not from autocannon's buckets, so p95
 * is exact.
 */
export async function load(options: {
  name: string;
  baseUrl: string;
  paths: string[];
  token?: string;
  connections: number;
  durationS: number;
}): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationS,
        headers: options.token
          ? { authorization: `Bearer ${options.token}` }
          : undefined,
        requests: [
          {
            setupRequest: request => {
              request.path = options.paths[next++ % options.paths.length];
              return request;
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const non2xx = result.non2xx ?? 0;
  return {
    name: options.name,
    connections: options.connections,
    durationS: options.durationS,
    requests: latencies.length,
    requestsPerSecond: latencies.length / options.durationS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.reduce((a, b) => Math.max(a, b), 0),
    errors: result.errors + result.timeouts + non2xx,
    non2xx,
    timeouts: result.timeouts,
  };
}
