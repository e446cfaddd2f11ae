import { IgnoreRules } from './ignore';

describe('IgnoreRules', () => {
  const rules = IgnoreRules.parse(
    [
      '# skeletons of our templates',
      'templates/*/skeleton/',
      '',
      '*.generated.yaml',
      '!keep.generated.yaml',
      '/fixtures',
      'docs/**/openapi.yaml',
      'draft?.yaml',
      '[Tt]mp/',
      '\\#literal.yaml',
    ].join('\n'),
  );

  it.each([
    ['templates/node/skeleton', true, true],
    ['templates/node/skeleton/catalog-info.yaml', false, true],
    ['templates/node/skeleton', false, false],
    ['a/b/x.generated.yaml', false, true],
    ['keep.generated.yaml', false, false],
    ['fixtures/team.yaml', false, true],
    ['sub/fixtures/team.yaml', false, false],
    ['docs/openapi.yaml', false, true],
    ['docs/a/b/openapi.yaml', false, true],
    ['other/openapi.yaml', false, false],
    ['draft1.yaml', false, true],
    ['draft12.yaml', false, false],
    ['tmp/x.yaml', false, true],
    ['Tmp/x.yaml', false, true],
    ['#literal.yaml', false, true],
    ['catalog-info.yaml', false, false],
    ['../fixtures/team.yaml', false, false],
  ])('%s (folder: %s) is ignored: %s', (file, isDirectory, expected) => {
    expect(rules.ignores(file, isDirectory)).toBe(expected);
  });

  it('keeps what is inside an ignored folder ignored, as git does', () => {
    const negated = IgnoreRules.of(['build/', '!build/catalog-info.yaml']);
    expect(negated.ignores('build/catalog-info.yaml', false)).toBe(true);
  });

  it('ignores nothing without rules, and takes globs from the command line', () => {
    expect(IgnoreRules.none.ignores('anything.yaml', false)).toBe(false);
    expect(
      IgnoreRules.of(['examples/template/content']).ignores(
        'examples/template/content/catalog-info.yaml',
        false,
      ),
    ).toBe(true);
  });
});
