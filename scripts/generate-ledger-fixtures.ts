// Writes the ledger files the import tests read (tests/ledger/fixtures/): exports shaped like
// those of French and American accounting software, with their encodings, title lines, totals
// rows, matching codes and date orders, and a FEC. Each is small enough for the tests to hold
// an independent hand sum of its open items. Run: npx tsx scripts/generate-ledger-fixtures.ts

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const DIR = join(__dirname, '..', 'tests', 'ledger', 'fixtures');

/** Windows-1252 bytes of a text holding only Latin-1 characters and the euro sign. */
export function windows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20ac) bytes[i] = 0x80;
    else if (code === 0x2019) bytes[i] = 0x92;
    else if (code < 256) bytes[i] = code;
    else throw new Error(`not in Windows-1252: ${text[i]}`);
  }
  return bytes;
}

const FEC_HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';

/** One FEC line: journal, entry, date, account, label, aux, aux label, piece, debit, credit, lettrage, date lettrage, foreign amount, currency. */
function fecLine(
  journal: string,
  entry: number,
  date: string,
  account: string,
  accountLabel: string,
  aux: string,
  auxLabel: string,
  piece: string,
  label: string,
  debit: string,
  credit: string,
  letter = '',
  letterDate = '',
  foreign = '',
  currency = '',
): string {
  const journalLabel = { VT: 'Ventes', BQ: 'Banque', AC: 'Achats' }[journal] ?? journal;
  return [
    journal,
    journalLabel,
    String(entry),
    date,
    account,
    accountLabel,
    aux,
    auxLabel,
    piece,
    date,
    label,
    debit,
    credit,
    letter,
    letterDate,
    date,
    foreign,
    currency,
  ].join('\t');
}

