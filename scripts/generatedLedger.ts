// What every generated ledger is made of (the sample, the large ledgers of the pane's benchmark
// and of the tests at scale, the benchmark's rows): one seeded random generator, calendar days
// in UTC, the French payment terms, the stages a dunning log records, CSV fields. Each
// generator draws from these in its own order, so the same seed keeps giving the same rows.

/** mulberry32: tiny, fast and the same on every machine. A number in [0, 1) per call. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The draws a ledger generator makes, all from one seeded sequence. */
export interface Draws {
  readonly rand: () => number;
  /** One of `items`, each as likely. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** A whole number from `low` to `high`, both included. */
  readonly between: (low: number, high: number) => number;
}

export function draws(seed: number): Draws {
  const rand = seededRandom(seed);
  return {
    rand,
    pick: <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T,
    between: (low: number, high: number): number => low + Math.floor(rand() * (high - low + 1)),
  };
}

// Days since 1970-01-01 in UTC: a generator runs in Node, where a Date in UTC has no zone hazard.
const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const endOfMonth = (day: number): number => {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / DAY_MS;
};

export type Terms = readonly [text: string, dueDay: (invoiceDay: number) => number];

/** Payment terms as French invoices write them, with the due date each gives (DESIGN §2). */
export const FRENCH_TERMS: readonly Terms[] = [
  ['30 jours', (d) => d + 30],
  ['30 jours fin de mois', (d) => endOfMonth(d + 30)],
  ['45 jours fin de mois', (d) => endOfMonth(d + 45)],
  ['60 jours', (d) => d + 60],
  ['fin de mois + 45', (d) => endOfMonth(d) + 45],
  ['comptant', (d) => d],
];

export const DISPUTE_REASONS = [
  'Livraison incomplète',
  'Prix non conforme au devis',
  'Marchandise endommagée',
  'Facture en double selon le client',
] as const;

/** A French landline number. */
export const frenchPhone = ({ between }: Draws): string =>
  `+33 ${between(1, 5)} ${between(10, 99)} ${between(10, 99)} ${between(10, 99)} ${between(10, 99)}`;

// Stages as the log records them, in French: the run reads either language back.
export const LOG_STAGES = [
  { from: 10, name: 'Première relance', channel: 'Email' },
  { from: 20, name: 'Deuxième relance', channel: 'Courrier + appel' },
  { from: 30, name: 'Dernière relance', channel: 'Lettre recommandée' },
  { from: 45, name: 'Mise en demeure', channel: 'LRAR' },
] as const;
export type LogStage = (typeof LOG_STAGES)[number];

/**
 * The stages sent to an account as its oldest overdue invoice (due on `oldestDue`) aged: usually
 * on time, sometimes a few days late, at least 10 days apart, now and then stopped early; none
 * in the last 3 days before `asOf`, so that some accounts are due for their next stage. `sent`
 * is called for each, in order (it may draw too: the draws stay in one sequence).
 */
export function sendStages(
  oldestDue: number,
  asOf: number,
  { rand, between }: Draws,
  sent: (stage: LogStage, sentOn: number) => void,
): void {
  let lastSent = Number.NEGATIVE_INFINITY;
  for (const stage of LOG_STAGES) {
    const sentOn = oldestDue + stage.from + between(0, 6);
    if (sentOn > asOf - 3 || sentOn < lastSent + 10 || rand() < 0.15) break;
    lastSent = sentOn;
    sent(stage, sentOn);
  }
}

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
