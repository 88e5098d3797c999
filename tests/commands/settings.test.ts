// The settings a document stores: read back, and damage reported instead of a pane that cannot start.
import { defaultSettings, parseStoredSettings, settingsFromRecord, settingsToRecord } from '../../src/commands/settings';
import { AgeBucketError, languageOfTag } from '../../src/primitives/messages';

test('settings round-trip through the stored text', () => {
  const settings = { ...defaultSettings('fr', 20420), boundaries: '15, 45', companyName: 'Ateliers Réunis SAS' };
  const text = JSON.stringify(settingsToRecord(settings));
  expect(settingsFromRecord(parseStoredSettings(text), defaultSettings('en', 20420))).toEqual(settings);
});

test('nothing stored is no settings', () => {
  expect(parseStoredSettings(null)).toEqual({});
  expect(parseStoredSettings('')).toEqual({});
});

test('a truncated save is reported in the user’s language, saying what to do', () => {
  const truncated = JSON.stringify({ language: 'fr', boundaries: '30, 60, 90' }).slice(0, 25);
  let error: unknown;
  try {
    parseStoredSettings(truncated);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(AgeBucketError);
  expect((error as AgeBucketError).code).toBe('settingsDamaged');
  expect((error as AgeBucketError).localized('fr')).toMatch(
    /^les paramètres enregistrés dans ce classeur sont endommagés \(.+\) ; réinitialisez-les/,
  );
  expect(() => parseStoredSettings('[1,2]')).toThrow(/damaged \(not a list of settings\)/);
});

test('a key named like an object property is a setting like any other', () => {
  expect(parseStoredSettings('{"constructor":"x","language":"fr"}').constructor).toBe('x');
});

test('one rule for the language of a locale tag', () => {
  expect(['fr', 'fr-FR', 'fr_CA', 'FR-be', ' fr '].map(languageOfTag)).toEqual(['fr', 'fr', 'fr', 'fr', 'fr']);
  expect(['en-US', 'de_DE', '', null, undefined].map(languageOfTag)).toEqual(['en', 'en', 'en', 'en', 'en']);
});
