// Large ledgers for the pane's benchmark and its tests at scale: the sample's columns, a French
// SME's mix (credit notes, partial payments, disputes, promises, three currencies, four owners)
// grown to thousands of accounts, with a dunning log of the last months. Deterministic: the same
// arguments give the same rows on every machine.

import { csvField, DISPUTE_REASONS, dayOf, draws, FRENCH_TERMS, frenchPhone, isoOf, sendStages } from './generatedLedger';
import { LEDGER_HEADERS, LOG_HEADERS } from './sampleLedger';

/** Excel's serial of 1970-01-01: the log holds dates as a host does. */
const SERIAL_OF_EPOCH = 25569;

// 20 trades × 50 surnames × 5 legal forms: 5,000 distinct names before a number is needed.
const TRADES = [
  'Boulangerie',
  'Transports',
  'Atelier',
  'Menuiserie',
  'Garage',
  'Hôtel',
  'Pharmacie',
  'Cabinet',
  'Éditions',
  'Librairie',
  'Restaurant',
  'Domaine',
  'Imprimerie',
  'Électricité',
  'Plomberie',
  'Studio',
  'Laboratoires',
  'Bâtiment',
  'Quincaillerie',
  'Fromagerie',
] as const;
const SURNAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
] as const;
const FORMS = ['SARL', 'SAS', 'SA', '& Fils', 'et Cie'] as const;
const CITIES = [
  '69003 Lyon',
  '59000 Lille',
  '34000 Montpellier',
  '33000 Bordeaux',
  '44000 Nantes',
  '75011 Paris',
  '67000 Strasbourg',
  '13005 Marseille',
  '31000 Toulouse',
  '35000 Rennes',
] as const;
const OWNERS = ['Claire Petit', 'Julien Morel', 'Sophie Laurent', 'Karim Benali'] as const;
// The sample's French terms but 'fin de mois + 45', and its first three dispute reasons: the
// rows the pane's benchmark has been measured on since it began.
const TERMS = FRENCH_TERMS.filter(([text]) => text !== 'fin de mois + 45');
const REASONS = DISPUTE_REASONS.slice(0, 3);

export interface LargeLedger {
  /** The ledger as a CSV export (ISO dates, amounts with a decimal point), header first. */
  readonly csv: string;
  /** Rows of the ledger, header excluded. */
  readonly rows: number;
  readonly accounts: number;
  /** The dunning log as a host holds it: dates as Excel serials, header first. */
  readonly log: Array<Array<string | number>>;
}

/** The account's name: distinct for every account number. */
export function accountName(account: number): string {
  const combos = TRADES.length * SURNAMES.length * FORMS.length;
  const trade = TRADES[account % TRADES.length];
  const surname = SURNAMES[Math.floor(account / TRADES.length) % SURNAMES.length];
  const form = FORMS[Math.floor(account / (TRADES.length * SURNAMES.length)) % FORMS.length];
  const name = `${trade} ${surname} ${form}`;
  return account < combos ? name : `${name} ${Math.floor(account / combos) + 1}`;
}

/** The columns of a lean open-items export: customer, invoice, due date, open amount, currency. */
export const LEAN_COLUMNS = ['Client', 'N° facture', 'Échéance', 'Reste dû', 'Devise'] as const;

/**
 * `rows` open items over `accounts` customer accounts (grouped by account, as an ERP exports
 * them), as of `asOf` (ISO). Invoices go back up to 300 days, so every dunning stage occurs.
 * `lean`: only the columns of LEAN_COLUMNS, as a bare open-items export has (a million rows of
 * the sample's 17 columns would be a 190 MB file).
 */
