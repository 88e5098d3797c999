// A two-digit year (03/11/26) reads the same wherever AgeBucket meets it: the ledger reads it in
// Excel's window (00–29 are 2000–2029, 30–99 are 1930–1999, Microsoft KB 214391), and so do the
// cash-in forecast's sheet of paid invoices and the dunning log, with the same reader. A row is
// no longer refused there for what the ledger accepts.

import { readDunningLog } from '../../src/dunning/log';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { readPaymentHistory } from '../../src/forecast/paymentHistory';
import type { CellValue } from '../../src/primitives/cells';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';

const AS_OF = parseTextDate('2026-11-30');
const iso = (day: number | null | undefined) => (day === null || day === undefined ? null : formatIsoDate(day));

test('the cash-in forecast’s sheet of paid invoices reads 03/11/26 as 3 November 2026', () => {
  const rows: CellValue[][] = [
    ['Client', 'Échéance', 'Date de règlement'],
    ['Dupont SA', '31/10/26', '03/11/26'],
    ['Dupont SA', '30/09/26', '15/10/26'],
    // 99 is in the 1900s, as Excel reads it: a year past the window is seen, not hidden as future.
    ['Martin SARL', '15/12/99', '28/12/99'],
  ];
  const history = readPaymentHistory(rows, AS_OF, { serialSystem: 'excel1900' });
  expect(history.skipped.map((row) => row.error.message)).toEqual([]);
  expect(history.settled.map((invoice) => [invoice.customer, iso(invoice.dueDay), iso(invoice.paidDay)])).toEqual([
    ['Dupont SA', '2026-10-31', '2026-11-03'],
    ['Dupont SA', '2026-09-30', '2026-10-15'],
    ['Martin SARL', '1999-12-15', '1999-12-28'],
  ]);
});

test('the dunning log reads 03/11/26 as 3 November 2026, its promise dates too', () => {
  const rows: CellValue[][] = [
    ['Date', 'Client', 'Niveau', 'Canal', 'Note', 'Promis pour le'],
    ['03/11/26', 'Dupont SA', 'Première relance', 'Email', '', ''],
    ['13/11/26', 'Dupont SA', 'Deuxième relance', 'Courrier', '', ''],
    ['20/11/26', 'Dupont SA', 'Promesse de paiement', 'Téléphone', '', '04/12/26'],
  ];
  const log = readDunningLog(rows, DEFAULT_POLICY, 'excel1900');
  expect(log.skipped.map((row) => row.error.message)).toEqual([]);
  expect(log.entries.map((entry) => [iso(entry.day), entry.stageText, iso(entry.promiseDay)])).toEqual([
    ['2026-11-03', 'Première relance', null],
    ['2026-11-13', 'Deuxième relance', null],
    ['2026-11-20', 'Promesse de paiement', '2026-12-04'],
  ]);
});
