/*
 * How long a skills source takes to read, and the longest pause it causes
 * in the event loop of the backend that reads it in slices:
 *
 *   yarn workspace @team-insights/bench bench:skills-source
 */
import {
  parseSkillsSource,
  parseSkillsSourceInSlices,
  SkillsSourceIndex,
} from '@team-insights/plugin-team-insights-common';

const CLUSTERS = [
  'data-scientist',
  'data-engineer',
  'sre',
  'analytics-translator',
  'ux-designer',
];

function csv(rows: number): string {
  const lines = ['user,skills,department'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `person${i}@example.com,"${CLUSTERS[i % 5]}, ${
        CLUSTERS[(i + 1) % 5]
      }",Department ${i % 40}`,
    );
  }
  return lines.join('\r\n');
}

function yaml(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `- user: person${i}@example.com\n  skills: ${CLUSTERS[i % 5]}, ${
        CLUSTERS[(i + 1) % 5]
      }`,
    );
  }
  return lines.join('\n');
}

async function main() {
  for (const rows of [1_000, 10_000, 100_000]) {
    const text = csv(rows);
    let longest = 0;
    let last = performance.now();
    const start = last;
    const source = await parseSkillsSourceInSlices(
      text,
      { source: 'skills.csv' },
      async () => {
        longest = Math.max(longest, performance.now() - last);
        await new Promise(resolve => setImmediate(resolve));
        last = performance.now();
      },
    );
    longest = Math.max(longest, performance.now() - last);
    const total = performance.now() - start;
    const indexStart = performance.now();
    new SkillsSourceIndex([{ source, precedence: 'entity' }]); // eslint-disable-line no-new
    const indexMs = performance.now() - indexStart;
    process.stdout.write(
      `CSV, ${rows} rows (${(text.length / 1e6).toFixed(
        1,
      )} MB): ${total.toFixed(0)} ms in all, longest slice ${longest.toFixed(
        1,
      )} ms; index ${indexMs.toFixed(0)} ms\n`,
    );
  }
  // YAML is parsed in one piece: the limit on its size keeps that short.
  for (const rows of [100, 240]) {
    const text = yaml(rows);
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      parseSkillsSource(text, { source: 'skills.yaml' });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `YAML, ${rows} rows (${(text.length / 1024).toFixed(
        0,
      )} KiB): median of 5 ${times[2].toFixed(0)} ms\n`,
    );
  }
}

main();
