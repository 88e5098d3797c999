// The sample ledger: a French SME's receivables as of 28 November 2025, with the mess real
// ledgers have (credit notes, partial and unapplied payments, disputes, promises to pay, three
// currencies, several owners) and a dunning log of the last months. Deterministic: the same
// seed gives the same rows, so tests can check numbers against it.

import sampleCompany from '../samples/company.json';
import { SAMPLE_AS_OF } from '../src/commands/sample';
import type { CompanyDetails } from '../src/letters/letter';
import {
  csvField,
  DISPUTE_REASONS,
  dayOf,
  draws,
  endOfMonth,
  FRENCH_TERMS,
  frenchPhone,
  isoOf,
  sendStages,
  type Terms,
} from './generatedLedger';

export { SAMPLE_AS_OF };

export const LEDGER_HEADERS = [
  'Code client',
  'Client',
  'N° facture',
  'Date facture',
  'Conditions de paiement',
  'Échéance',
  'Montant TTC',
  'Reste dû',
  'Devise',
  'Litige',
  'Motif du litige',
  'Promesse de paiement',
  'Responsable',
  'Email',
  'Téléphone',
  'Adresse',
  'Langue',
] as const;

export const LOG_HEADERS = [
  'Date',
  'Client',
  'Niveau',
  'Canal',
  'Montant échu',
  'Devise',
  'Factures',
  'Responsable',
  'Note',
] as const;

export type LedgerRow = Record<(typeof LEDGER_HEADERS)[number], string | number>;
export type LogRow = Record<(typeof LOG_HEADERS)[number], string | number>;

interface Customer {
  readonly code: string;
  readonly name: string;
  readonly currency: 'EUR' | 'USD' | 'GBP';
  readonly language: 'fr' | 'en';
  readonly terms: string;
  readonly termDays: (invoiceDay: number) => number;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  /** 0 pays on time … 1 pays very late. */
  readonly lateness: number;
}

const FRENCH = [
  ['Boulangerie Martin SARL', '12 rue des Lilas, 69003 Lyon', 'martin-boulangerie.fr'],
  ['Transports Lefèvre SAS', '4 avenue de la Gare, 59000 Lille', 'transports-lefevre.fr'],
  ['Atelier Dubois', '27 quai Saint-Vincent, 69001 Lyon', 'atelier-dubois.fr'],
  ['Clinique Saint-Roch', '560 avenue du Colonel Pavelet, 34000 Montpellier', 'clinique-saintroch.fr'],
  ['Menuiserie Girard', '8 chemin des Vignes, 33500 Libourne', 'menuiserie-girard.fr'],
  ['Garage Moreau & Fils', '112 route Nationale, 44800 Saint-Herblain', 'garage-moreau.fr'],
  ['Hôtel du Lac', '1 promenade du Lac, 74000 Annecy', 'hoteldulac-annecy.fr'],
  ['Pharmacie Centrale', '3 place de la République, 35000 Rennes', 'pharmacie-centrale-rennes.fr'],
  ['Cabinet Roux Avocats', '15 boulevard Haussmann, 75009 Paris', 'roux-avocats.fr'],
  ['Éditions Blanchard', '22 rue Jacob, 75006 Paris', 'editions-blanchard.fr'],
  ['Librairie Fontaine', '9 rue Nationale, 37000 Tours', 'librairie-fontaine.fr'],
  ['Restaurant Le Petit Zinc', '5 rue Mercière, 69002 Lyon', 'lepetitzinc.fr'],
  ['Domaine Chevalier', 'Lieu-dit Les Combes, 21190 Meursault', 'domaine-chevalier.fr'],
  ['Imprimerie Lambert', '41 rue de l’Industrie, 67100 Strasbourg', 'imprimerie-lambert.fr'],
  ['SCI Les Tilleuls', '2 allée des Tilleuls, 78000 Versailles', 'sci-tilleuls.fr'],
  ['Électricité Gauthier', '18 rue Paul Bert, 13005 Marseille', 'gauthier-elec.fr'],
  ['Plomberie Perrin', '7 impasse des Artisans, 31200 Toulouse', 'plomberie-perrin.fr'],
  ['Studio Mercier', '30 rue Oberkampf, 75011 Paris', 'studio-mercier.fr'],
  ['Agence Faure Immobilier', '6 cours Mirabeau, 13100 Aix-en-Provence', 'faure-immo.fr'],
  ['Laboratoires André', 'ZI du Bois Joli, 76160 Darnétal', 'labo-andre.fr'],
  ['Bâtiment Rousseau SA', '55 rue de la Forge, 63000 Clermont-Ferrand', 'batiment-rousseau.fr'],
  ['Café des Arts', '14 place du Marché, 84000 Avignon', 'cafedesarts-avignon.fr'],
  ['Quincaillerie Vincent', '23 Grande Rue, 25000 Besançon', 'quincaillerie-vincent.fr'],
  ['Optique Muller', '10 rue des Francs-Bourgeois, 67000 Strasbourg', 'optique-muller.fr'],
  ['Brasserie Lemaire', '2 rue de Béthune, 59800 Lille', 'brasserie-lemaire.fr'],
  ['Fromagerie Duval', '19 rue du Bourg, 14000 Caen', 'fromagerie-duval.fr'],
  ['Textiles Fournier', '88 rue du Faubourg, 42000 Saint-Étienne', 'textiles-fournier.fr'],
  ['Mairie de Villeneuve-sur-Lot', '1 place de la Libération, 47300 Villeneuve-sur-Lot', 'villeneuve-sur-lot.fr'],
  ['Association Les Amis du Rail', '3 rue de la Gare, 21000 Dijon', 'amisdurail.org'],
  ['Serrurerie Bonnet', '46 rue Lafayette, 38000 Grenoble', 'serrurerie-bonnet.fr'],
  ['Traiteur Picard', '11 avenue Jean Jaurès, 51100 Reims', 'traiteur-picard.fr'],
  ['Paysages Roussel', '102 route de Nantes, 49000 Angers', 'paysages-roussel.fr'],
  ['Cave Chez Léon', '4 rue des Halles, 17000 La Rochelle', 'chezleon.fr'],
  ['Couverture Morel & Cie', '29 rue des Forges, 87000 Limoges', 'couverture-morel.fr'],
] as const;

