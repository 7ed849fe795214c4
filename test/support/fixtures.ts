/** The golden data in ../shared/fixtures (a sibling of the repo, as in CI). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gridFromRows, type CellValue, type Grid } from '../../src/core';

export const SHARED_DIR = resolve(__dirname, '../../../shared');
export const FIXTURES_DIR = join(SHARED_DIR, 'fixtures');
export const fixturePath = (name: string) => join(FIXTURES_DIR, name);

export interface PublishedUnit {
  category: string;
  name: string;
  base: number;
  adoption: number;
  bonus: number;
  total: number;
  rank: number;
}

/** The published table (wenxian-2023-q3.tsv): category lines, then their units. */
export function publishedUnits(): PublishedUnit[] {
  const lines = readFileSync(fixturePath('wenxian-2023-q3.tsv'), 'utf8').trim().split(/\r?\n/).slice(1);
  const units: PublishedUnit[] = [];
  let category = '';
  for (const line of lines) {
    const cells = line.split('\t');
    if (cells.length === 1) {
      category = cells[0]!.trim();
      continue;
    }
    const [name, base, adoption, bonus, total, rank] = cells;
    units.push({ category, name: name!, base: Number(base), adoption: Number(adoption), bonus: Number(bonus), total: Number(total), rank: Number(rank) });
  }
  return units;
}

export function noticeLines(): string[] {
  return readFileSync(fixturePath('wenxian-2023-q3.notice.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
}

export const FIXTURE_TITLE = '2023年7—9月份全县政务信息得分情况';

/**
 * The real table as the office lays it out (title, header, category rows, units), as a plain grid.
 * `withResults` fills 累计得分 and 排名 as published; otherwise they are blank, as before recalculating.
 */
export function fixtureGrid(withResults = false): Grid {
  const rows: CellValue[][] = [[FIXTURE_TITLE], ['单位', '基础得分', '采用得分', '附加得分', '累计得分', '排名']];
  let category = '';
  const merges = [{ top: 0, left: 0, bottom: 0, right: 5 }];
  for (const unit of publishedUnits()) {
    if (unit.category !== category) {
      category = unit.category;
      merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 5 });
      rows.push([category]);
    }
    rows.push([unit.name, unit.base, unit.adoption, unit.bonus, withResults ? unit.total : null, withResults ? unit.rank : null]);
  }
  const grid = gridFromRows(rows, '7-9月得分');
  grid.merges = merges;
  return grid;
}

/** The flag lists of the fixtures README, in sheet order. */
export const EXPECTED_FLAGS = {
  ZERO_SUBMISSION: ['水利局'],
  LOW_QUALITY: ['黄庄镇', '文化广电和旅游局', '审计局', '退役军人事务局', '国动办', '供销社', '气象局'],
  BELOW_QUOTA: [
    '武德镇', '科技和工业信息化局', '市场监督管理局', '教育局', '交通运输局', '市生态环境局温县分局', '发展改革委',
    '陈家沟景区管理局', '城市管理局', '自然资源局', '政务服务和大数据管理局', '信访局', '河务局', '公共资源交易中心',
  ],
} as const;