export const FEC_LINES: string[] = [
  FEC_HEADER,
  // FA-101, paid on 10/11 (matched AA): closed.
  fecLine(
    'VT',
    1,
    '20261015',
    '411000',
    'Clients',
    'CDUPONT',
    'Dupont SA',
    'FA-101',
    'Facture FA-101',
    '1200,00',
    '0,00',
    'AA',
    '20261110',
  ),
  fecLine('VT', 1, '20261015', '706000', 'Prestations de services', '', '', 'FA-101', 'Facture FA-101', '0,00', '1000,00'),
  fecLine('VT', 1, '20261015', '445710', 'TVA collectée', '', '', 'FA-101', 'Facture FA-101', '0,00', '200,00'),
  fecLine('BQ', 2, '20261110', '512000', 'Banque', '', '', 'VIR-881', 'Virement Dupont', '1200,00', '0,00'),
  fecLine(
    'BQ',
    2,
    '20261110',
    '411000',
    'Clients',
    'CDUPONT',
    'Dupont SA',
    'VIR-881',
    'Virement Dupont',
    '0,00',
    '1200,00',
    'AA',
    '20261110',
  ),
  // FA-102, partly paid (lower-case ab): both lines open.
  fecLine(
    'VT',
    3,
    '20261105',
    '411000',
    'Clients',
    'CDUPONT',
    'Dupont SA',
    'FA-102',
    'Facture FA-102',
    '2400,00',
    '0,00',
    'ab',
    '20261125',
  ),
  fecLine('VT', 3, '20261105', '706000', 'Prestations de services', '', '', 'FA-102', 'Facture FA-102', '0,00', '2000,00'),
  fecLine('VT', 3, '20261105', '445710', 'TVA collectée', '', '', 'FA-102', 'Facture FA-102', '0,00', '400,00'),
  fecLine('BQ', 4, '20261125', '512000', 'Banque', '', '', 'VIR-902', 'Acompte Dupont', '1000,00', '0,00'),
  fecLine(
    'BQ',
    4,
    '20261125',
    '411000',
    'Clients',
    'CDUPONT',
    'Dupont SA',
    'VIR-902',
    'Acompte Dupont',
    '0,00',
    '1000,00',
    'ab',
    '20261125',
  ),
  // FA-103, open.
  fecLine('VT', 5, '20261120', '411000', 'Clients', 'CMARTIN', 'Martin & Fils', 'FA-103', 'Facture FA-103', '600,00', '0,00'),
  fecLine('VT', 5, '20261120', '706000', 'Prestations de services', '', '', 'FA-103', 'Facture FA-103', '0,00', '500,00'),
  fecLine('VT', 5, '20261120', '445710', 'TVA collectée', '', '', 'FA-103', 'Facture FA-103', '0,00', '100,00'),
  // FA-104, matched on 05/12, after the as-of date (30/11): still open on 30/11.
  fecLine(
    'VT',
    6,
    '20261020',
    '411000',
    'Clients',
    'CMARTIN',
    'Martin & Fils',
    'FA-104',
    'Facture FA-104',
    '360,00',
    '0,00',
    'AC',
    '20261205',
  ),
  fecLine('VT', 6, '20261020', '706000', 'Prestations de services', '', '', 'FA-104', 'Facture FA-104', '0,00', '300,00'),
  fecLine('VT', 6, '20261020', '445710', 'TVA collectée', '', '', 'FA-104', 'Facture FA-104', '0,00', '60,00'),
  // Its payment, booked on 05/12: not in the books on 30/11.
  fecLine('BQ', 7, '20261205', '512000', 'Banque', '', '', 'CHQ-55', 'Chèque Martin', '360,00', '0,00'),
  fecLine(
    'BQ',
    7,
    '20261205',
    '411000',
    'Clients',
    'CMARTIN',
    'Martin & Fils',
    'CHQ-55',
    'Chèque Martin',
    '0,00',
    '360,00',
    'AC',
    '20261205',
  ),
  // A credit note, open.
  fecLine('VT', 8, '20261118', '411000', 'Clients', 'CMARTIN', 'Martin & Fils', 'AV-12', 'Avoir AV-12', '0,00', '120,00'),
  fecLine('VT', 8, '20261118', '709000', 'Rabais, remises et ristournes', '', '', 'AV-12', 'Avoir AV-12', '100,00', '0,00'),
  fecLine('VT', 8, '20261118', '445710', 'TVA collectée', '', '', 'AV-12', 'Avoir AV-12', '20,00', '0,00'),
  // An invoice in US dollars: 1,000.00 USD booked as 920.00 EUR.
  fecLine(
    'VT',
    9,
    '20261110',
    '411000',
    'Clients',
    'CSMITH',
    'Smith Ltd',
    'FA-105',
    'Invoice FA-105',
    '920,00',
    '0,00',
    '',
    '',
    '1000,00',
    'USD',
  ),
  fecLine('VT', 9, '20261110', '706000', 'Prestations de services', '', '', 'FA-105', 'Invoice FA-105', '0,00', '920,00'),
  // A supplier invoice, open; an older one, paid (matched A).
  fecLine('AC', 10, '20261101', '606000', 'Achats non stockés', '', '', 'F-S1', 'Fournitures', '500,00', '0,00'),
  fecLine('AC', 10, '20261101', '445660', 'TVA déductible', '', '', 'F-S1', 'Fournitures', '100,00', '0,00'),
  fecLine('AC', 10, '20261101', '401000', 'Fournisseurs', 'FBUREAU', 'Bureau Vallée', 'F-S1', 'Fournitures', '0,00', '600,00'),
  fecLine('AC', 11, '20261001', '606000', 'Achats non stockés', '', '', 'F-S0', 'Fournitures', '200,00', '0,00'),
  fecLine('AC', 11, '20261001', '445660', 'TVA déductible', '', '', 'F-S0', 'Fournitures', '40,00', '0,00'),
  fecLine(
    'AC',
    11,
    '20261001',
    '401000',
    'Fournisseurs',
    'FBUREAU',
    'Bureau Vallée',
    'F-S0',
    'Fournitures',
    '0,00',
    '240,00',
    'A',
    '20261031',
  ),
  fecLine('BQ', 12, '20261031', '512000', 'Banque', '', '', 'VIR-S0', 'Règlement Bureau Vallée', '0,00', '240,00'),
  fecLine(
    'BQ',
    12,
    '20261031',
    '401000',
    'Fournisseurs',
    'FBUREAU',
    'Bureau Vallée',
    'VIR-S0',
    'Règlement Bureau Vallée',
    '240,00',
    '0,00',
    'A',
    '20261031',
  ),
  // Booked after the as-of date.
  fecLine('VT', 13, '20261201', '411000', 'Clients', 'CDUPONT', 'Dupont SA', 'FA-106', 'Facture FA-106', '480,00', '0,00'),
  fecLine('VT', 13, '20261201', '706000', 'Prestations de services', '', '', 'FA-106', 'Facture FA-106', '0,00', '400,00'),
  fecLine('VT', 13, '20261201', '445710', 'TVA collectée', '', '', 'FA-106', 'Facture FA-106', '0,00', '80,00'),
  // A customer account of its own, with no auxiliary account.
  fecLine('VT', 14, '20261125', '411ACME', 'ACME SARL', '', '', 'FA-107', 'Facture FA-107', '1500,00', '0,00'),
  fecLine('VT', 14, '20261125', '706000', 'Prestations de services', '', '', 'FA-107', 'Facture FA-107', '0,00', '1250,00'),
  fecLine('VT', 14, '20261125', '445710', 'TVA collectée', '', '', 'FA-107', 'Facture FA-107', '0,00', '250,00'),
];