export function largeLedger(
  rows: number,
  accounts: number,
  asOf: string,
  options: { seed?: number; lean?: boolean } = {},
): LargeLedger {
  const seed = options.seed ?? 20251128;
  const keep = options.lean ? LEAN_COLUMNS.map((column) => LEDGER_HEADERS.indexOf(column)) : null;
  const draw = draws(seed);
  const { rand, pick, between } = draw;
  const asOfDay = dayOf(asOf);
  const lines: string[] = [(keep ? [...LEAN_COLUMNS] : LEDGER_HEADERS).join(',')];
  const log: Array<Array<string | number>> = [[...LOG_HEADERS]];
  let invoiceNumber = 1;
  for (let account = 0; account < accounts; account++) {
    // Rows spread evenly: account a holds rows [a·rows/accounts, (a+1)·rows/accounts).
    const count = Math.floor(((account + 1) * rows) / accounts) - Math.floor((account * rows) / accounts);
    const name = accountName(account);
    const currency = account % 20 === 7 ? 'GBP' : account % 20 === 13 ? 'USD' : 'EUR';
    const language = currency === 'EUR' && account % 10 !== 3 ? 'fr' : 'en';
    const [terms, termDays] = pick(TERMS);
    const owner = pick(OWNERS);
    const lateness = rand() ** 1.6;
    const oldestAge = 15 + Math.floor(lateness * 285);
    const promise = rand() < 0.08 ? isoOf(asOfDay + between(2, 20)) : '';
    const common = {
      code: `C${String(account + 1).padStart(5, '0')}`,
      email: `compta@${name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}.fr`,
      phone: frenchPhone(draw),
      address: `${between(1, 120)} rue ${pick(SURNAMES)}, ${pick(CITIES)}`,
    };
    let oldestOverdueDue = Number.POSITIVE_INFINITY;
    const overdueInvoices: Array<{ number: string; due: number; cents: number }> = [];
    for (let i = 0; i < count; i++) {
      const credit = rand() < 0.04;
      const invoiceDay = asOfDay - between(0, oldestAge);
      const dueDay = credit ? invoiceDay : termDays(invoiceDay);
      const amount = Math.round((credit ? -(20 + rand() * 1500) : 80 + rand() ** 2 * 24000) * 100) / 100;
      const open = !credit && rand() < 0.1 ? Math.round(amount * (0.2 + rand() * 0.6) * 100) / 100 : amount;
      const disputed = !credit && rand() < 0.02;
      const number = credit ? `AV-${String(invoiceNumber++).padStart(7, '0')}` : `FA-${String(invoiceNumber++).padStart(7, '0')}`;
      if (!credit && !disputed && dueDay < asOfDay) {
        oldestOverdueDue = Math.min(oldestOverdueDue, dueDay);
        overdueInvoices.push({ number, due: dueDay, cents: Math.round(open * 100) });
      }
      const cells: Array<string | number> = [
        common.code,
        name,
        number,
        isoOf(invoiceDay),
        credit ? 'comptant' : terms,
        isoOf(dueDay),
        amount.toFixed(2),
        open.toFixed(2),
        currency,
        disputed ? 'Oui' : 'Non',
        disputed ? pick(REASONS) : '',
        open > 0 ? promise : '',
        owner,
        common.email,
        common.phone,
        common.address,
        language,
      ];
      lines.push((keep ? keep.map((column) => cells[column] as string | number) : cells).map(csvField).join(','));
    }
    // The log: the stages sent as the oldest invoice aged, for some of the late accounts.
    const overdueDays = asOfDay - oldestOverdueDue;
    if (overdueDays >= 10 && rand() < 0.5) {
      sendStages(oldestOverdueDue, asOfDay, draw, (stage, sentOn) => {
        const chased = overdueInvoices.filter((invoice) => invoice.due < sentOn);
        log.push([
          sentOn + SERIAL_OF_EPOCH,
          name,
          stage.name,
          stage.channel,
          chased.reduce((sum, invoice) => sum + invoice.cents, 0) / 100,
          currency,
          chased.map((invoice) => invoice.number).join(' '),
          owner,
          '',
        ]);
      });
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows, accounts, log };
}
