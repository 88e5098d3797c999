import { dueDateFromTerms, parsePaymentTerms } from '../../src/ledger/terms';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';

const due = (invoiceDate: string, terms: string | number) =>
  formatIsoDate(dueDateFromTerms(parseTextDate(invoiceDate), parsePaymentTerms(terms)));

describe('net terms: invoice date + N', () => {
  test.each(['30', '30 days', '30 net', 'net 30', 'Net 30', '30 jours', '30j', ' 30  JOURS '])('"%s"', (terms) => {
    expect(due('2026-01-15', terms)).toBe('2026-02-14');
  });
  test('a number cell', () => expect(due('2026-01-15', 30)).toBe('2026-02-14'));
});

describe('N then end of month', () => {
  test.each(['45 EOM', '45 end of month', '45 jours fin de mois', '45 fin de mois', '45 j fdm'])('"%s"', (terms) => {
    // 15 Jan + 45 = 1 Mar, then the month end
    expect(due('2026-01-15', terms)).toBe('2026-03-31');
  });
  test('30 jours fin de mois from 31 January lands on the end of March (2 March + month end)', () => {
    expect(due('2026-01-31', '30 jours fin de mois')).toBe('2026-03-31');
  });
});

describe('end of month then N', () => {
  test.each(['EOM 45', 'end of month + 45', 'fin de mois + 45', 'fin de mois 45', 'Fin de mois +45 jours'])('"%s"', (terms) => {
    // end of January, then + 45 days
    expect(due('2026-01-15', terms)).toBe('2026-03-17');
  });
  test('leap year: end of February 2024 + 30', () => expect(due('2024-02-10', 'fin de mois + 30')).toBe('2024-03-30'));
});

describe('immediate', () => {
  test.each(['0', 'comptant', 'Cash', 'immediate', 'due on receipt', 'à réception', 'A réception'])(
    '"%s" is the invoice date',
    (terms) => {
      expect(due('2026-01-15', terms)).toBe('2026-01-15');
    },
  );
});

describe('errors quote the text', () => {
  test.each(['2/10 net 30', 'soon', '30 jours le 10', '-5'])('"%s"', (terms) => {
    expect(() => parsePaymentTerms(terms)).toThrow(`payment terms "${terms}" are not understood`);
  });
  test('absurd lengths', () => expect(() => parsePaymentTerms('3000 days')).toThrow('exceed 720 days'));
});
