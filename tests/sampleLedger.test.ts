import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSampleLedger, LEDGER_HEADERS, LOG_HEADERS, toCsv } from '../scripts/sampleLedger';

const sample = generateSampleLedger();
const samples = join(__dirname, '..', 'samples');

test('the committed CSV files are what the generator writes (deterministic)', () => {
  expect(readFileSync(join(samples, 'ledger.csv'), 'utf8')).toBe(toCsv(LEDGER_HEADERS, sample.ledger));
  expect(readFileSync(join(samples, 'dunning-log.csv'), 'utf8')).toBe(toCsv(LOG_HEADERS, sample.log));
});

test('a French SME ledger with the mess real ledgers have', () => {
  const { ledger, log } = sample;
  const customers = new Set(ledger.map((r) => r.Client));
  expect(ledger.length).toBeGreaterThanOrEqual(200);
  expect(customers.size).toBe(40);
  expect(new Set(ledger.map((r) => r.Devise))).toEqual(new Set(['EUR', 'USD', 'GBP']));
  expect(ledger.filter((r) => r.Devise === 'EUR').length / ledger.length).toBeGreaterThan(0.7);
  expect(ledger.some((r) => String(r['N° facture']).startsWith('AV-') && Number(r['Reste dû']) < 0)).toBe(true); // credit notes
  expect(ledger.some((r) => String(r['N° facture']).startsWith('RGL-'))).toBe(true); // unapplied payments
  expect(ledger.some((r) => Number(r['Reste dû']) > 0 && Number(r['Reste dû']) < Number(r['Montant TTC']))).toBe(true); // partial payments
  expect(ledger.some((r) => r.Litige === 'Oui' && r['Motif du litige'] !== '')).toBe(true);
  expect(ledger.some((r) => r['Promesse de paiement'] > sample.asOf)).toBe(true); // running promise
  expect(ledger.some((r) => r['Promesse de paiement'] !== '' && r['Promesse de paiement'] < sample.asOf)).toBe(true); // broken one
  expect(new Set(ledger.map((r) => r.Responsable)).size).toBeGreaterThanOrEqual(3);
  expect(new Set(ledger.map((r) => r['Conditions de paiement']))).toContain('30 jours fin de mois');
  expect(ledger.every((r) => /@/.test(String(r.Email)) && /^\+\d/.test(String(r.Téléphone)))).toBe(true);
  expect(new Set(ledger.map((r) => r['N° facture'])).size).toBe(ledger.length); // numbers are unique
  const months = new Set(log.map((r) => String(r.Date).slice(0, 7)));
  expect(months.size).toBeGreaterThanOrEqual(3);
  expect(log.every((r) => customers.has(String(r.Client)) && r.Date <= sample.asOf)).toBe(true);
});
