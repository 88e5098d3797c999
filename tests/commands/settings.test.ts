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

test('damaged settings are said in the user’s language, with no English from the JSON reader, and what to do', () => {
  const refusal = (text: string): AgeBucketError => {
    try {
      parseStoredSettings(text);
    } catch (caught) {
      if (caught instanceof AgeBucketError) return caught;
      throw caught;
    }
    throw new Error('no error thrown');
  };
  // A save cut short, a hand edit that broke the text, a text that is not a list of settings.
  const cutShort = refusal(JSON.stringify({ language: 'fr', boundaries: '30, 60, 90' }).slice(0, 25));
  const handEdited = refusal('{"language": "fr", boundaries: "30, 60"}');
  const notAList = refusal('[1,2]');
  for (const error of [cutShort, handEdited]) {
    expect(error.localized('fr')).toBe(
      'les paramètres enregistrés dans ce classeur sont endommagés (leur texte est tronqué ou a été modifié à la main, et ne se lit plus) ; réinitialisez-les puis saisissez à nouveau les vôtres',
    );
    expect(error.localized('en')).toBe(
      'the settings saved in this workbook are damaged (their text is cut short or was edited by hand, and can no longer be read); reset them to the defaults and enter yours again',
    );
  }
  expect(notAList.localized('fr')).toContain('(pas une liste de paramètres)');
  // What the JavaScript engine says (« Unexpected token », « JSON », « position ») is not the user’s language.
  for (const error of [cutShort, handEdited, notAList])
    for (const language of ['en', 'fr'] as const)
      expect(error.localized(language)).not.toMatch(/JSON|Unexpected|position|token|Expected|property name/);
});

test('a key named like an object property is a setting like any other', () => {
  expect(parseStoredSettings('{"constructor":"x","language":"fr"}').constructor).toBe('x');
});

test('one rule for the language of a locale tag', () => {
  expect(['fr', 'fr-FR', 'fr_CA', 'FR-be', ' fr '].map(languageOfTag)).toEqual(['fr', 'fr', 'fr', 'fr', 'fr']);
  expect(['en-US', 'de_DE', '', null, undefined].map(languageOfTag)).toEqual(['en', 'en', 'en', 'en', 'en']);
});
