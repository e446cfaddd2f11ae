export { BadgeSnippet } from './BadgeSnippet';
export type { BadgeSnippetProps } from './BadgeSnippet';
