import { analyze, gridFromRows, SUMMARY_MARKER, type Analysis } from '../../src/core';

/** What a caller can read off each kind, through the kind alone. */
function describeKind(a: Analysis): string {
  switch (a.kind) {
    case 'noTable':
      return `noTable:${a.findings.map((f) => f.code).join(',')}`;
    case 'ownSheet':
      return `ownSheet:${a.findings.map((f) => f.code).join(',')}`;
    case 'table':
      return `table:${a.scored.units.count}:${a.layout.columns.length > 0}:${a.notice.title.length > 0}`;
  }
}

describe('Analysis is one of three kinds, each with exactly its fields', () => {
  it('a sheet without a score table is noTable and carries no table fields', () => {
    const a = analyze(gridFromRows([['会议纪要'], ['无表格']]));
    expect(describeKind(a)).toBe('noTable:HEADER_NOT_FOUND');
    expect(Object.keys(a).sort()).toEqual(['findings', 'kind', 'rules', 'sheetName']);
  });

  it("the product's own summary sheet is ownSheet, with the SUMMARY_SHEET finding only", () => {
    const a = analyze(gridFromRows([['单位', '基础得分'], ['水利局', 10], [`${SUMMARY_MARKER}，请勿录入`]]));
    expect(describeKind(a)).toBe('ownSheet:SUMMARY_SHEET');
    expect(Object.keys(a).sort()).toEqual(['findings', 'kind', 'rules', 'sheetName']);
  });

  it('a score table is table, with layout, table, scores, summary, ledger and notice all present', () => {
    const a = analyze(gridFromRows([['单位', '基础得分', '附加得分'], ['水利局', 10, 1], ['教育局', 12, 0]]));
    expect(describeKind(a)).toBe('table:2:true:true');
    expect(Object.keys(a).sort()).toEqual(['findings', 'kind', 'layout', 'ledger', 'notice', 'rules', 'scored', 'sheetName', 'summary', 'table']);
  });
});
