import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJunit } from './junit';
import { HostReport } from './results';
import { formatSarif } from './sarif';

export { lintHostReport, scoreHostReport } from './results';
export type { HostReport } from './results';

/** The formats for code hosts and CI systems, shared by `lint` and `score`. */
export const CODE_HOST_FORMATS = [
  'sarif',
  'junit',
  'github',
  'gitlab',
] as const;

/** One of {@link CODE_HOST_FORMATS}. */
export type CodeHostFormat = (typeof CODE_HOST_FORMATS)[number];

/** True for the formats of {@link CODE_HOST_FORMATS}. */
export function isCodeHostFormat(format: string): format is CodeHostFormat {
  return (CODE_HOST_FORMATS as readonly string[]).includes(format);
}

/** The report in a code-host format. */
export function formatForCodeHost(
  format: CodeHostFormat,
  report: HostReport,
  version: string,
): string {
  switch (format) {
    case 'sarif':
      return formatSarif(report, version);
    case 'junit':
      return formatJunit(report);
    case 'github':
      return formatGithub(report);
    default:
      return formatGitlab(report);
  }
}
