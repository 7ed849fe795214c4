/**
 * en-US is fetched on first use (src/i18n loadLocale): before it is loaded nothing speaks
 * English by accident, and zh-CN needs no loading. A fresh copy of the module is taken here,
 * since the test setup loads en-US for every other test.
 */
type I18n = typeof import('../../src/i18n');

function freshI18n(): I18n {
  let fresh: I18n | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<I18n>('../../src/i18n');
  });
  return fresh!;
}

describe('loading a locale', () => {
  it('speaks zh-CN from the start, and English only once en-US is loaded', async () => {
    const i18n = freshI18n();
    expect(i18n.t('ui.action.check', 'zh-CN')).toBe('校验');
    expect(() => i18n.t('ui.action.check', 'en-US')).toThrow("await loadLocale('en-US') first");
    expect(() => i18n.flagLabel('ZERO_SUBMISSION', 'en-US')).toThrow('not loaded');
    await expect(i18n.loadLocale('en-US')).resolves.toBe('en-US');
    expect(i18n.t('ui.action.check', 'en-US')).toBe('Check');
    expect(i18n.flagLabel('ZERO_SUBMISSION', 'en-US')).toBe('No submissions');
    await expect(i18n.loadLocale('zh-CN')).resolves.toBe('zh-CN');
  });

  it('falls back to zh-CN when the English texts cannot be fetched', async () => {
    let fresh: I18n | undefined;
    jest.isolateModules(() => {
      jest.doMock('../../src/i18n/en-US', () => {
        throw new Error('network down');
      });
      fresh = jest.requireActual<I18n>('../../src/i18n');
    });
    await expect(fresh!.loadLocale('en-US')).resolves.toBe('zh-CN');
    expect(() => fresh!.t('ui.action.check', 'en-US')).toThrow('not loaded');
    jest.dontMock('../../src/i18n/en-US');
  });
});
