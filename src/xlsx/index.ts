/** Writing .xlsx files in place (the CLI and the browser edition). */
export { writeInPlace, readSettingsFrom, InPlaceError, type CellEdit, type InPlaceRequest, type NewSheet, type SheetEdits, type SheetState, type SummaryRequest, type StoredSettings } from './write';
export { chartsOf } from './summary';
export { SETTINGS_KEY, settingsFromJson } from './settings';