// Sage-like: a customer ledger with debit, credit, a running balance and matching codes, under
// three title lines; a subtotal per account and a grand total. Windows-1252, CRLF.
const SAGE = [
  'Grand livre des comptes clients;;;;;;;;;',
  'Société Exemple SAS;;;;;;;;;',
  'Période du 01/10/2026 au 30/11/2026;;;;;;;;;',
  ';;;;;;;;;',
  'Compte;Nom;Date;Pièce;Libellé;Échéance;Débit;Crédit;Solde;Lettrage',
  '411BOUL;Boulangerie Hénaff;05/10/2026;FA2610-01;Facture;04/11/2026;1 250,00;;1 250,00;AB',
  '411BOUL;Boulangerie Hénaff;04/11/2026;RG-881;Règlement;04/11/2026;;1 250,00;0,00;AB',
  '411BOUL;Boulangerie Hénaff;12/10/2026;FA2610-07;Facture;11/11/2026;3 480,50;;3 480,50;',
  '411BOUL;Boulangerie Hénaff;20/11/2026;AV2611-02;Avoir;20/11/2026;;480,50;3 000,00;',
  'Total 411BOUL;;;;;;4 730,50;1 730,50;3 000,00;',
  ';;;;;;;;;',
  '411CAFE;Café de l’Étoile;02/11/2026;FA2611-03;Facture;02/12/2026;2\u00a0345,67;;2\u00a0345,67;',
  '411CAFE;Café de l’Étoile;13/10/2026;FA2610-11;Facture;12/11/2026;900,00;;3\u00a0245,67;cd',
  '411CAFE;Café de l’Étoile;20/11/2026;RG-902;Règlement partiel;20/11/2026;;400,00;2\u00a0845,67;cd',
  '411CAFE;Café de l’Étoile;15/09/2026;FA2609-04;Facture;15/10/2026;75,20;;2\u00a0920,87;EF',
  '411CAFE;Café de l’Étoile;15/10/2026;RG-870;Règlement;15/10/2026;;75,20;2\u00a0845,67;EF',
  'Total 411CAFE;;;;;;3\u00a0320,87;475,20;2\u00a0845,67;',
  ';;;;;;;;;',
  'Total général;;;;;;8\u00a0051,37;2\u00a0205,70;5\u00a0845,67;',
].join('\r\n');

// Cegid-like: an amount with a D/C direction, grouping dots in thousands, `*` partial codes.
const CEGID = [
  'CEGID - Échéancier clients;;;;;;;;',
  'Arrêté au 30/11/2026;;;;;;;;',
  ';;;;;;;;',
  'Compte;Raison sociale;N° pièce;Date pièce;Date échéance;Montant;Sens;Let.;Cumul',
  'C00012;Hôtel du Lac;F-2026-0911;10/09/2026;10/10/2026;12.345,67;D;;12.345,67',
  'C00012;Hôtel du Lac;F-2026-1002;02/10/2026;01/11/2026;1.000,00;D;BX;13.345,67',
  'C00012;Hôtel du Lac;R-2026-1101;01/11/2026;01/11/2026;1.000,00;C;BX;12.345,67',
  'C00012;Hôtel du Lac;F-2026-1015;15/10/2026;14/11/2026;2.500,00;D;BY*;14.845,67',
  'C00012;Hôtel du Lac;R-2026-1120;20/11/2026;20/11/2026;1.500,00;C;BY*;13.345,67',
  'Sous-total C00012;;;;;16.845,67;;;13.345,67',
  'C00047;Garage Lefèvre;F-2026-1103;03/11/2026;03/12/2026;789,10;D;;789,10',
  'C00047;Garage Lefèvre;A-2026-0007;25/11/2026;25/11/2026;89,10;C;;700,00',
  'Sous-total C00047;;;;;700,00;;;700,00',
  ';;;;;;;;',
  'Total général;;;;;14.045,67;;;14.045,67',
].join('\r\n');

