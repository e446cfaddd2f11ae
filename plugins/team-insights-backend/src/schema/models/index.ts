export { apiComponents, component, documentedAs } from './components';
export * from './primitives';
export * from './report';
export * from './views';
export * from './teamDetails';
export * from './planning';
export * from './checks';
