import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ReactNode } from 'react';

const REF =
  /\b((?:component|api|resource|system|domain|group|user|template|location):[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*)/gi;

/**
 * Text from the report with each entity ref (`group:default/ml-platform`)
 * shown as a link with the entity's title, as the catalog presents it.
 */
export function TextWithRefs(props: { text: string }): JSX.Element {
  const { text } = props;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(REF)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    parts.push(<EntityRefLink key={index} entityRef={match[1]} hideIcon />);
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
