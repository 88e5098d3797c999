// A file whose columns do not make a ledger is refused before any sheet is made, and the
// message says what the file has and what to rename in it: no "map them in the pane" when there
// is no sheet to map. A running balance (Solde) is named and not taken as the open amount.
import { importLedgerFile } from '../../src/ledger/import';
import { dayFromCalendar } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';

// A Cegid échéancier exported with its running balance and no amount: the shape of the file
// the newcomer imported.
const CEGID_SOLDE = [
  'CEGID - Échéancier clients;;;;;',
  'Arrêté au 30/11/2026;;;;;',
  ';;;;;',
  'Compte;Raison sociale;N° pièce;Date pièce;Date échéance;Solde',
  'C00012;Hôtel du Lac;F-2026-0911;10/09/2026;10/10/2026;12.345,67',
  'C00012;Hôtel du Lac;F-2026-1002;02/10/2026;01/11/2026;13.345,67',
  'C00047;Garage Lefèvre;F-2026-0950;15/09/2026;15/10/2026;789,10',
].join('\r\n');

async function refusal(text: string, language: 'en' | 'fr'): Promise<AgeBucketError> {
  try {
    await importLedgerFile(new TextEncoder().encode(text), {
      fileName: 'cegid-solde.csv',
      language,
      asOf: dayFromCalendar(2026, 11, 30),
      defaultCurrency: 'EUR',
      partialMatch: 'lowerCaseOrStar',
      locale: 'fr-FR',
    });
  } catch (caught) {
    if (caught instanceof AgeBucketError) return caught;
    throw caught;
  }
  throw new Error('the file was imported');
}

test('no open-amount column: the columns found, the running balance named and not taken, what to rename', async () => {
  const error = await refusal(CEGID_SOLDE, 'fr');
  expect(error.localized('fr')).toBe(
    'rien n’a été importé : « cegid-solde.csv » n’a pas de colonne reste dû (en-tête à la ligne 4 ; colonnes trouvées : « Compte », « Raison sociale », « N° pièce », « Date pièce », « Date échéance », « Solde »). La colonne « Solde » se lit comme un solde progressif (chaque ligne cumule celles du dessus), qui compterait de nouveau les factures réglées : elle n’est donc pas prise comme reste dû. Si elle est bien ce que chaque facture doit encore, renommez-la « Reste dû ». Nommez ces colonnes dans le fichier comme AgeBucket les lit (« Reste dû », ou « Débit » et « Crédit »), puis importez-le de nouveau',
  );
  expect(error.localized('en')).toBe(
    'nothing was imported: "cegid-solde.csv" has no column for open amount (header on line 4; columns found: "Compte", "Raison sociale", "N° pièce", "Date pièce", "Date échéance", "Solde"). The column "Solde" reads as a running balance (each line adds the ones above it), which would count paid invoices again, so it is not taken as the open amount. If it is in fact what each invoice still owes, rename it "Open amount". Name those columns in the file as AgeBucket reads them ("Open amount", or "Debit" and "Credit"), then import it again',
  );
  expect(error.localized('fr')).not.toMatch(/associez|volet/);
});

test('the same file with the column renamed "Reste dû", as the message says, is imported', async () => {
  const renamed = CEGID_SOLDE.replace(';Solde', ';Reste dû');
  const result = await importLedgerFile(new TextEncoder().encode(renamed), {
    fileName: 'cegid-solde.csv',
    language: 'fr',
    asOf: dayFromCalendar(2026, 11, 30),
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale: 'fr-FR',
  });
  // By hand: 12 345,67 + 13 345,67 + 789,10 = 26 480,44.
  expect(result.report.totals).toEqual([{ currency: 'EUR', minor: 26_480_44 }]);
});

test('no customer and no amount column: both named, no running-balance sentence', async () => {
  const error = await refusal('Date pièce;Date échéance;Libellé\r\n10/09/2026;10/10/2026;Facture\r\n', 'en');
  expect(error.localized('en')).toMatch(/^nothing was imported: "cegid-solde.csv" has no column for customer, open amount \(/);
  expect(error.localized('en')).not.toMatch(/running balance/);
});
