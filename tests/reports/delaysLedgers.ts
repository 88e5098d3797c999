// The ledgers of the payment-delays tests, as a French accounting export writes them: one row
// per edge of the model's brackets (0, 1, 30, 31, 60, 61, 90 and 91 days past due at the
// closing date), a disputed invoice, one disputed in the dunning log, a partly paid invoice, a
// credit note that names its invoice and one that names none, a dollar invoice and an invoice
// dated after the closing date. The expected table is worked out by hand in the tests.

import { dayFromCalendar, formatIsoDate } from '../../src/primitives/dates';

export const CLOSING = '2025-12-31';
export const closingDay = dayFromCalendar(2025, 12, 31);
export const iso = (day: number) => formatIsoDate(day);
const pastDue = (days: number) => iso(closingDay - days);

export const CUSTOMER_HEADER = [
  'Client',
  'N° facture',
  'Date facture',
  'Échéance',
  'Montant TTC',
  'Reste dû',
  'Devise',
  'Litige',
  'Avoir sur facture',
];

/** [customer, number, invoice date, due date, amount, open amount, currency, disputed, settles] */
export const CUSTOMER_ROWS: string[][] = [
  ['Alpha SA', 'F-0', pastDue(30), pastDue(0), '100.00', '100.00', 'EUR', 'Non', ''],
  ['Alpha SA', 'F-1', pastDue(31), pastDue(1), '110.00', '110.00', 'EUR', 'Non', ''],
  ['Bravo SARL', 'F-30', pastDue(60), pastDue(30), '130.00', '130.00', 'EUR', 'Non', ''],
  ['Bravo SARL', 'F-31', pastDue(61), pastDue(31), '131.00', '131.00', 'EUR', 'Non', ''],
  ['Charlie SAS', 'F-60', pastDue(90), pastDue(60), '160.00', '160.00', 'EUR', 'Non', ''],
  ['Charlie SAS', 'F-61', pastDue(91), pastDue(61), '161.00', '161.00', 'EUR', 'Non', ''],
  ['Delta', 'F-90', pastDue(120), pastDue(90), '190.00', '190.00', 'EUR', 'Non', ''],
  ['Delta', 'F-91', pastDue(121), pastDue(91), '191.00', '191.00', 'EUR', 'Non', ''],
  ['Echo', 'F-NOTDUE', pastDue(20), pastDue(-10), '50.00', '50.00', 'EUR', 'Non', ''],
  ['Echo', 'F-LIT', pastDue(70), pastDue(40), '999.99', '999.99', 'EUR', 'Oui', ''],
  ['Foxtrot', 'F-PART', pastDue(75), pastDue(45), '1000.00', '400.00', 'EUR', 'Non', ''],
  ['Alpha SA', 'AV-1', pastDue(5), pastDue(5), '-20.25', '-20.25', 'EUR', 'Non', 'F-1'],
  ['Golf', 'AV-2', pastDue(8), pastDue(8), '-15.00', '-15.00', 'EUR', 'Non', ''],
  ['Hotel', 'F-LOG', pastDue(130), pastDue(100), '300.00', '300.00', 'EUR', 'Non', ''],
  ['India Inc', 'F-USD', pastDue(50), pastDue(20), '500.00', '500.00', 'USD', 'Non', ''],
  ['Juliet', 'F-AFTER', '2026-01-05', '2026-02-04', '70.00', '70.00', 'EUR', 'Non', ''],
];

/** The dunning log: a dispute on F-LOG taken down on the phone before the closing date. */
export const LOG_ROWS: string[][] = [
  ['Date', 'Client', 'Niveau', 'Canal', 'Montant échu', 'Devise', 'Factures', 'Responsable', 'Note'],
  [pastDue(20), 'Hotel', 'Litige', 'Téléphone', '300.00', 'EUR', 'F-LOG', 'Marie', 'Marchandise abîmée'],
];

/** A supplier ledger with a title and a blank row above its header, as exports often have. */
export const SUPPLIER_ROWS: string[][] = [
  ['Grand livre fournisseurs au 31/12/2025'],
  [],
  ['Fournisseur', 'N° facture', 'Date facture', 'Échéance', 'Montant', 'Reste dû', 'Litige'],
  ['Papeterie Martin', 'A-100', pastDue(35), pastDue(5), '1200.00', '1200.00', 'Non'],
  ['Transports Leroy', 'A-200', pastDue(125), pastDue(95), '800.00', '800.00', 'Non'],
  ['Énergie Plus', 'A-300', pastDue(10), pastDue(-20), '300.00', '300.00', 'Non'],
];

export function csv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','))
    .join('\n');
}
