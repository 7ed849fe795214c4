/**
 * Every entry point awaits loadLocale before it speaks (src/i18n); the tests speak both
 * languages from their first line, so both are ready before each test file runs.
 */
import { loadLocale } from '../../src/i18n';

beforeAll(async () => {
  await loadLocale('en-US');
});
