import { splitRemediation } from './remediation';

describe('splitRemediation', () => {
  it('separates the prose from each fenced YAML block, in order', () => {
    const parts = splitRemediation(
      'Add an analytics translator:\n\n```yaml\nmetadata:\n  annotations:\n    team-insights.io/skills: analytics-translator=1\n```\n\nThen re-run the evaluation.',
    );
    expect(parts).toEqual([
      { type: 'text', text: 'Add an analytics translator:' },
      {
        type: 'code',
        language: 'yaml',
        code: 'metadata:\n  annotations:\n    team-insights.io/skills: analytics-translator=1',
      },
      { type: 'text', text: 'Then re-run the evaluation.' },
    ]);
  });

  it('keeps a remediation without code as one paragraph', () => {
    expect(splitRemediation('Merge its people into feature teams.')).toEqual([
      { type: 'text', text: 'Merge its people into feature teams.' },
    ]);
  });

  it('treats an unlabelled fence as YAML and keeps two blocks apart', () => {
    const parts = splitRemediation('```\na: 1\n```\n```yaml\nb: 2\n```');
    expect(parts).toEqual([
      { type: 'code', language: 'yaml', code: 'a: 1' },
      { type: 'code', language: 'yaml', code: 'b: 2' },
    ]);
  });
});
