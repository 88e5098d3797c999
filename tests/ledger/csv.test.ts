import { parseCsv } from '../../src/ledger/csv';

test('quoted fields with commas, line breaks and doubled quotes; CRLF', () => {
  expect(parseCsv('a,b\r\n"1, rue ""X""","line\nbreak"\r\n')).toEqual([
    ['a', 'b'],
    ['1, rue "X"', 'line\nbreak'],
  ]);
});
test('semicolons, as a French Excel saves CSV, and a byte-order mark', () => {
  expect(parseCsv('\uFEFFClient;Montant\nDupont;1 234,56\n')).toEqual([
    ['Client', 'Montant'],
    ['Dupont', '1 234,56'],
  ]);
});
