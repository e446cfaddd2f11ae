/**
 * Node library of Team Insights: the extension point for custom checks and
 * helpers that read the catalog the way the engine needs it.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './catalog';
