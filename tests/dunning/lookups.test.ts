// The log's lookups (stage names, event names, letters already logged) use tables made once
// instead of comparing every name with every row: they must answer exactly what the plain
// comparisons they replaced answered, checked here against those comparisons, written out.
import fc from 'fast-check';
import { LOG_EVENTS, type LogEntry, logEventOf } from '../../src/dunning/log';
import { alreadyLogged } from '../../src/dunning/logEntries';
import type { LogDraft } from '../../src/dunning/outcomes';
import { DEFAULT_POLICY, type DunningPolicy, type DunningStage, findStage, fold } from '../../src/dunning/policy';

/** The comparisons as they were: every stage's key and names folded for every text. */
function findStageByScan(text: string, stages: readonly DunningStage[]): number {
  const wanted = fold(text);
  return stages.findIndex((s) => fold(s.id) === wanted || fold(s.name.en) === wanted || fold(s.name.fr) === wanted);
}

function logEventByScan(text: string): string | null {
  const wanted = fold(text);
  for (const [event, names] of Object.entries(LOG_EVENTS)) {
    if (fold(names.en) === wanted || fold(names.fr) === wanted) return event;
  }
  const statement = LOG_EVENTS.statement;
  if (wanted.startsWith(fold(statement.en)) || wanted.startsWith(fold(statement.fr))) return 'statement';
  return null;
}

function alreadyLoggedByScan(log: readonly LogEntry[], entries: readonly LogDraft[], policy: DunningPolicy): LogDraft[] {
  const sameStage = (a: string, b: string) => {
    const index = findStageByScan(a, policy.stages);
    return index >= 0 ? index === findStageByScan(b, policy.stages) : fold(a) === fold(b);
  };
  return entries.filter((entry) =>
    log.some(
      (logged) =>
        logged.day === entry.day &&
        fold(logged.customer) === fold(entry.customer) &&
        (logged.currency === null || logged.currency === entry.currency) &&
        sameStage(logged.stageText, entry.stageText),
    ),
  );
}

// Names as users type them into the sheet: other case, accents dropped, spaces around and doubled.
const variant = (name: string) =>
  fc.constantFrom(
    name,
    name.toUpperCase(),
    name.toLowerCase(),
    name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
    `  ${name.replace(/ /g, '  ')} `,
  );
const stageNames = DEFAULT_POLICY.stages.flatMap((s) => [s.id, s.name.en, s.name.fr]);
const eventNames = Object.values(LOG_EVENTS).flatMap((n) => [n.en, n.fr]);
const anyName = fc.oneof(
  fc.constantFrom(...stageNames, ...eventNames).chain(variant),
  fc.constantFrom('Relevé de compte au 28 novembre 2025', 'STATEMENT OF ACCOUNT as of 1 May', 'Relance', ''),
  fc.string({ maxLength: 12 }),
);

test('findStage finds the stage a scan of every name finds, the first one when two stages share a name', () => {
  // A policy whose third stage reuses the second's French name and whose fourth has the first's key.
  const stages = DEFAULT_POLICY.stages.map((stage, index) =>
    index === 2
      ? { ...stage, name: { ...stage.name, fr: DEFAULT_POLICY.stages[1]?.name.fr ?? '' } }
      : index === 3
        ? { ...stage, id: DEFAULT_POLICY.stages[0]?.id ?? '' }
        : stage,
  );
  fc.assert(
    fc.property(anyName, (text) => {
      expect(findStage(text, DEFAULT_POLICY.stages)).toBe(findStageByScan(text, DEFAULT_POLICY.stages));
      expect(findStage(text, stages)).toBe(findStageByScan(text, stages));
    }),
    { numRuns: 2000 },
  );
  // Stages 1 and 2 are both "Première relance", stages 0 and 3 both have the courtesy key: the first wins.
  expect(findStage('premiere relance', stages)).toBe(1);
  expect(findStage(DEFAULT_POLICY.stages[0]?.id ?? '', stages)).toBe(0);
});

test('logEventOf names the event a scan of every name names, statements logged under their subject included', () => {
  fc.assert(
    fc.property(anyName, (text) => {
      expect(logEventOf(text)).toBe(logEventByScan(text));
    }),
    { numRuns: 2000 },
  );
  expect(logEventOf('  relevé DE compte au 28 novembre 2025')).toBe('statement');
});

test('alreadyLogged keeps the entries a comparison with every log row keeps', () => {
  const customers = fc.constantFrom('Dupont SA', 'DUPONT SA', ' dupont  sa', 'Élec Gauthier', 'elec gauthier', 'Martin');
  const day = fc.integer({ min: 20_000, max: 20_003 });
  const currency = fc.constantFrom('EUR', 'GBP');
  const stageText = fc.oneof(fc.constantFrom(...stageNames).chain(variant), fc.constantFrom('Appel', 'appel ', 'Note'));
  const logEntry = fc.record({
    day,
    customer: customers,
    currency: fc.option(currency, { nil: null }),
    stageText,
  });
  const draft = fc.record({ day, customer: customers, currency, stageText });
  fc.assert(
    fc.property(fc.array(logEntry, { maxLength: 30 }), fc.array(draft, { maxLength: 30 }), (rows, drafts) => {
      const log = rows.map(
        (row, index): LogEntry => ({
          ...row,
          stageIndex: findStageByScan(row.stageText, DEFAULT_POLICY.stages),
          channel: '',
          amount: null,
          invoices: [],
          owner: '',
          note: '',
          row: index + 2,
        }),
      );
      const entries = drafts.map(
        (d): LogDraft => ({ ...d, channel: '', amount: 0, invoices: [], owner: '', note: '' }) as LogDraft,
      );
      expect(alreadyLogged(log, entries, DEFAULT_POLICY)).toEqual(alreadyLoggedByScan(log, entries, DEFAULT_POLICY));
    }),
    { numRuns: 1000 },
  );
});
