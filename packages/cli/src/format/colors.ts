import type { Level } from '@team-insights/plugin-team-insights-common';

/** ANSI colours, or plain text when colour is off. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  level(level: Level | null, text: string): string;
}

function ansi(open: number, close: number) {
  return (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Colour functions; identity functions when `enabled` is false. */
export function paint(enabled: boolean): Paint {
  if (!enabled) {
    const same = (text: string) => text;
    return {
      red: same,
      yellow: same,
      green: same,
      cyan: same,
      magenta: same,
      bold: same,
      dim: same,
      level: (_level, text) => text,
    };
  }
  const colors = {
    red: ansi(31, 39),
    yellow: ansi(33, 39),
    green: ansi(32, 39),
    cyan: ansi(36, 39),
    magenta: ansi(35, 39),
    bold: ansi(1, 22),
    dim: ansi(2, 22),
  };
  return {
    ...colors,
    level(level, text) {
      switch (level) {
        case 'gold':
          return colors.yellow(text);
        case 'silver':
          return colors.cyan(text);
        case 'bronze':
          return colors.magenta(text);
        case 'none':
          return colors.red(text);
        default:
          return colors.dim(text);
      }
    },
  };
}
