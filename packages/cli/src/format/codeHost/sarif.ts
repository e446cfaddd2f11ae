import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { fingerprints } from './fingerprints';
import { HostReport, HostResult } from './results';

/** The URI of a path as shown to the user: relative paths stay relative. */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) {
    return pathToFileURL(path).href;
  }
  return path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

function messageText(result: HostResult): string {
  return result.remediation
    ? `${result.message}\n\nRemediation: ${result.remediation}`
    : result.message;
}

/**
 * The report as a SARIF 2.1.0 log, for GitHub code scanning and other
 * SARIF viewers: one rule per check or finding kind, with its help; one
 * result per problem, at its file, line and column, with the entity as
 * logical location and a fingerprint that survives moved lines.
 */
export function formatSarif(report: HostReport, version: string): string {
  const ruleIndex = new Map(report.rules.map((rule, i) => [rule.id, i]));
  const prints = fingerprints(report.results);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'team-insights',
            fullName: `Team Insights ${report.command}`,
            semanticVersion: version,
            rules: report.rules.map(rule => ({
              id: rule.id,
              name: rule.title,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: { text: rule.help, markdown: rule.help },
              properties: { tags: ['team-insights'] },
            })),
          },
        },
        automationDetails: { id: `team-insights/${report.command}/` },
        columnKind: 'utf16CodeUnits',
        results: report.results.map((result, i) => {
          const locations = [];
          if (result.location || result.entityRef) {
            locations.push({
              ...(result.location
                ? {
                    physicalLocation: {
                      artifactLocation: {
                        uri: artifactUri(result.location.path),
                      },
                      region: {
                        startLine: result.location.line,
                        startColumn: result.location.column,
                      },
                    },
                  }
                : {}),
              ...(result.entityRef
                ? {
                    logicalLocations: [
                      { fullyQualifiedName: result.entityRef, kind: 'object' },
                    ],
                  }
                : {}),
            });
          }
          return {
            ruleId: result.ruleId,
            ruleIndex: ruleIndex.get(result.ruleId),
            level: result.level,
            message: { text: messageText(result) },
            ...(locations.length ? { locations } : {}),
            partialFingerprints: { 'teamInsights/v1': prints[i] },
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
