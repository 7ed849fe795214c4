/**
 * Which Office the county PCs need for each feature. Office 2019 (ExcelApi 1.7) is the floor:
 * the adapter addresses cells by row and column (Worksheet.getRangeByIndexes) and follows
 * edits (Worksheet.onChanged), both 1.7. Above it, each newer call is made only where
 * isSetSupported says the set is there; what an older Office leaves out is said in the pane.
 */
import type { UserMessage } from '../host/port';
import type { MessageKey } from '../i18n';
import { failure, type HostFailure } from './errors';
import type { OfficeLike } from './office';

export const MIN_EXCEL_API = '1.7';

/** Sets the adapter asks about, newest first (to name the highest one this Excel has). */
const KNOWN_SETS = ['1.20', '1.19', '1.18', '1.17', '1.16', '1.15', '1.14', '1.13', '1.12', '1.11', '1.10', '1.9', '1.8', '1.7', '1.6', '1.5', '1.4', '1.3', '1.2', '1.1'];

/** The first Office bought once (or Microsoft 365) that has the set. */
function officeFor(set: string): string {
  const minor = Number(set.split('.')[1]);
  if (minor <= 7) return 'Office 2019';
  if (minor <= 14) return 'Office LTSC 2021';
  if (minor <= 17) return 'Office 2024';
  return 'Microsoft 365';
}

export function supportsExcelApi(office: OfficeLike, set: string): boolean {
  return office.context.requirements.isSetSupported('ExcelApi', set);
}

/** The highest ExcelApi set this Excel reports ('' when none). */
export function highestExcelApi(office: OfficeLike): string {
  return KNOWN_SETS.find((set) => supportsExcelApi(office, set)) ?? '';
}

/** The refusal every operation gives on an Excel older than Office 2019; null when new enough. */
export function officeTooOld(office: OfficeLike): HostFailure | null {
  if (supportsExcelApi(office, MIN_EXCEL_API)) return null;
  return failure('host.office.tooOld', { have: highestExcelApi(office) || '1.1', need: MIN_EXCEL_API, office: officeFor(MIN_EXCEL_API) });
}

/** Features this Excel leaves out, each with the set and the Office that has it. */
export const OFFICE_FEATURES: ReadonlyArray<{ key: Extract<MessageKey, `host.office.limit.${string}`>; set: string }> = [
  { key: 'host.office.limit.hiddenRows', set: '1.9' },
  { key: 'host.office.limit.print', set: '1.9' },
  { key: 'host.office.limit.cellEdit', set: '1.11' },
  { key: 'host.office.limit.merges', set: '1.13' },
  { key: 'host.office.limit.undoGroup', set: '1.20' },
];

export function officeLimits(office: OfficeLike): UserMessage[] {
  if (!supportsExcelApi(office, MIN_EXCEL_API)) return [];
  return OFFICE_FEATURES.filter((f) => !supportsExcelApi(office, f.set)).map((f) => ({ key: f.key, params: { need: f.set, office: officeFor(f.set) } }));
}
