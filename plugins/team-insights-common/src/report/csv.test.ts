import type { TeamSummary } from '../api';
import type { InitiativeDetail } from '../initiatives/types';
import { csvCell, initiativeTeamsCsv, teamsCsv, toCsv } from './csv';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('makes cells that a spreadsheet would run as formulas plain text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tindent')).toBe("'\tindent");
    expect(csvCell('\rstart')).toBe(`"'\rstart"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers (a negative one too) and nothing for null', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('ends every line with CRLF, the header first', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

function summary(overrides: Partial<TeamSummary>): TeamSummary {
  return {
    entityRef: 'group:default/search',
    title: 'Search',
    teamType: 'feature',
    teamTypeDeclared: true,
    size: 4,
    orgUnits: ['group:default/ml'],
    scores: {
      composition: { score: 80, level: 'silver' },
      adoption: { score: null, level: null },
      documentation: { score: 100, level: 'gold' },
    },
    ...overrides,
  };
}

describe('teamsCsv', () => {
  it('writes one line per team with its scores and levels', () => {
    const lines = teamsCsv([summary({})]).split('\r\n');
    expect(lines[0]).toBe(
      'Team,Entity ref,Team type,Size,Composition score,Composition level,Adoption score,Adoption level,Documentation score,Documentation level,Org units',
    );
    expect(lines[1]).toBe(
      'Search,group:default/search,feature,4,80,silver,,,100,gold,group:default/ml',
    );
    expect(lines).toHaveLength(3);
  });

  it("adds a drill-down's check, its message, remediation and entities", () => {
    const csv = teamsCsv([
      summary({
        title: '=Pricing',
        check: {
          id: 'docs.description',
          scorecard: 'documentation',
          title: 'Description',
          status: 'fail',
          message: '1 of 2 owned entities fail',
          remediation: 'Add a description, e.g. "The pricing API"',
          entities: ['component:default/a', 'component:default/b'],
        },
      }),
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header).toMatch(/,Check,Check status,Message,Remediation,Entities$/);
    expect(row).toBe(
      `'=Pricing,group:default/search,feature,4,80,silver,,,100,gold,group:default/ml,docs.description,fail,1 of 2 owned entities fail,"Add a description, e.g. ""The pricing API""",component:default/a component:default/b`,
    );
  });
});

describe('initiativeTeamsCsv', () => {
  it("writes an initiative's teams with their level and what holds them back", () => {
    const detail = {
      teams: [
        {
          entityRef: 'group:default/search',
          title: 'Search',
          teamType: 'feature',
          atTarget: false,
          level: 'bronze',
          failingChecks: ['composition.team-size', 'docs.description'],
        },
      ],
    } as unknown as InitiativeDetail;
    expect(initiativeTeamsCsv(detail)).toBe(
      'Team,Entity ref,Team type,Level,At target,Failing checks\r\n' +
        'Search,group:default/search,feature,bronze,no,composition.team-size docs.description\r\n',
    );
  });
});
