// Payment history from a FEC: the test fixture shaped like an accounting export, and a FEC
// written here whose matching date differs from the payment's date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fecPaymentHistory } from '../../src/forecast/fecHistory';
import { readFec } from '../../src/ledger/fec';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';

const FIXTURE = readFileSync(join(__dirname, '..', 'ledger', 'fixtures', 'fec.txt'), 'utf8');
const asIso = (history: ReturnType<typeof fecPaymentHistory>) =>
  history.map((h) => ({ customer: h.customer, due: formatIsoDate(h.dueDay), paid: formatIsoDate(h.paidDay) }));

test('as of 30 November 2026: FA-101 paid by transfer on 10 November; the partly matched and the later match are not history', () => {
  const fec = readFec(FIXTURE, { asOf: parseTextDate('2026-11-30'), partialMatch: 'lowerCaseOrStar' });
  // Invoice of 15 October at 30 days: due 14 November, paid 4 days early.
  expect(asIso(fecPaymentHistory(fec, '30 jours'))).toEqual([{ customer: 'Dupont SA', due: '2026-11-14', paid: '2026-11-10' }]);
});

test('as of 31 December 2026 the cheque of 5 December settles FA-104, due 19 November', () => {
  const fec = readFec(FIXTURE, { asOf: parseTextDate('2026-12-31'), partialMatch: 'lowerCaseOrStar' });
  expect(asIso(fecPaymentHistory(fec, '30 jours'))).toEqual([
    { customer: 'Dupont SA', due: '2026-11-14', paid: '2026-11-10' },
    { customer: 'Martin & Fils', due: '2026-11-19', paid: '2026-12-05' },
  ]);
});

test('paid on the day of the payment line, not the day the lines were matched; due dates from the terms', () => {
  const header =
    'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';
  const lines = [
    'VT|Ventes|1|20260901|411000|Clients|CLEROY|Leroy SAS|FA-1|20260901|Facture|100,00|0,00|AB|20261020|20260901||',
    'VT|Ventes|2|20260915|411000|Clients|CLEROY|Leroy SAS|FA-2|20260915|Facture|50,00|0,00|AB|20261020|20260915||',
    'BQ|Banque|3|20261005|411000|Clients|CLEROY|Leroy SAS|VIR-1|20261005|Virement|0,00|60,00|AB|20261020|20261005||',
    'BQ|Banque|4|20261012|411000|Clients|CLEROY|Leroy SAS|VIR-2|20261012|Virement|0,00|90,00|AB|20261020|20261012||',
  ];
  const fec = readFec([header, ...lines].join('\n'), { asOf: parseTextDate('2026-11-30'), partialMatch: 'lowerCaseOrStar' });
  // Both invoices were fully paid by the second transfer, on 12 October.
  expect(asIso(fecPaymentHistory(fec, '30 jours fin de mois'))).toEqual([
    { customer: 'Leroy SAS', due: '2026-10-31', paid: '2026-10-12' },
    { customer: 'Leroy SAS', due: '2026-10-31', paid: '2026-10-12' },
  ]);
});
