// The dunning log as the plan's memory, scenario by scenario. Each one is a dated ledger and a
// log sheet as a credit manager would type it (French headers, dates as written), read through
// the same reader as the pane; the expected stage is worked out by hand in the comment above it.
// Default policy: first reminder from day 10, second 20, final 30, formal notice 45, collection 60;
// 10 days at least between two reminders.

import { callList } from '../../src/dunning/callList';
import { logRow, readDunningLog } from '../../src/dunning/log';
import { disputeEntry, disputeResolvedEntry, noAnswerEntry, promiseEntry } from '../../src/dunning/outcomes';
import { type AccountPlan, exclusionText, planDunning, planNotes, unreadableLogText } from '../../src/dunning/plan';
import { DEFAULT_POLICY, type DunningPolicy } from '../../src/dunning/policy';
import type { LedgerItem } from '../../src/ledger/ledger';
import { DEFAULT_TEMPLATES } from '../../src/letters/defaultTemplates';
import { buildLetter } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { invoice } from './fixtures';

const HEADER = [
  'Date',
  'Client',
  'Niveau',
  'Canal',
  'Montant échu',
  'Devise',
  'Factures',
  'Responsable',
  'Note',
  'Promis pour le',
];
const day = (iso: string) => parseTextDate(iso);

/** An invoice of customer "Dupont SA" (EUR unless said), due on an ISO date. */
function inv(number: string, due: string, amount: number, extra: Partial<LedgerItem> = {}): LedgerItem {
  return invoice({ customer: 'Dupont SA', invoiceNumber: number, dueDay: day(due), amount, ...extra });
}

/** A log row as typed in the sheet: date, stage, invoices, note, promised date (customer Dupont SA, EUR). */
function row(date: string, stage: string, invoices = '', note = '', promised = '', currency = 'EUR', customer = 'Dupont SA') {
  return [date, customer, stage, 'Email', '', currency, invoices, 'Claire Petit', note, promised];
}

function run(asOf: string, items: LedgerItem[], rows: CellValue[][], policy: DunningPolicy = DEFAULT_POLICY) {
  const log = readDunningLog([HEADER, ...rows], policy, 'sheets');
  return planDunning(items, log.entries, { asOf: day(asOf), policy, unreadableLog: log.skipped });
}

function only(plan: ReturnType<typeof run>, currency = 'EUR'): AccountPlan {
  const found = [...plan.actions, ...plan.excluded].filter((a) => a.customer === 'Dupont SA' && a.currency === currency);
  expect(found).toHaveLength(1);
  return found[0] as AccountPlan;
}

