/** A part of a remediation text: prose, or a fenced code block. */
export type RemediationPart =
  | { type: 'text'; text: string }
  | { type: 'code'; language: string; code: string };

const FENCE = /```([\w-]*)[^\S\n]*\n([\s\S]*?)\n?```/g;

/**
 * Splits a remediation into prose and fenced code blocks (usually the YAML to
 * paste into catalog-info.yaml), in their order.
 */
export function splitRemediation(remediation: string): RemediationPart[] {
  const parts: RemediationPart[] = [];
  let last = 0;
  for (const match of remediation.matchAll(FENCE)) {
    const before = remediation.slice(last, match.index).trim();
    if (before) {
      parts.push({ type: 'text', text: before });
    }
    parts.push({
      type: 'code',
      language: (match[1] || 'yaml').toLocaleLowerCase('en-US'),
      code: match[2],
    });
    last = (match.index ?? 0) + match[0].length;
  }
  const rest = remediation.slice(last).trim();
  if (rest) {
    parts.push({ type: 'text', text: rest });
  }
  return parts;
}
