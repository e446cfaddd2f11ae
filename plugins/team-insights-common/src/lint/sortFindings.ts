import type { Finding } from '../types';
import { compareStrings } from '../util';

/** Sorts findings by entity ref, annotation, severity and message. @public */
export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => [
    f.entityRef,
    f.annotation ?? '',
    f.severity === 'error' ? '0' : '1',
    f.message,
  ];
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = compareStrings(ka[i], kb[i]);
      if (c) return c;
    }
    return 0;
  });
}