describe('disputes belong to invoices', () => {
  // As of 1 December 2025: F1 (2,000 €) due 1 October is 61 days late, F2 (9,000 €) due
  // 15 October is 47 days late. Both had a first reminder on 10 November; on 20 November the
  // customer disputed F1 (damaged goods). F2 is not disputed: its 9,000 € are still chased, at
  // the next stage after the first reminder (the second), and F1 is listed apart.
  const items = [inv('F1', '2025-10-01', 2_000_00), inv('F2', '2025-10-15', 9_000_00)];
  const log = [row('2025-11-10', 'Première relance', 'F1 F2'), row('2025-11-20', 'Litige', 'F1', 'marchandise abîmée')];

  test('a dispute on F1 does not stop an undisputed 9,000 € F2', () => {
    const account = only(run('2025-12-01', items, log));
    expect(account.stage?.id).toBe('second');
    expect(account.dunned.map((d) => d.item.invoiceNumber)).toEqual(['F2']);
    expect(account.amountDue).toBe(9_000_00);
    expect(account.disputed.map((item) => item.invoiceNumber)).toEqual(['F1']);
    expect(account.disputed[0]?.disputeReason).toBe('marchandise abîmée');
    // …and the disputed invoice stays in the account's balance (the aged balance keeps it).
    expect(account.balance).toBe(11_000_00);
  });

  test('the letter claims F2 only and lists F1 as under review', () => {
    const plan = run('2025-12-01', items, log);
    const letter = buildLetter(only(plan), {
      company: {
        name: 'Ateliers Réunis',
        legalForm: 'SAS',
        address: '14 rue de la Part-Dieu, 69003 Lyon',
        registration: 'RCS Lyon 812 345 678',
        iban: 'FR76',
        email: '',
        phone: '',
        city: 'Lyon',
      },
      policy: DEFAULT_POLICY,
      asOf: day('2025-12-01'),
      defaultLanguage: 'fr',
      templates: DEFAULT_TEMPLATES,
    });
    expect(letter.invoiceNumbers).toEqual(['F2']);
    expect(letter.totalClaimed).toBe(9_000_00);
    expect(letterToText(letter)).toMatch(/marchandise abîmée/);
  });

  test('a dispute logged 300 days ago on a paid invoice does not block a new one', () => {
    // 300 days before 1 December 2025 is 4 February 2025. F0 has been paid since (gone from the
    // ledger). F9, 500 € due 15 November, is 16 days late: a first reminder.
    expect(day('2025-12-01') - day('2025-02-04')).toBe(300);
    for (const invoices of ['F0', '']) {
      const account = only(
        run('2025-12-01', [inv('F9', '2025-11-15', 500_00)], [row('2025-02-04', 'Litige', invoices, 'prix contesté')]),
      );
      expect(account.stage?.id).toBe('first');
      expect(account.disputed).toEqual([]);
      expect(account.disputes).toEqual([]);
    }
  });

  test('the ledger’s disputed column is a dispute too, on that invoice only', () => {
    const account = only(
      run(
        '2025-12-01',
        [inv('F1', '2025-10-01', 2_000_00, { disputed: true, disputeReason: 'prix' }), inv('F2', '2025-10-15', 9_000_00)],
        [row('2025-11-10', 'Première relance', 'F1 F2')],
      ),
    );
    expect(account.dunned.map((d) => d.item.invoiceNumber)).toEqual(['F2']);
    expect(account.disputes).toEqual([expect.objectContaining({ invoices: ['F1'], since: null, reason: 'prix' })]);
  });

  test('a dispute logged before the last reminder no longer holds once resolved', () => {
    // F1 disputed on 20 October; F2 alone got a first reminder on 1 November; the dispute on F1
    // was resolved on 15 November. On 1 December F1 (61 days) is chased again with F2.
    const rows = [
      row('2025-10-20', 'Litige', 'F1', 'quantité livrée'),
      row('2025-11-01', 'Première relance', 'F2'),
      row('2025-11-15', 'Litige résolu', 'F1'),
    ];
    const account = only(run('2025-12-01', items, rows));
    expect(account.disputed).toEqual([]);
    expect(account.dunned.map((d) => d.item.invoiceNumber)).toEqual(['F1', 'F2']);
    expect(account.amountDue).toBe(11_000_00);
    expect(account.stage?.id).toBe('second');
    // Without the resolution, F1 stays disputed.
    const unresolved = only(run('2025-12-01', items, rows.slice(0, 2)));
    expect(unresolved.disputed.map((item) => item.invoiceNumber)).toEqual(['F1']);
  });

  test('a dispute ends when its invoices are paid', () => {
    const plan = run('2025-12-01', [inv('F2', '2025-10-15', 9_000_00)], log);
    expect(plan.disputes).toEqual([]);
  });

  test('open disputes, oldest first, with their age, reason and owner', () => {
    const plan = planDunning(
      [
        ...items,
        invoice({ customer: 'Martin', invoiceNumber: 'M1', dueDay: day('2025-09-01'), amount: 300_00 }),
        invoice({ customer: 'Roux', invoiceNumber: 'R1', dueDay: day('2025-09-01'), amount: 400_00, disputed: true }),
      ],
      readDunningLog(
        [
          HEADER,
          ...log,
          ['2025-10-02', 'Martin', 'Litige', 'Appel téléphonique', '', 'EUR', 'M1', 'Julien Morel', 'prix unitaire', ''],
        ],
        DEFAULT_POLICY,
        'sheets',
      ).entries,
      { asOf: day('2025-12-01'), policy: DEFAULT_POLICY },
    );
    // Martin's (2 October, 60 days) before Dupont's (20 November, 11 days); Roux's, flagged in
    // the ledger with no date, last.
    expect(plan.disputes.map((d) => [d.customer, d.invoices.join(' '), d.ageDays, d.reason, d.owner])).toEqual([
      ['Martin', 'M1', 60, 'prix unitaire', 'Julien Morel'],
      ['Dupont SA', 'F1', 11, 'marchandise abîmée', 'Claire Petit'],
      ['Roux', 'R1', null, '', 'Claire Petit'],
    ]);
  });
});