// QuickBooks-like "A/R Aging Detail" exported to CSV: English, month-first dates, a blank
// first column, section headings and "Total for …" rows.
const QUICKBOOKS = [
  'Exemple Inc.',
  'A/R Aging Detail',
  'As of November 30, 2026',
  '',
  ',Date,Transaction Type,Num,Customer,Due Date,Past Due,Amount,Open Balance',
  'Current',
  ',11/15/2026,Invoice,1045,Acme Corp,12/15/2026,-15,"1,250.00","1,250.00"',
  ',11/20/2026,Invoice,1046,"Baker, Smith & Co",12/20/2026,-20,"2,000.00","1,500.00"',
  'Total for Current,,,,,,,"3,250.00","2,750.00"',
  '1 - 30 days past due',
  ',10/20/2026,Invoice,1031,Acme Corp,11/19/2026,11,800.00,800.00',
  ',11/05/2026,Credit Memo,CM-7,Acme Corp,11/05/2026,25,-150.00,-150.00',
  'Total for 1 - 30 days past due,,,,,,,650.00,650.00',
  '31 - 60 days past due',
  ',09/25/2026,Invoice,1020,Cole & Partners,10/25/2026,36,"4,321.09","4,321.09"',
  'Total for 31 - 60 days past due,,,,,,,"4,321.09","4,321.09"',
  '',
  'TOTAL,,,,,,,"8,221.09","7,721.09"',
  '',
  '"Monday, Nov 30, 2026 09:12 AM GMT-05:00"',
].join('\r\n');

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Balance');
  sheet.mergeCells('A1:G1');
  sheet.getCell('A1').value = 'Balance âgée clients au 30/11/2026';
  sheet.mergeCells('A2:G2');
  sheet.getCell('A2').value = 'Société Exemple SAS';
  sheet.addRow([]);
  sheet.getRow(4).values = ['Client', 'N° facture', 'Date facture', 'Échéance', 'Montant TTC', 'Reste dû', 'Litige'];
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  const rows: Array<[string, string, Date, Date, number, number, string]> = [
    ['Pharmacie Centrale', 'FA-2026-301', day(2026, 9, 1), day(2026, 10, 1), 1840.5, 1840.5, 'Non'],
    ['Pharmacie Centrale', 'FA-2026-355', day(2026, 10, 12), day(2026, 11, 11), 960, 460, 'Non'],
    ['Librairie Vauban', 'FA-2026-360', day(2026, 10, 20), day(2026, 11, 19), 2400, 2400, 'Oui'],
    ['Librairie Vauban', 'AV-2026-014', day(2026, 11, 2), day(2026, 11, 2), -240, -240, 'Non'],
  ];
  rows.forEach((row, index) => {
    sheet.getRow(5 + index).values = row;
  });
  sheet.getRow(9).values = [
    'Total',
    null,
    null,
    null,
    { formula: 'SUM(E5:E8)', result: 4960.5 },
    { formula: 'SUM(F5:F8)', result: 4460.5 },
  ];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  writeFileSync(join(DIR, 'fec.txt'), `${FEC_LINES.join('\r\n')}\r\n`, 'utf8');
  writeFileSync(join(DIR, 'sage-grand-livre.csv'), windows1252(`${SAGE}\r\n`));
  writeFileSync(join(DIR, 'cegid-echeancier.csv'), windows1252(`${CEGID}\r\n`));
  writeFileSync(join(DIR, 'quickbooks-ar-aging.csv'), `\ufeff${QUICKBOOKS}\r\n`, 'utf8');
  writeFileSync(join(DIR, 'balance-titled.xlsx'), await xlsx());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
