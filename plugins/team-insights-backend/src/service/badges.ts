import type {
  Level,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';

/**
 * What a badge says after the scorecard name: a level, `n/a` for a visible
 * entity the scorecard does not apply to (or with no applicable check), or
 * `unknown` for an entity that has no scorecards or that the caller cannot
 * see — the two are deliberately indistinguishable.
 */
export type BadgeMessage = Level | 'n/a' | 'unknown';

/** Background colours; the level is always written out as well. */
const COLOURS: Record<BadgeMessage, string> = {
  gold: '#8a6d00',
  silver: '#5a6470',
  bronze: '#8c4a1c',
  none: '#b3261e',
  'n/a': '#6b6b6b',
  unknown: '#6b6b6b',
};

const LABEL_COLOUR = '#333333';

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, c => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

/** Characters XML 1.0 does not allow at all, even escaped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Rough width of a text in 11px Verdana, as badge services estimate it. */
function textWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    if ("iljtf.,:;!|'/ ".includes(c)) width += 4;
    else if ('mwMW'.includes(c)) width += 10;
    else if (/[A-Z]/.test(c)) width += 8;
    else width += 7;
  }
  return width;
}

/**
 * A flat badge `<scorecard> | <level>`, the size of the shields people
 * know from READMEs. Everything that reaches the SVG is escaped; the only
 * free text, `subject`, appears in the tooltip only.
 */
export function renderBadge(options: {
  scorecard: ScorecardId;
  message: BadgeMessage;
  /** What the badge is about, for the tooltip (the ref of the URL). */
  subject: string;
}): string {
  const label = options.scorecard;
  const message = options.message;
  const labelWidth = textWidth(label) + 12;
  const messageWidth = textWidth(message) + 12;
  const width = labelWidth + messageWidth;
  const subject = options.subject.replace(NOT_XML, '\ufffd').slice(0, 300);
  const spoken = escapeXml(`${label}: ${message}`);
  const title = escapeXml(`${subject} — Team Insights ${label}: ${message}`);
  const lx = labelWidth / 2;
  const mx = labelWidth + messageWidth / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${spoken}">`,
    `<title>${title}</title>`,
    `<rect width="${labelWidth}" height="20" fill="${LABEL_COLOUR}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${COLOURS[message]}"/>`,
    `<g fill="#ffffff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${lx}" y="14">${escapeXml(label)}</text>`,
    `<text x="${mx}" y="14">${escapeXml(message)}</text>`,
    `</g>`,
    `</svg>`,
  ].join('');
}