describe('outcomes are checked at entry', () => {
  const asOf = day('2025-12-01');
  const account = only(run('2025-12-01', [inv('F1', '2025-10-01', 2_000_00), inv('F2', '2025-10-15', 9_000_00)], []));
  const code = (thunk: () => unknown) => {
    try {
      thunk();
    } catch (error) {
      return error instanceof AgeBucketError ? error.code : String(error);
    }
    return 'accepted';
  };

  test('a dispute without a reason, or without an invoice, or on an invoice not open, is refused', () => {
    expect(code(() => disputeEntry(account, ['F1'], '  ', asOf, 'fr'))).toBe('disputeNeedsReason');
    expect(code(() => disputeEntry(account, [], 'prix', asOf, 'fr'))).toBe('disputeNeedsInvoice');
    expect(code(() => disputeEntry(account, ['F7'], 'prix', asOf, 'fr'))).toBe('disputeUnknownInvoice');
    const entry = disputeEntry(account, ['F1'], 'prix', asOf, 'fr');
    expect([entry.stageText, entry.invoices, entry.note, entry.amount]).toEqual(['Litige', ['F1'], 'prix', 2_000_00]);
  });

  test('a promise without a date, or dated before the plan, is refused', () => {
    expect(code(() => promiseEntry(account, null, asOf, 'fr'))).toBe('promiseNeedsDate');
    expect(code(() => promiseEntry(account, asOf - 1, asOf, 'fr'))).toBe('promiseInPast');
    const entry = promiseEntry(account, asOf, asOf, 'fr');
    expect([entry.stageText, entry.invoices, entry.promiseDay]).toEqual(['Promesse de paiement', ['F1', 'F2'], asOf]);
  });

  test('a promise dated before the plan is refused with both dates as the user’s language writes them', () => {
    let error: unknown;
    try {
      promiseEntry(account, day('2025-11-01'), asOf, 'fr');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AgeBucketError);
    const refused = error as AgeBucketError;
    // Written out by hand: the plan is as of 1 December 2025, the promise was for 1 November.
    expect(refused.localized('fr')).toBe(
      'la date promise (1er novembre 2025) est antérieure à la date du plan (1er décembre 2025) : une promesse court jusqu’à aujourd’hui ou plus tard',
    );
    expect(refused.localized('en')).toBe(
      'the promised date (1 November 2025) is before the plan’s date (1 December 2025): a promise runs to today or later',
    );
    for (const language of ['en', 'fr'] as const) expect(refused.localized(language)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('the messages say what to fix, in English and French', () => {
    try {
      disputeEntry(account, ['F1'], '', asOf, 'en');
    } catch (error) {
      expect((error as AgeBucketError).localized('en')).toMatch(/needs a reason/);
      expect((error as AgeBucketError).localized('fr')).toMatch(/doit avoir un motif/);
    }
    expect.assertions(2);
  });
});

describe('promises carry their own date', () => {
  // F1, 2,000 € due 1 October: a first reminder on 10 November, and on 25 November a promise to
  // pay "jusqu'au 05/12/2025". On 1 December the promise still runs: no reminder.
  const items = [inv('F1', '2025-10-01', 2_000_00)];
  const reminded = row('2025-11-10', 'Première relance', 'F1');

  test.each([
    ['jusqu’au 05/12/2025', ''],
    ['paiera le 5 décembre 2025', ''],
    ['until December 5, 2025', ''],
    ['virement promis 2025-12-05', ''],
    ['appel du 25/11/2025', '2025-12-05'],
  ])('a promise "%s" (column: "%s") holds the account on 2025-12-01', (note, promised) => {
    const account = only(run('2025-12-01', items, [reminded, row('2025-11-25', 'Promesse de paiement', 'F1', note, promised)]));
    expect(account.stage).toBeNull();
    expect(exclusionText(account, 'fr')).toBe("promesse de paiement jusqu'au 5 décembre 2025");
  });

  test('a promise logged from a call dated the as-of date still holds', () => {
    const account = only(run('2025-12-01', items, [reminded, row('2025-12-01', 'Promesse de paiement', 'F1', '', '2025-12-01')]));
    expect(account.exclusion?.code).toBe('reasonPromise');
  });

  test('a promise with no date in the log is reported and holds the account for review', () => {
    const plan = run('2025-12-01', items, [reminded, row('2025-11-25', 'Promesse de paiement', 'F1', 'promet un virement')]);
    expect(unreadableLogText(plan, 'en')).toEqual([
      'dunning log, row 3: a promise to pay with no date: write the promised date in the "Promised for" column',
    ]);
    expect(only(plan).exclusion?.code).toBe('reasonLogUnreadable');
  });

  test('a broken promise is shown, the account resumes at its next stage, and the letter names it', () => {
    // First reminder 5 November; on 18 November a promise to pay by 25 November; nothing came.
    // On 1 December F1 (due 25 October) is 37 days late: target final reminder; next stage after
    // the first is the second, sent now that the promise has run out.
    const plan = run(
      '2025-12-01',
      [inv('F1', '2025-10-25', 2_000_00)],
      [row('2025-11-05', 'Première relance', 'F1'), row('2025-11-18', 'Promesse de paiement', 'F1', '', '25/11/2025')],
    );
    const account = only(plan);
    expect(account.stage?.id).toBe('second');
    expect(account.brokenPromiseDay).toBe(day('2025-11-25'));
    expect(planNotes(account, 'fr')).toEqual([
      'promesse de paiement pour le 25 novembre 2025 (notée le 18 novembre 2025) non tenue : la relance reprend',
    ]);
    const letter = buildLetter(account, {
      company: {
        name: 'Ateliers Réunis',
        legalForm: 'SAS',
        address: '14 rue de la Part-Dieu, 69003 Lyon',
        registration: 'RCS Lyon 812 345 678',
        iban: 'FR76',
        email: '',
        phone: '',
        city: '',
      },
      policy: DEFAULT_POLICY,
      asOf: day('2025-12-01'),
      defaultLanguage: 'fr',
      templates: [
        {
          stageId: 'second',
          language: 'fr',
          subject: 'Relance',
          body: 'Promis pour le {{broken_promise_date}}.\n\n{{invoice_table}}',
        },
      ],
    });
    expect(letterToText(letter)).toMatch(/Promis pour le 25 novembre 2025\./);
  });

  test('a promise taken in a call holds the whole account, not only the invoices it named', () => {
    // F3 falls due on 3 December: no courtesy reminder while the customer's promise runs.
    const account = only(
      run(
        '2025-12-01',
        [...items, inv('F3', '2025-12-03', 300_00)],
        [reminded, row('2025-11-25', 'Promesse de paiement', 'F1', '', '2025-12-05')],
      ),
    );
    expect(exclusionText(account, 'en')).toBe('promise to pay until 5 December 2025');
    // A promise about invoices paid since holds nothing.
    const paid = only(
      run('2025-12-01', [inv('F3', '2025-12-03', 300_00)], [row('2025-11-25', 'Promesse de paiement', 'F1', '', '2025-12-05')]),
    );
    expect(paid.stage?.id).toBe('courtesy');
  });

  test('a later promise replaces an earlier one', () => {
    const account = only(
      run('2025-12-01', items, [
        reminded,
        row('2025-11-12', 'Promesse de paiement', 'F1', '', '2025-11-20'),
        row('2025-11-21', 'Promesse de paiement', 'F1', '', '2025-12-10'),
      ]),
    );
    expect(exclusionText(account, 'en')).toBe('promise to pay until 10 December 2025');
  });
});

describe('cycles: a reminder is about the invoices it chased', () => {
  test('a final reminder logged 200 days ago for a paid invoice does not put a new 12-days-late invoice at "final reminder"', () => {
    // 200 days before 1 December 2025 is 15 May 2025. F0 was paid since. F5, due 19 November, is
    // 12 days late: a new cycle, at the first overdue stage.
    expect(day('2025-12-01') - day('2025-05-15')).toBe(200);
    for (const invoices of ['F0', '']) {
      const account = only(
        run('2025-12-01', [inv('F5', '2025-11-19', 800_00)], [row('2025-05-15', 'Dernière relance', invoices)]),
      );
      expect(account.stage?.id).toBe('first');
      expect(account.lastSent).toBeNull();
      expect(account.startRule).toBe('newCycle');
      expect(planNotes(account, 'en')).toEqual([
        'new invoices, in no reminder logged before: they start at the first overdue stage',
      ]);
    }
  });

  test('a new invoice joins the cycle of an older one still open', () => {
    // F1 (due 1 October) had a second reminder on 15 November; F2 (due 15 November) is new. The
    // account goes on to the final reminder, and the letter claims both.
    const account = only(
      run(
        '2025-12-01',
        [inv('F1', '2025-10-01', 1_000_00), inv('F2', '2025-11-15', 500_00)],
        [row('2025-11-01', 'Première relance', 'F1'), row('2025-11-15', 'Deuxième relance', 'F1')],
      ),
    );
    expect(account.stage?.id).toBe('final');
    expect(account.dunned.map((d) => d.item.invoiceNumber)).toEqual(['F1', 'F2']);
  });

  test('a log row without invoice numbers applies only to invoices overdue on its date', () => {
    // A second reminder on 1 November, no invoice numbers. F1 was then overdue (due 1 October),
    // F2 (due 10 November) was not. F1 paid since: F2 is in no cycle and starts at the first.
    const rows = [row('2025-11-01', 'Deuxième relance')];
    expect(only(run('2025-12-01', [inv('F2', '2025-11-10', 700_00)], rows)).stage?.id).toBe('first');
    // With F1 still open, the row is about F1, so the account is at the second reminder.
    expect(only(run('2025-12-01', [inv('F1', '2025-10-01', 700_00), inv('F2', '2025-11-10', 700_00)], rows)).stage?.id).toBe(
      'final',
    );
  });

  test('"Malgré nos relances, dont la dernière en date du …" cites only reminders about the invoices claimed', () => {
    // F1 and F2 had a first reminder on 5 November. F3 (paid since) had a second reminder on
    // 20 November. The second reminder for F1 and F2 cites 5 November, not 20 November.
    const plan = run(
      '2025-12-01',
      [inv('F1', '2025-10-15', 1_000_00), inv('F2', '2025-10-20', 500_00)],
      [row('2025-11-05', 'Première relance', 'F1 F2'), row('2025-11-20', 'Deuxième relance', 'F3')],
    );
    const account = only(plan);
    expect(account.stage?.id).toBe('second');
    const letter = buildLetter(account, {
      company: {
        name: 'Ateliers Réunis',
        legalForm: 'SAS',
        address: '14 rue de la Part-Dieu, 69003 Lyon',
        registration: 'RCS Lyon 812 345 678',
        iban: 'FR76',
        email: '',
        phone: '',
        city: '',
      },
      policy: DEFAULT_POLICY,
      asOf: day('2025-12-01'),
      defaultLanguage: 'fr',
      templates: DEFAULT_TEMPLATES,
    });
    expect(letterToText(letter)).toMatch(/Malgré notre relance du 5 novembre 2025,/);
  });

  test('a customer’s USD reminder is not the last reminder of its EUR account', () => {
    // A second reminder in USD on 20 November, no invoice numbers. The EUR invoice E1 (due
    // 15 November, 16 days late) has had no reminder: its account is on its first run.
    const account = only(
      run(
        '2025-12-01',
        [inv('E1', '2025-11-15', 600_00), inv('U1', '2025-10-01', 900_00, { currency: 'USD' })],
        [row('2025-11-20', 'Deuxième relance', '', '', '', 'USD')],
      ),
    );
    expect(account.lastSent).toBeNull();
    expect(account.stage?.id).toBe('first');
  });
});

describe('first run: an account with no log rows at all', () => {
  // A new user's ledger: G1 is 35 days late (final reminder territory), and nothing was ever logged.
  const items = [inv('G1', '2025-10-27', 1_200_00)];
  test('by default it starts at the stage its age calls for, and the plan says so', () => {
    const account = only(run('2025-12-01', items, []));
    expect(account.stage?.id).toBe('final');
    expect(account.startRule).toBe('firstRunAge');
    expect(planNotes(account, 'fr')).toEqual([
      'premier passage (aucune ligne au journal pour ce compte) : niveau correspondant à l’ancienneté',
    ]);
  });
  test('the final reminder of a first run does not cite a reminder that was never sent', () => {
    const letter = buildLetter(only(run('2025-12-01', items, [])), {
      company: {
        name: 'Ateliers Réunis',
        legalForm: 'SAS',
        address: '14 rue de la Part-Dieu, 69003 Lyon',
        registration: 'RCS Lyon 812 345 678',
        iban: 'FR76',
        email: '',
        phone: '',
        city: '',
      },
      policy: DEFAULT_POLICY,
      asOf: day('2025-12-01'),
      defaultLanguage: 'fr',
      templates: DEFAULT_TEMPLATES,
    });
    const text = letterToText(letter);
    expect(text).not.toMatch(/relances?,? dont|relance du/);
    expect(text).toMatch(/La facture suivante demeure impayée bien après son échéance/);
  });
  test('"escalate one stage at a time" starts at the first reminder', () => {
    const account = only(run('2025-12-01', items, [], { ...DEFAULT_POLICY, firstRun: 'oneStage' }));
    expect(account.stage?.id).toBe('first');
    expect(account.startRule).toBe('firstRunOneStage');
  });
  test('an account with log rows is no first run: new invoices start at the first overdue stage', () => {
    const account = only(run('2025-12-01', items, [row('2025-03-01', 'Appel téléphonique', 'F0')]));
    expect(account.stage?.id).toBe('first');
    expect(account.startRule).toBe('newCycle');
  });
});

describe('unreadable log rows are reported and hold their account', () => {
  // F1 (due 1 October, 61 days late) had a first reminder on 20 October and a second on
  // 31 October, typed "31/02/2025". Dropping the row would send the second reminder again.
  const items = [inv('F1', '2025-10-01', 2_000_00), invoice({ customer: 'Martin', dueDay: day('2025-10-01'), amount: 100_00 })];
  test('a mistyped date does not silently reset escalation', () => {
    const plan = run('2025-12-01', items, [
      row('2025-10-20', 'Première relance', 'F1'),
      row('31/02/2025', 'Deuxième relance', 'F1'),
    ]);
    const account = only(plan);
    expect(account.stage).toBeNull();
    expect(account.exclusion?.code).toBe('reasonLogUnreadable');
    expect(exclusionText(account, 'en')).toBe(
      'held for review: the dunning log cannot be read at row 3 ("31/02/2025" is not a real date: month 02 of 2025 has 28 days, not 31); correct the row, then build the plan again',
    );
    expect(unreadableLogText(plan, 'fr')).toEqual([
      "journal des relances, ligne 3 : « 31/02/2025 » n'est pas une date réelle : le mois 02 de 2025 a 28 jours, pas 31",
    ]);
    // Another customer's account is not held.
    expect(plan.actions.map((a) => a.customer)).toEqual(['Martin']);
  });
  test('a stage the policy does not know is reported too', () => {
    const plan = run('2025-12-01', items, [row('2025-10-20', 'Deuxiéme relanse', 'F1')]);
    expect(unreadableLogText(plan, 'en')).toEqual([
      'dunning log, row 2: "Deuxiéme relanse" is neither a stage of the dunning policy nor a call outcome: correct the name',
    ]);
    expect(only(plan).exclusion?.code).toBe('reasonLogUnreadable');
  });
  test('the same row, corrected, moves the account on', () => {
    const plan = run('2025-12-01', items, [
      row('2025-10-20', 'Première relance', 'F1'),
      row('2025-10-31', 'Deuxième relance', 'F1'),
    ]);
    expect(only(plan).stage?.id).toBe('final');
  });
});

describe('guards', () => {
  test('an account owing exactly the minimum amount is chased', () => {
    const policy = { ...DEFAULT_POLICY, minimumAmount: 50 };
    expect(only(run('2025-12-01', [inv('F1', '2025-11-15', 50_00)], [], policy)).stage?.id).toBe('first');
    expect(only(run('2025-12-01', [inv('F1', '2025-11-15', 49_99)], [], policy)).exclusion?.code).toBe('reasonBelowMinimum');
  });
  test('the outcome entries read back as the plan expects', () => {
    // Entries made by the pane, written with the log's row layout and read back.
    const asOf = day('2025-12-01');
    const account = only(run('2025-12-01', [inv('F1', '2025-10-01', 2_000_00), inv('F2', '2025-10-15', 9_000_00)], []));
    const dispute = disputeEntry(account, ['F1'], 'prix', asOf, 'fr');
    const promise = promiseEntry(account, asOf + 4, asOf, 'en');
    const silent = noAnswerEntry(account, asOf, 'fr');
    const rows = [dispute, promise, silent].map((entry) => logRow(entry));
    const plan = run('2025-12-01', [inv('F1', '2025-10-01', 2_000_00), inv('F2', '2025-10-15', 9_000_00)], rows);
    expect(plan.unreadableLog).toEqual([]);
    expect(exclusionText(only(plan), 'en')).toBe('promise to pay until 5 December 2025');
    const resolved = disputeResolvedEntry(plan.disputes[0] as NonNullable<(typeof plan.disputes)[0]>, asOf, 'fr');
    const after = run(
      '2025-12-01',
      [inv('F1', '2025-10-01', 2_000_00), inv('F2', '2025-10-15', 9_000_00)],
      [...rows, logRow(resolved)],
    );
    expect(after.disputes).toEqual([]);
  });
});

describe('the call list after an outcome', () => {
  // F1, 2,000 € due 1 November, had a first reminder on 15 November: on 1 December (30 days late,
  // target final) the next stage is the second reminder, a letter and a phone call.
  const items = [inv('F1', '2025-11-01', 2_000_00)];
  const reminded = row('2025-11-15', 'Première relance', 'F1');
  const calls = (rows: CellValue[][]) => {
    const log = readDunningLog([HEADER, ...rows], DEFAULT_POLICY, 'sheets');
    const plan = planDunning(items, log.entries, { asOf: day('2025-12-01'), policy: DEFAULT_POLICY });
    return callList(plan, { company: 'Ateliers Réunis', defaultLanguage: 'fr', log: log.entries });
  };
  test('a promise taken down removes the account from the call list', () => {
    expect(calls([reminded]).map((c) => c.customer)).toEqual(['Dupont SA']);
    expect(calls([reminded, row('2025-12-01', 'Promesse de paiement', 'F1', '', '2025-12-08')])).toEqual([]);
  });
  test('a call with no answer stays on the list and says it was logged today', () => {
    const [entry] = calls([reminded, row('2025-12-01', 'Pas de réponse', 'F1')]);
    expect(entry?.loggedToday).toEqual(['Pas de réponse']);
    expect(calls([reminded, row('2025-11-30', 'Pas de réponse', 'F1')])[0]?.loggedToday).toEqual([]);
  });
});

describe('a log sheet that lost its header', () => {
  test('rows as the add-in writes them are still read, and the loss is reported', () => {
    const rows = [row('2025-11-10', 'Première relance', 'F1'), row('2025-11-20', 'Deuxième relance', 'F1')];
    const log = readDunningLog(rows, DEFAULT_POLICY, 'sheets');
    expect(log.headerMissing).toBe(true);
    expect(log.entries.map((entry) => [entry.row, entry.stageIndex])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(readDunningLog([HEADER, ...rows], DEFAULT_POLICY, 'sheets').headerMissing).toBeUndefined();
  });
  test('anything else without a header is refused with the column it needs', () => {
    expect(() => readDunningLog([['x', 'y', 'z']], DEFAULT_POLICY, 'sheets')).toThrow('the dunning log needs a "Date" column');
  });
});

describe('priority: within a currency, amount in minor units × days; across currencies, days then amount', () => {
  // As of 1 December 2025, first runs (no log), each account one invoice.
  const account = (customer: string, currency: string, due: string, amount: number) =>
    invoice({ customer, currency, invoiceNumber: customer, dueDay: day(due), amount });
  const order = (items: LedgerItem[]) =>
    planDunning(items, [], { asOf: day('2025-12-01'), policy: DEFAULT_POLICY }).actions.map((a) => [a.customer, a.priority]);

  test('a yen account’s priority counts yen (no minor unit), a dinar account’s fils (three)', () => {
    // ¥100,000 20 days late: 100,000 × 20 = 2,000,000. KWD 12.345 20 days late: 12,345 fils × 20 = 246,900.
    expect(order([account('Tokyo', 'JPY', '2025-11-11', 100_000), account('Kuwait', 'KWD', '2025-11-11', 12_345)])).toEqual([
      ['Tokyo', 2_000_000],
      ['Kuwait', 246_900],
    ]);
  });

  test('within EUR the larger amount × days comes first even when younger; currencies interleave by days', () => {
    // A: 10,000 € × 11 days = 1,000,000 cents × 11 = 11,000,000; B: 100 € × 100 days = 1,000,000.
    // C: $100 at 50 days, a smaller priority than both. Merged by days: C (50) before A (11),
    // and B stays after A.
    expect(
      order([
        account('B', 'EUR', '2025-08-23', 100_00),
        account('A', 'EUR', '2025-11-20', 10_000_00),
        account('C', 'USD', '2025-10-12', 100_00),
      ]).map(([customer]) => customer),
    ).toEqual(['C', 'A', 'B']);
  });

  test('across currencies at the same days, the larger amount first', () => {
    expect(
      order([account('Small', 'GBP', '2025-11-01', 500_00), account('Large', 'EUR', '2025-11-01', 900_00)]).map(
        ([customer]) => customer,
      ),
    ).toEqual(['Large', 'Small']);
  });

  test('priorities are compared exactly beyond 2^53', () => {
    // 4,000,000,000,000,016 cents × 12 days = 48,000,000,000,000,192 > 4,363,636,363,636,381 × 11
    // = 48,000,000,000,000,191; in floating point the two products are equal.
    expect(4000000000000016 * 12).toBe(4363636363636381 * 11);
    expect(
      order([
        account('Younger', 'EUR', '2025-11-20', 4363636363636381),
        account('Older', 'EUR', '2025-11-19', 4000000000000016),
      ]).map(([customer]) => customer),
    ).toEqual(['Older', 'Younger']);
  });
});
