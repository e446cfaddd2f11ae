/**
 * Benchmarks of Team Insights and a deterministic generator of synthetic
 * organisations for the Backstage catalog.
 *
 * @packageDocumentation
 */

export * from './generator';
