import { sampleLedgerCells } from '../../scripts/sampleData';
import { detectColumns, missingRoles, readLedger } from '../../src/ledger/ledger';
import { formatIsoDate } from '../../src/primitives/dates';

describe('finding the columns from their headers', () => {
  test('French headers of the sample ledger', () => {
    const mapping = detectColumns(sampleLedgerCells()[0] ?? []);
    expect(mapping).toMatchObject({
      customerCode: 0,
      customer: 1,
      invoiceNumber: 2,
      invoiceDate: 3,
      terms: 4,
      dueDate: 5,
      amount: 6,
      openAmount: 7,
      currency: 8,
    });
    expect(mapping).toMatchObject({
      disputed: 9,
      disputeReason: 10,
      promiseDate: 11,
      owner: 12,
      email: 13,
      phone: 14,
      address: 15,
      language: 16,
    });
  });
  test('English headers, in any case, with punctuation', () => {
    expect(detectColumns(['Customer Name', 'Invoice #', 'Due Date', 'Open amount', 'E-mail', 'Tel.'])).toEqual({
      customer: 0,
      invoiceNumber: 1,
      dueDate: 2,
      openAmount: 3,
      email: 4,
      phone: 5,
    });
  });
  test('the IBM sample headers', () => {
    expect(
      detectColumns([
        'countryCode',
        'customerID',
        'PaperlessDate',
        'invoiceNumber',
        'InvoiceDate',
        'DueDate',
        'InvoiceAmount',
        'Disputed',
      ]),
    ).toMatchObject({
      customerCode: 1,
      invoiceNumber: 3,
      invoiceDate: 4,
      dueDate: 5,
      amount: 6,
      disputed: 7,
    });
  });
  test('what is missing', () => expect(missingRoles({ customer: 0 })).toEqual(['dueDate', 'openAmount']));
});

describe('reading rows', () => {
  const header = ['Client', 'N° facture', 'Date facture', 'Conditions', 'Montant', 'Litige'];
  test('the due date from the invoice date and the terms', () => {
    const ledger = readLedger(
      [header, ['Dupont', 'F1', '15/01/2026', '45 jours fin de mois', '1 200,00', 'non']],
      detectColumns(header),
      {
        serialSystem: 'excel1900',
        defaultCurrency: 'EUR',
      },
    );
    expect(formatIsoDate(ledger.items[0]?.dueDay ?? 0)).toBe('2026-03-31');
    expect(ledger.items[0]?.amount).toBe(1200_00);
  });
  test('unusable rows are listed with the column at fault; blank rows are counted', () => {
    const ledger = readLedger(
      [
        header,
        ['Dupont', 'F1', '15/01/2026', 'bientôt', '10', ''],
        [],
        ['Martin', 'F2', '31/02/2026', '30', '10', ''],
        ['Petit', 'F3', '01/02/2026', '30', 'abc', ''],
      ],
      detectColumns(header),
      { serialSystem: 'excel1900', defaultCurrency: 'EUR' },
    );
    expect(ledger.items).toHaveLength(0);
    expect(ledger.blankRows).toBe(1);
    expect(ledger.rowCount).toBe(4);
    expect(ledger.skipped.map((s) => [s.row, s.error.message])).toEqual([
      [
        2,
        'payment terms: payment terms "bientôt" are not understood: use e.g. "30 days", "45 end of month", "end of month + 45" or "cash"',
      ],
      [4, 'invoice date: "31/02/2026" is not a real date: month 02 of 2026 has 28 days, not 31'],
      [5, 'amount: "abc" is not an amount: use a number such as 1234.56 or 1 234,56 €'],
    ]);
  });
  test('messages in French name the column in French', () => {
    const ledger = readLedger([header, ['Martin', 'F2', '31/02/2026', '30', '10', '']], detectColumns(header), {
      serialSystem: 'excel1900',
      defaultCurrency: 'EUR',
    });
    expect(ledger.skipped[0]?.error.localized('fr')).toBe(
      "date facture : « 31/02/2026 » n'est pas une date réelle : le mois 02 de 2026 a 28 jours, pas 31",
    );
  });
  test('a ledger without the needed columns is refused with what to map', () => {
    expect(() => readLedger([['Client']], { customer: 0 }, { serialSystem: 'excel1900', defaultCurrency: 'EUR' })).toThrow(
      'the ledger needs these columns: due date, open amount (map them in the pane)',
    );
  });
});