const ENGLISH = [
  ['Thames Valley Logistics Ltd', 'Unit 4, Kennet Park, Reading RG1 8BB, United Kingdom', 'tvlogistics.co.uk', 'GBP'],
  ['Harrington & Cole LLP', '21 Bedford Row, London WC1R 4EB, United Kingdom', 'harringtoncole.co.uk', 'GBP'],
  ["O'Brien & Sons Joinery", '7 Dock Street, Bristol BS1 4RE, United Kingdom', 'obrienjoinery.co.uk', 'GBP'],
  ['Northwind Traders Inc.', '400 Pine Street, Seattle, WA 98101, USA', 'northwindtraders.com', 'USD'],
  ['Cascade Outdoor Supply LLC', '1200 NW Everett St, Portland, OR 97209, USA', 'cascadeoutdoor.com', 'USD'],
  ['Brightwater Foods Ltd', '3 Harbour Road, Dublin D02, Ireland', 'brightwaterfoods.ie', 'EUR'],
] as const;

const OWNERS = ['Claire Petit', 'Julien Morel', 'Sophie Laurent'] as const;
const ENGLISH_TERMS: readonly Terms[] = [
  ['30 days', (d) => d + 30],
  ['net 45', (d) => d + 45],
  ['30 EOM', (d) => endOfMonth(d + 30)],
];
export interface SampleLedger {
  readonly asOf: string;
  readonly ledger: LedgerRow[];
  readonly log: LogRow[];
}

export function generateSampleLedger(seed = 20251128): SampleLedger {
  const draw = draws(seed);
  const { rand, pick, between } = draw;
  const asOf = dayOf(SAMPLE_AS_OF);

  const customers: Customer[] = [
    ...FRENCH.map(([name, address, domain], index): Customer => {
      const [terms, termDays] = pick(FRENCH_TERMS);
      return {
        code: `C${String(index + 1).padStart(4, '0')}`,
        name,
        currency: 'EUR',
        language: 'fr',
        terms,
        termDays,
        email: `${pick(['compta', 'comptabilite', 'factures', 'direction'])}@${domain}`,
        phone: frenchPhone(draw),
        address,
        lateness: rand() ** 1.6,
      };
    }),
    ...ENGLISH.map(([name, address, domain, currency], index): Customer => {
      const [terms, termDays] = pick(ENGLISH_TERMS);
      return {
        code: `C${String(FRENCH.length + index + 1).padStart(4, '0')}`,
        name,
        currency,
        language: 'en',
        terms,
        termDays,
        email: `accounts@${domain}`,
        phone:
          currency === 'USD'
            ? `+1 ${between(200, 989)} ${between(200, 989)} ${between(1000, 9999)}`
            : `+44 ${between(20, 29)} ${between(1000, 9999)} ${between(1000, 9999)}`,
        address,
        lateness: rand() ** 1.6,
      };
    }),
  ];

  const ledger: LedgerRow[] = [];
  const log: LogRow[] = [];
  const pendingLog: Array<{ row: LogRow; invoices: LedgerRow[] }> = [];
  let creditNumber = 120;
  let paymentNumber = 900;

  for (const customer of customers) {
    const owner = pick(OWNERS);
    const count = between(3, 14);
    // Late payers still owe old invoices; punctual ones only owe recent ones.
    const oldestAge = 20 + Math.floor(customer.lateness * 240);
    const base = {
      'Code client': customer.code,
      Client: customer.name,
      'Conditions de paiement': customer.terms,
      Devise: customer.currency,
      Responsable: owner,
      Email: customer.email,
      Téléphone: customer.phone,
      Adresse: customer.address,
      Langue: customer.language,
    };
    const rows: LedgerRow[] = [];
    for (let i = 0; i < count; i++) {
      const invoiceDay = asOf - between(0, oldestAge);
      const amount = Math.round((80 + rand() ** 2 * 24000) * 100) / 100;
      const partiallyPaid = rand() < 0.12;
      const open = partiallyPaid ? Math.round(amount * (0.2 + rand() * 0.6) * 100) / 100 : amount;
      const disputed = rand() < 0.06;
      rows.push({
        ...base,
        'N° facture': '', // numbered below, in date order across the whole ledger
        'Date facture': isoOf(invoiceDay),
        Échéance: isoOf(customer.termDays(invoiceDay)),
        'Montant TTC': amount,
        'Reste dû': open,
        Litige: disputed ? 'Oui' : 'Non',
        'Motif du litige': disputed ? pick(DISPUTE_REASONS) : '',
        'Promesse de paiement': '',
      });
    }
    if (rand() < 0.25) {
      const day = asOf - between(5, 90);
      const amount = -Math.round((50 + rand() * 1500) * 100) / 100;
      rows.push({
        ...base,
        'N° facture': `AV-2025-${String(creditNumber++).padStart(4, '0')}`,
        // A credit note is available at once: its due date is its date, as its terms say.
        'Conditions de paiement': 'comptant',
        'Date facture': isoOf(day),
        Échéance: isoOf(day),
        'Montant TTC': amount,
        'Reste dû': amount,
        Litige: 'Non',
        'Motif du litige': '',
        'Promesse de paiement': '',
      });
    }
    if (rand() < 0.12) {
      const day = asOf - between(2, 40);
      const amount = -Math.round((100 + rand() * 3000) * 100) / 100;
      rows.push({
        ...base,
        'N° facture': `RGL-${String(paymentNumber++).padStart(5, '0')}`,
        'Conditions de paiement': 'comptant',
        'Date facture': isoOf(day),
        Échéance: isoOf(day),
        'Montant TTC': amount,
        'Reste dû': amount,
        Litige: 'Non',
        'Motif du litige': 'Règlement non lettré',
        'Promesse de paiement': '',
      });
    }
    rows.sort((a, b) => String(a['Date facture']).localeCompare(String(b['Date facture'])));

    const oldestOverdue = Math.max(
      ...rows.filter((r) => Number(r['Reste dû']) > 0 && r.Litige === 'Non').map((r) => asOf - dayOf(String(r.Échéance))),
    );
    // Promises to pay: some still running, some broken (dated before the as-of date).
    if (oldestOverdue > 15 && rand() < 0.3) {
      const promised = rand() < 0.6 ? asOf + between(2, 20) : asOf - between(3, 25);
      for (const row of rows) if (Number(row['Reste dû']) > 0) row['Promesse de paiement'] = isoOf(promised);
    }
    ledger.push(...rows);

    // The log: what was sent as the oldest invoice aged, usually on time, sometimes late.
    if (oldestOverdue >= 10) {
      const dueOfOldest = asOf - oldestOverdue;
      const overdueRows = rows.filter((r) => Number(r['Reste dû']) > 0 && r.Litige === 'Non' && dayOf(String(r.Échéance)) < asOf);
      const overdueCents = overdueRows.reduce((sum, r) => sum + Math.round(Number(r['Reste dû']) * 100), 0);
      sendStages(dueOfOldest, asOf, draw, (stage, sentOn) => {
        pendingLog.push({
          invoices: overdueRows.filter((r) => dayOf(String(r.Échéance)) < sentOn),
          row: {
            Date: isoOf(sentOn),
            Client: customer.name,
            Niveau: stage.name,
            Canal: stage.channel,
            'Montant échu': overdueCents / 100,
            Devise: customer.currency,
            Factures: '',
            Responsable: owner,
            Note:
              stage.from >= 20 && rand() < 0.5
                ? pick(['Messagerie, rappel demain', 'Client injoignable', 'Promet un virement'])
                : '',
          },
        });
      });
    }
  }
  let invoiceNumber = 4100;
  const invoices = ledger.filter((row) => row['N° facture'] === '');
  invoices.sort((a, b) => String(a['Date facture']).localeCompare(String(b['Date facture'])));
  for (const row of invoices) row['N° facture'] = `FA-2025-${String(invoiceNumber++).padStart(5, '0')}`;
  for (const { row, invoices: sent } of pendingLog) {
    row.Factures = sent.map((r) => r['N° facture']).join(' ');
    log.push(row);
  }
  // A paid-up account with an old history: the next run must start again at the first stage.
  log.push({
    Date: '2025-06-12',
    Client: 'Pharmacie Centrale',
    Niveau: 'Deuxième relance',
    Canal: 'Courrier + appel',
    'Montant échu': 1840.5,
    Devise: 'EUR',
    Factures: 'FA-2025-03120',
    Responsable: 'Sophie Laurent',
    Note: 'Payé le 2025-06-30',
  });
  // An account whose formal notice ran out a fortnight ago, so that the plan shows every stage,
  // collection included: its reminders climbed the ladder, each naming the invoices overdue on
  // its day, and the formal notice named them all (the later ones joined the account's step).
  const bonnet = ledger.filter(
    (row) => row.Client === 'Serrurerie Bonnet' && Number(row['Reste dû']) > 0 && row.Litige === 'Non',
  );
  for (const [date, level, channel] of [
    ['2025-09-16', 'Deuxième relance', 'Courrier + appel'],
    ['2025-09-30', 'Dernière relance', 'Lettre recommandée'],
    ['2025-11-12', 'Mise en demeure', 'LRAR'],
  ] as const) {
    const overdue = bonnet.filter((row) => dayOf(String(row.Échéance)) < dayOf(date));
    log.push({
      Date: date,
      Client: 'Serrurerie Bonnet',
      Niveau: level,
      Canal: channel,
      'Montant échu': overdue.reduce((sum, row) => sum + Math.round(Number(row['Reste dû']) * 100), 0) / 100,
      Devise: 'EUR',
      Factures: overdue.map((row) => row['N° facture']).join(' '),
      Responsable: bonnet[0]?.Responsable ?? '',
      Note: '',
    });
  }
  log.sort((a, b) => String(a.Date).localeCompare(String(b.Date)) || String(a.Client).localeCompare(String(b.Client)));
  return { asOf: SAMPLE_AS_OF, ledger, log };
}

export function toCsv(headers: readonly string[], rows: ReadonlyArray<Record<string, string | number>>): string {
  return `${[headers.join(','), ...rows.map((row) => headers.map((h) => csvField(row[h] ?? '')).join(','))].join('\n')}\n`;
}

/** The fictional firm that sends the sample's letters (samples/company.json, also Preview's settings). */
export const SAMPLE_COMPANY: CompanyDetails = sampleCompany;
