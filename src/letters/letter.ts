// The letter model: one letter per customer account (and currency), built from the account's
// dunning plan and a template. Every renderer (text, HTML, .docx, sheet) draws the same model.

import type { AccountPlan, DunnedItem } from '../dunning/plan';
import { type DunningPolicy, isFormalNotice, sentByPost } from '../dunning/policy';
import type { LedgerItem } from '../ledger/ledger';
import { itemInterest } from '../penalties/accountPenalties';
import type { Decimal } from '../penalties/decimal';
import type { DayNumber } from '../primitives/dates';
import { dayFromCalendar, formatLongDate, formatShortDate } from '../primitives/dates';
import { fail, type Language } from '../primitives/messages';
import { formatMoney, type MinorUnits } from '../primitives/money';
import type { LetterTemplate } from './defaultTemplates';
import { feeClause, interestClause } from './legalMentions';
import { compileTemplate, findTemplate, type TemplateValues } from './templates';

export interface CompanyDetails {
  readonly name: string;
  /** Several lines, separated by new lines or commas. */
  readonly address: string;
  /** Legal form and capital: "SAS au capital de 50 000 €". */
  readonly legalForm: string;
  /** SIREN and RCS: "RCS Lyon 123 456 789". */
  readonly registration: string;
  readonly iban: string;
  readonly email: string;
  readonly phone: string;
  /** Where letters are dated from: "Lyon, le 28 novembre 2025". */
  readonly city: string;
  /**
   * Who signs when the account has no owner: a formal notice is signed by a person with
   * authority to bind the company, never by its name alone.
   */
  readonly signatoryName?: string;
  /** The signatory's title: "Directrice financière". */
  readonly signatoryTitle?: string;
}

/** The company's signatory as typed, or null when there is none. */
export function signatoryOf(company: CompanyDetails): { name: string; title: string } | null {
  const name = (company.signatoryName ?? '').trim();
  return name === '' ? null : { name, title: (company.signatoryTitle ?? '').trim() };
}

export interface LetterTable {
  readonly headers: readonly string[];
  /** Which columns hold numbers (right-aligned). */
  readonly numeric: readonly boolean[];
  readonly rows: ReadonlyArray<readonly string[]>;
  /** Label and value lines under the table. */
  readonly totals: ReadonlyArray<readonly [string, string]>;
}

export type LetterBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly table: LetterTable };

export interface Letter {
  readonly customer: string;
  readonly currency: string;
  readonly language: Language;
  readonly stageId: string;
  readonly stageName: string;
  readonly email: string | null;
  /** Who manages the account: the log records it. */
  readonly owner: string | null;
  readonly sender: { readonly name: string; readonly lines: readonly string[] };
  readonly recipient: { readonly name: string; readonly lines: readonly string[] };
  /**
   * The day the letter was made and is dated (its options' asOf): "Mark as sent" logs it on
   * that day, the date the customer reads on it, even when marked the next day.
   */
  readonly day: DayNumber;
  readonly placeAndDate: string;
  readonly subject: string;
  readonly blocks: readonly LetterBlock[];
  readonly signature: readonly string[];
  readonly invoiceNumbers: readonly string[];
  readonly amountDue: MinorUnits;
  readonly totalClaimed: MinorUnits;
}

export interface LetterOptions {
  readonly company: CompanyDetails;
  readonly policy: DunningPolicy;
  /**
   * The day the letter is made and dated: today (actionDay). Its payment deadline counts from
   * it and its interest runs to it; a plan as of another day is refused before any letter.
   */
  readonly asOf: DayNumber;
  /** Used when the account has no language of its own. */
  readonly defaultLanguage: Language;
  readonly templates: readonly LetterTemplate[];
  /** "statement" for a statement of account instead of the account's dunning stage. */
  readonly kind?: 'reminder' | 'statement';
  /**
   * Invoice-number prefixes of unapplied payments, for ledgers without a document-type column:
   * any other negative line is a credit note. Default: DEFAULT_PAYMENT_PREFIXES.
   */
  readonly paymentPrefixes?: readonly string[];
}

/**
 * Payment references as French and English ledgers number them: RG/REG/RGL (règlement), VIR
 * (virement), CHQ (chèque), ENC (encaissement), PAY/PMT/RCPT (payment, receipt). A prefix counts
 * only when no letter follows it, so "PAYSAGE-12" is not a payment.
 */
export const DEFAULT_PAYMENT_PREFIXES: readonly string[] = ['RG', 'REG', 'RGL', 'VIR', 'CHQ', 'ENC', 'PAY', 'PMT', 'RCPT'];

/** Credit-note references: AV/AVO (avoir), CN/CM (credit note, credit memo), NC (note de crédit). */
const CREDIT_NOTE_PREFIXES: readonly string[] = ['AV', 'AVO', 'AVOIR', 'CN', 'CM', 'NC'];

/** Words of an entry's label (accents and case aside) that say what the line is. */
const PAYMENT_WORDS = /\b(reglements?|virements?|cheques?|paiements?|payments?|receipts?|encaissements?|acomptes?|remittance)\b/;
const CREDIT_NOTE_WORDS = /\b(avoirs?|credit notes?|credit memos?|notes? de credit|refunds?)\b/;

/**
 * What a negative line is: a payment, a credit note, or, when nothing says, an unapplied credit
 * (named neutrally rather than wrongly). The ledger's document type first; then the words of its
 * label (règlement, virement, chèque, paiement, payment, receipt · avoir, credit note); then its
 * number's prefix (payment prefixes are a setting).
 */
export function creditKind(
  item: LedgerItem,
  paymentPrefixes: readonly string[] = DEFAULT_PAYMENT_PREFIXES,
): 'payment' | 'creditNote' | 'unknown' {
  if (item.documentType === 'payment') return 'payment';
  if (item.documentType === 'creditNote' || item.documentType === 'invoice') return 'creditNote';
  const label = foldText(item.label ?? '');
  const paymentWord = PAYMENT_WORDS.test(label);
  const creditWord = CREDIT_NOTE_WORDS.test(label);
  if (paymentWord !== creditWord) return paymentWord ? 'payment' : 'creditNote';
  const number = item.invoiceNumber.trim().toUpperCase();
  const startsWith = (prefixes: readonly string[]) =>
    prefixes.some((raw) => {
      const prefix = raw.trim().toUpperCase();
      return prefix !== '' && number.startsWith(prefix) && !/[A-Z]/.test(number.charAt(prefix.length));
    });
  // The user's payment prefixes (a setting) win over the credit-note ones built in.
  if (startsWith(paymentPrefixes)) return 'payment';
  if (startsWith(CREDIT_NOTE_PREFIXES)) return 'creditNote';
  return 'unknown';
}

function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
}

/**
 * Letters carry the sender's legal identity (Code de commerce R123-237: name, legal form,
 * registration) and say where to pay: refuse them, before anything is made or logged, while
 * the company's name or address is empty, or its IBAN when the letter asks for a transfer.
 */
export function checkCompanyForLetters(company: CompanyDetails, needsIban: boolean): void {
  // The French names carry their « de » (« ont besoin du nom, de l’adresse »): « de le » is
  // never written, it contracts to « du ».
  const missing: Array<{ en: string; fr: string }> = [];
  if (company.name.trim() === '') missing.push({ en: 'name', fr: 'du nom' });
  if (company.address.trim() === '') missing.push({ en: 'address', fr: 'de l’adresse' });
  if (needsIban && company.iban.trim() === '')
    missing.push({ en: 'IBAN (the letters ask for a transfer)', fr: 'de l’IBAN (les lettres demandent un virement)' });
  if (missing.length > 0) {
    const champs = missing.map((field) => field.fr);
    fail('companyIncomplete', {
      fields: missing.map((field) => field.en).join(', '),
      champs: champs.length > 1 ? `${champs.slice(0, -1).join(', ')} et ${champs[champs.length - 1]}` : (champs[0] ?? ''),
    });
  }
}

const NUL = '\u0000';
const TABLE_MARK = `${NUL}invoice_table${NUL}`;

const WORDS = {
  en: {
    invoice: 'Invoice',
    invoiceDate: 'Invoice date',
    dueDate: 'Due date',
    daysOverdue: 'Days overdue',
    invoiceAmount: 'Invoice amount',
    paid: 'Already paid',
    amountDue: 'Amount due',
    owed: 'Net of credits',
    interest: 'Interest',
    fee: 'Recovery fee',
    status: 'Status',
    total: 'Total overdue',
    comingDue: 'Total coming due',
    notDueTotal: 'Not yet due',
    creditNotes: 'Credit notes',
    payments: 'Unapplied payments',
    payment: 'Payment',
    unappliedCredits: 'Unapplied credits',
    unappliedCredit: 'Unapplied credit',
    paymentsPartly: 'Unapplied or partly matched payments',
    unappliedCreditsPartly: 'Unapplied or partly matched credits',
    paymentPartly: (code: string) => `Payment, partly matched (${code})`,
    creditPartly: (code: string) => `Credit note, partly matched (${code})`,
    unappliedCreditPartly: (code: string) => `Credit, partly matched (${code})`,
    invoicePartly: (code: string) => `Partly matched (${code})`,
    credits: 'Credit notes and payments',
    netDue: 'Net amount due',
    interestTotal: 'Late-payment interest',
    feesTotal: 'Recovery fees',
    claimed: 'Total claimed',
    balance: 'Account balance',
    disputed: 'Under review',
    notDue: 'Not yet due',
    promised: 'Payment promised',
    credit: 'Credit',
    disputedIntro: 'The following invoices are under review following your query; they are not claimed in this letter:',
    disputedIntroOne: 'The following invoice is under review following your query; it is not claimed in this letter:',
    collectionFile: (invoices: string, date: string) =>
      `The other invoices of your account (${invoices}), referred to our collection department on ${date}, are not repeated in this letter: their recovery continues.`,
  },
  fr: {
    invoice: 'Facture',
    invoiceDate: 'Date',
    dueDate: 'Échéance',
    daysOverdue: 'Jours de retard',
    invoiceAmount: 'Montant TTC',
    paid: 'Déjà réglé',
    amountDue: 'Reste dû',
    owed: 'Net après avoirs',
    interest: 'Pénalités',
    fee: 'Indemnité',
    status: 'Statut',
    total: 'Total échu',
    comingDue: 'Total à échoir',
    notDueTotal: 'Non échu',
    creditNotes: 'Avoirs',
    payments: 'Règlements non lettrés',
    payment: 'Règlement',
    unappliedCredits: 'Crédits non lettrés',
    unappliedCredit: 'Crédit non lettré',
    paymentsPartly: 'Règlements non lettrés ou partiellement lettrés',
    unappliedCreditsPartly: 'Crédits non lettrés ou partiellement lettrés',
    paymentPartly: (code: string) => `Règlement partiellement lettré (${code})`,
    creditPartly: (code: string) => `Avoir partiellement lettré (${code})`,
    unappliedCreditPartly: (code: string) => `Crédit partiellement lettré (${code})`,
    invoicePartly: (code: string) => `Partiellement lettrée (${code})`,
    credits: 'Avoirs et règlements',
    netDue: 'Net à payer',
    interestTotal: 'Pénalités de retard',
    feesTotal: 'Indemnités forfaitaires',
    claimed: 'Total réclamé',
    balance: 'Solde du compte',
    disputed: 'En litige',
    notDue: 'Non échue',
    promised: 'Paiement promis',
    credit: 'Avoir',
    disputedIntro:
      'Les factures suivantes font l’objet d’une réclamation en cours d’examen ; elles ne sont pas réclamées dans ce courrier :',
    disputedIntroOne:
      'La facture suivante fait l’objet d’une réclamation en cours d’examen ; elle n’est pas réclamée dans ce courrier :',
    collectionFile: (invoices: string, date: string) =>
      `Les autres factures de votre compte (${invoices}), transmises à notre service contentieux le ${date}, ne sont pas reprises dans ce courrier : leur recouvrement se poursuit.`,
  },
} as const;

const asksForIban = new WeakMap<LetterTemplate, boolean>();

/**
 * The template an account's letter takes, after the checks that refuse a letter before anything
 * is written: its template exists, a registered letter has an address to go to, a formal notice
 * someone to sign it (refused here too, for callers that did not set such accounts aside with
 * lettersReady), the sender's identity (and IBAN when the letter asks for a transfer) is filled
 * in. buildLetter starts with it; a preview that makes each letter when it is shown runs it over
 * every letter first, so it refuses what the other outputs refuse, as soon as they would.
 */
export function letterTemplateFor(account: AccountPlan, options: LetterOptions): LetterTemplate {
  const language = account.language ?? options.defaultLanguage;
  const statement = options.kind === 'statement';
  const stage = account.stage ?? account.targetStage;
  const source = findTemplate(options.templates, statement ? 'statement' : (stage?.id ?? 'first'), language);
  const owner = account.owner?.trim() ? account.owner : null;
  const noAddress = !statement && stage !== null && sentByPost(stage) && (account.address ?? '').trim() === '';
  const unsigned =
    !statement && stage !== null && isFormalNotice(stage) && owner === null && signatoryOf(options.company) === null;
  // Both at once when both are missing, so one correction does not reveal the other.
  if (noAddress && unsigned) fail('formalNoticeNoAddressUnsigned', { customer: account.customer });
  if (noAddress) fail('letterNoAddress', { stage: stage?.name[language] ?? '', customer: account.customer });
  if (unsigned) fail('formalNoticeUnsigned', { customer: account.customer });
  let iban = asksForIban.get(source);
  if (iban === undefined) {
    iban = `${source.subject}\n${source.body}`.includes('company_iban');
    asksForIban.set(source, iban);
  }
  checkCompanyForLetters(options.company, iban);
  return source;
}

/** Builds the letter for one account of a dunning plan. */
export function buildLetter(account: AccountPlan, options: LetterOptions): Letter {
  const language = account.language ?? options.defaultLanguage;
  const statement = options.kind === 'statement';
  const stage = account.stage ?? account.targetStage;
  const stageId = statement ? 'statement' : (stage?.id ?? 'first');
  const source = letterTemplateFor(account, options);
  const owner = account.owner?.trim() ? account.owner : null;
  const signatory = signatoryOf(options.company);
  const template = compileTemplate(source);
  const words = WORDS[language];
  const money = (minor: MinorUnits, currency = account.currency) => formatMoney(minor, currency, language);
  const date = (day: DayNumber) => formatLongDate(day, language);
  const lawGivesInterest = ['statutory', 'contractual', 'publicProcurement'].includes(account.law.basis.kind);
  const claimsInterest = !statement && (stage?.claimsInterest ?? false) && account.penaltyError === null && lawGivesInterest;
  const claimsFee = !statement && (stage?.claimsRecoveryFee ?? false) && account.feeTotals.length > 0;
  const netDue = Math.max(account.amountDue + account.creditsTotal, 0);
  const sameCurrencyFees = account.feeTotals
    .filter((fee) => fee.currency === account.currency)
    .reduce((sum, fee) => sum + fee.amount, 0);
  const totalClaimed = netDue + (claimsInterest ? account.interestTotal : 0) + (claimsFee ? sameCurrencyFees : 0);
  const feesText = account.feeTotals.map((fee) => money(fee.amount, fee.currency)).join(' + ') || money(0);
  const feeCount = claimsFee ? account.dunned.filter((dunned) => dunned.fee !== null && dunned.fee.amount > 0).length : 0;
  const rateText = claimsInterest ? interestRateText(account, options, language) : '';
  const otherCurrencyFees = claimsFee ? account.feeTotals.filter((fee) => fee.currency !== account.currency) : [];
  // One currency added up; fees in another currency listed beside it, in the table and the text alike.
  const totalClaimedText = money(totalClaimed) + otherCurrencyFees.map((fee) => ` + ${money(fee.amount, fee.currency)}`).join('');
  const oldest = account.dunned[0];
  // The statement's figures, from every open item as its table lists them: invoices (overdue or
  // not, disputed and promised included) less credits = balance.
  const open = openItems(account);
  const invoicesTotal = open.reduce((total, item) => (item.amount > 0 ? total + item.amount : total), 0);
  const overdueTotal = open.reduce(
    (total, item) => (item.amount > 0 && options.asOf - item.dueDay > 0 ? total + item.amount : total),
    0,
  );
  const creditsAmount = -open.reduce((total, item) => (item.amount < 0 ? total + item.amount : total), 0);
  const deadline = options.asOf + options.policy.paymentDeadlineDays;
  const company = options.company;

  const values: TemplateValues = {
    company: company.name,
    company_address: splitLines(company.address).join(', '),
    company_registration: company.registration,
    company_legal_form: company.legalForm,
    company_iban: company.iban,
    company_email: company.email,
    company_phone: company.phone,
    customer: account.customer,
    customer_code: account.dunned[0]?.item.customerCode ?? '',
    customer_address: splitLines(account.address ?? '').join(', '),
    owner: owner ?? signatory?.name ?? company.name,
    date: date(options.asOf),
    stage: stage?.name[language] ?? '',
    invoice_count: String(statement ? openItems(account).length : account.dunned.length),
    total_due: money(account.overdueAmount),
    amount_coming_due: money(statement ? 0 : account.amountDue),
    // In a sentence ("takes into account your credit notes … of 3,120.50") the credits read as
    // a positive sum; only the table keeps the ledger's sign.
    credits_total: money(-account.creditsTotal),
    net_due: money(netDue),
    balance: money(account.balance),
    invoices_total: money(invoicesTotal),
    overdue_total: money(overdueTotal),
    credits_amount: money(creditsAmount),
    balance_in_favour: money(Math.max(-account.balance, 0)),
    interest_rate: rateText,
    interest_total: money(claimsInterest ? account.interestTotal : 0),
    fees_total: feesText,
    fee_count: String(feeCount),
    // No interest paragraph at a stage that claims none; with a rate missing, the paragraph
    // still says what the law gives, without an amount.
    interest_clause:
      statement || !(stage?.claimsInterest ?? false)
        ? ''
        : interestClause(account.law.basis, language, {
            rate: rateText,
            total: claimsInterest ? money(account.interestTotal) : '',
            date: date(options.asOf),
          }),
    fee_clause: claimsFee
      ? feeClause(account.law.basis, account.law.jurisdiction, language, { total: feesText, count: feeCount })
      : '',
    total_claimed: totalClaimedText,
    deadline: date(deadline),
    deadline_days: String(options.policy.paymentDeadlineDays),
    oldest_due_date: oldest ? date(oldest.item.dueDay) : '',
    oldest_days_overdue: oldest ? String(oldest.daysOverdue) : '',
    // Only a reminder about the invoices this letter claims: never one of an older, paid cycle.
    last_reminder_date: account.lastReminder ? date(account.lastReminder.day) : '',
    last_reminder_stage: account.lastReminder ? account.lastReminder.stage.name[language] : '',
    broken_promise_date: account.brokenPromiseDay === null ? '' : date(account.brokenPromiseDay),
    invoice_table: TABLE_MARK,
    claims_interest: claimsInterest,
    claims_fee: claimsFee,
    has_credits: account.credits.length > 0,
    has_disputed: account.disputed.length > 0,
    has_overdue: overdueTotal > 0,
    is_credit_balance: account.balance < 0,
    has_broken_promise: account.brokenPromiseDay !== null,
    claims_penalties: claimsInterest || claimsFee,
    is_consumer: account.law.customerType === 'consumer',
    is_public_body: account.law.customerType === 'publicBody',
    // A public contract made by a public body is an administrative contract (Code de la commande
    // publique L6): payment is sought before the administrative judge, after a
    // prior claim (Code de justice administrative R421-1; CE 23 septembre 2019 n° 427923 applies
    // it to the référé-provision), by a référé-provision (CJA R541-1: a provision "lorsque
    // l'existence de l'obligation n'est pas sérieusement contestable"); the injonction de payer
    // (Code de procédure civile 1405 ff.) is a civil-court procedure, not open for a public
    // contract's price.
    is_french_public_body: account.law.basis.kind === 'publicProcurement',
    // Without either, {{owner}} falls back to the company's name: the letters then say "us"
    // rather than naming the sender in the third person.
    has_owner: owner !== null || signatory !== null,
    has_last_reminder: account.lastReminder !== null,
    single_invoice: (statement ? openItems(account).length : account.dunned.length) === 1,
  };
  // Values are data: a NUL in a customer name must not be taken for the table's place.
  for (const key of Object.keys(values) as Array<keyof TemplateValues>) {
    const value = values[key];
    if (typeof value === 'string' && key !== 'invoice_table' && value.includes(NUL)) values[key] = value.split(NUL).join('');
  }

  const table = statement
    ? statementTable(account, options.asOf, language, options.paymentPrefixes)
    : reminderTable(account, { claimsInterest, claimsFee, netDue, totalClaimedText, feesText, money, language });
  const blocks: LetterBlock[] = [];
  for (const paragraph of template.body(values).split(/\n[ \t]*\n/)) {
    const parts = paragraph.split(TABLE_MARK);
    parts.forEach((part, index) => {
      if (index > 0) blocks.push({ kind: 'table', table });
      const text = part.trim();
      if (text !== '') blocks.push({ kind: 'paragraph', text });
    });
  }
  // Invoices already with the collection department are named, never claimed again.
  if (!statement && account.collectionFile !== null) {
    const at = blocks.findIndex((block) => block.kind === 'table');
    const text = words.collectionFile(
      account.collectionFile.items.map((item) => item.invoiceNumber).join(', '),
      date(account.collectionFile.day),
    );
    blocks.splice(at < 0 ? blocks.length : at + 1, 0, { kind: 'paragraph', text });
  }
  if (!statement && account.disputed.length > 0) {
    const at = blocks.findIndex((block) => block.kind === 'table');
    const disputedBlocks: LetterBlock[] = [
      { kind: 'paragraph', text: account.disputed.length === 1 ? words.disputedIntroOne : words.disputedIntro },
      { kind: 'table', table: disputedTable(account, language) },
    ];
    // bounded: the two blocks above
    blocks.splice(at < 0 ? blocks.length : at + 1, 0, ...disputedBlocks);
  }

  return {
    customer: account.customer,
    currency: account.currency,
    language,
    stageId,
    stageName: statement ? template.subject(values) : (stage?.name[language] ?? ''),
    email: account.email,
    owner: account.owner,
    sender: { name: company.name, lines: senderLines(company) },
    recipient: { name: account.customer, lines: splitLines(account.address ?? '') },
    day: options.asOf,
    placeAndDate:
      company.city === ''
        ? date(options.asOf)
        : language === 'fr'
          ? `${company.city}, le ${date(options.asOf)}`
          : `${company.city}, ${date(options.asOf)}`,
    subject: template
      .subject(values)
      .replace(/[ \t\r\n]+/g, ' ')
      .trim(),
    blocks,
    signature: (owner !== null ? [owner, company.name] : [signatory?.name ?? '', signatory?.title ?? '', company.name]).filter(
      (line) => line !== '',
    ),
    invoiceNumbers: (statement ? openItems(account) : account.dunned.map((d) => d.item)).map((item) => item.invoiceNumber),
    amountDue: account.amountDue,
    totalClaimed,
  };
}

/** The sender block: legal identity first, then the address and contacts. */
export function senderLines(company: CompanyDetails): string[] {
  const identity = [company.legalForm, company.registration].map((part) => part.trim()).filter((part) => part !== '');
  return [
    ...(identity.length > 0 ? [identity.join(' — ')] : []),
    ...splitLines(company.address),
    ...[company.phone, company.email].filter((x) => x !== ''),
  ];
}

/** An address cell as letter lines: its own line breaks, else one line per comma. */
export function splitLines(text: string): string[] {
  return text
    .split(text.includes('\n') ? /\r?\n/ : /,/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function openItems(account: AccountPlan): LedgerItem[] {
  return [
    ...account.dunned.map((d) => d.item),
    ...(account.collectionFile?.items ?? []),
    ...account.notDue,
    ...account.promised,
    ...account.disputed,
    ...account.credits,
  ].sort((a, b) => a.dueDay - b.dueDay);
}

interface TableContext {
  readonly claimsInterest: boolean;
  readonly claimsFee: boolean;
  readonly netDue: MinorUnits;
  readonly totalClaimedText: string;
  readonly feesText: string;
  readonly money: (minor: MinorUnits, currency?: string) => string;
  readonly language: Language;
}

function reminderTable(account: AccountPlan, context: TableContext): LetterTable {
  const words = WORDS[context.language];
  const { money, claimsInterest, claimsFee } = context;
  const partlyPaid = someoneShowsPaid(account.dunned.map((dunned) => dunned.item));
  const headers: string[] = [
    words.invoice,
    words.invoiceDate,
    words.dueDate,
    words.daysOverdue,
    ...amountHeaders(words, partlyPaid),
  ];
  // Where credits were set against an invoice, its interest runs on what is still owed: show
  // that amount beside the invoice's, so owed × rate × days can be checked on every line.
  const showOwed = account.dunned.some((dunned) => dunned.owed !== dunned.item.amount);
  if (showOwed) headers.push(words.owed);
  if (claimsInterest) headers.push(words.interest);
  if (claimsFee) headers.push(words.fee);
  const row = (dunned: DunnedItem): string[] => {
    const item = dunned.item;
    const cells = [
      item.invoiceNumber,
      item.invoiceDay === null ? '' : formatShortDate(item.invoiceDay),
      formatShortDate(item.dueDay),
      dunned.daysOverdue > 0 ? String(dunned.daysOverdue) : '',
      ...amountCells(item, partlyPaid, money),
    ];
    if (showOwed) cells.push(money(dunned.owed));
    if (claimsInterest) cells.push(money(dunned.interest));
    if (claimsFee) cells.push(dunned.fee ? money(dunned.fee.amount, dunned.fee.currency) : '');
    return cells;
  };
  const creditRow = (item: LedgerItem): string[] => {
    const cells = [
      item.invoiceNumber,
      item.invoiceDay === null ? '' : formatShortDate(item.invoiceDay),
      formatShortDate(item.dueDay),
      '',
      ...amountCells(item, partlyPaid, money),
    ];
    if (showOwed) cells.push('');
    if (claimsInterest) cells.push('');
    if (claimsFee) cells.push('');
    return cells;
  };
  // A courtesy reminder is about invoices not yet due: its total is what comes due, never "overdue".
  const courtesy = account.dunned.every((dunned) => dunned.daysOverdue <= 0);
  const totals: Array<[string, string]> = [[courtesy ? words.comingDue : words.total, money(account.amountDue)]];
  if (account.credits.length > 0) {
    totals.push([words.credits, money(account.creditsTotal)]);
    totals.push([words.netDue, money(context.netDue)]);
  }
  if (claimsInterest) totals.push([words.interestTotal, money(account.interestTotal)]);
  if (claimsFee) totals.push([words.feesTotal, context.feesText]);
  if (claimsInterest || claimsFee) totals.push([words.claimed, context.totalClaimedText]);
  return {
    headers,
    numeric: headers.map((_, index) => index >= 3),
    rows: [...account.dunned.map(row), ...account.credits.map(creditRow)],
    totals,
  };
}

/** An invoice the ledger shows partly paid: its full amount is known and more than what is still owed. */
function partlyPaid(item: LedgerItem): boolean {
  return item.amount > 0 && item.invoiceAmount !== null && item.invoiceAmount !== item.amount;
}

function someoneShowsPaid(items: readonly LedgerItem[]): boolean {
  return items.some(partlyPaid);
}

/**
 * The amount columns: what is still owed on each invoice ("Reste dû", the ledger's open amount),
 * and, when one of them was partly paid, first its full amount and what was paid on it, as a
 * credit manager lists them in a reminder (montant TTC, déjà réglé, reste dû): a 12,000 €
 * invoice with 7,000 € paid never reads as a 7,000 € invoice.
 */
function amountHeaders(words: (typeof WORDS)[Language], withPaid: boolean): string[] {
  return withPaid ? [words.invoiceAmount, words.paid, words.amountDue] : [words.amountDue];
}

function amountCells(item: LedgerItem, withPaid: boolean, money: (minor: MinorUnits) => string): string[] {
  if (!withPaid) return [money(item.amount)];
  if (!partlyPaid(item)) return [money(item.invoiceAmount ?? item.amount), '', money(item.amount)];
  const full = item.invoiceAmount as MinorUnits;
  return [money(full), money(full - item.amount), money(item.amount)];
}

function disputedTable(account: AccountPlan, language: Language): LetterTable {
  const words = WORDS[language];
  return {
    headers: [words.invoice, words.dueDate, words.amountDue, words.status],
    numeric: [false, false, true, false],
    rows: account.disputed.map((item) => [
      item.invoiceNumber,
      formatShortDate(item.dueDay),
      formatMoney(item.amount, item.currency, language),
      item.disputeReason ?? words.disputed,
    ]),
    totals: [],
  };
}

/**
 * Every open item, then the account in lines that add up: overdue + not yet due + credit notes
 * + unapplied payments = balance. A payment is not a credit note (creditKind).
 */
function statementTable(
  account: AccountPlan,
  asOf: DayNumber,
  language: Language,
  paymentPrefixes: readonly string[] | undefined,
): LetterTable {
  const words = WORDS[language];
  const money = (minor: MinorUnits) => formatMoney(minor, account.currency, language);
  const kind = (item: LedgerItem) => creditKind(item, paymentPrefixes);
  // A line carrying a partial lettrage is partly matched, not unmatched: the statement says so
  // (Sage, EBP, Quadra write it in lower case, "ab"; the ledger reader keeps such lines open).
  const partialCode = (item: LedgerItem): string | null => {
    const code = item.partialMatchCode ?? null;
    return code === null || code.trim() === '' ? null : code.trim();
  };
  const status = (item: LedgerItem): string => {
    const partial = partialCode(item);
    if (item.amount < 0) {
      const k = kind(item);
      if (partial !== null)
        return k === 'payment'
          ? words.paymentPartly(partial)
          : k === 'creditNote'
            ? words.creditPartly(partial)
            : words.unappliedCreditPartly(partial);
      return k === 'payment' ? words.payment : k === 'creditNote' ? words.credit : words.unappliedCredit;
    }
    const own = item.disputed
      ? words.disputed
      : item.promiseDay !== null && item.promiseDay >= asOf
        ? `${words.promised} (${formatShortDate(item.promiseDay)})`
        : asOf - item.dueDay > 0
          ? ''
          : words.notDue;
    if (partial === null) return own;
    return own === '' ? words.invoicePartly(partial) : `${own} · ${words.invoicePartly(partial).toLowerCase()}`;
  };
  const items = openItems(account);
  let overdue = 0;
  let notDue = 0;
  let creditNotes = 0;
  let payments = 0;
  let unknown = 0;
  let paymentsPartly = false;
  let unknownPartly = false;
  for (const item of items) {
    if (item.amount < 0) {
      const k = kind(item);
      const partly = partialCode(item) !== null;
      if (k === 'payment') {
        payments += item.amount;
        paymentsPartly ||= partly;
      } else if (k === 'creditNote') creditNotes += item.amount;
      else {
        unknown += item.amount;
        unknownPartly ||= partly;
      }
    } else if (asOf - item.dueDay > 0) overdue += item.amount;
    else notDue += item.amount;
  }
  const totals: Array<[string, string]> = [[words.total, money(overdue)]];
  totals.push([words.notDueTotal, money(notDue)]);
  if (creditNotes !== 0) totals.push([words.creditNotes, money(creditNotes)]);
  // "Unapplied" only when every line it adds is: a partly matched one is named with them.
  if (payments !== 0) totals.push([paymentsPartly ? words.paymentsPartly : words.payments, money(payments)]);
  if (unknown !== 0) totals.push([unknownPartly ? words.unappliedCreditsPartly : words.unappliedCredits, money(unknown)]);
  totals.push([words.balance, money(overdue + notDue + creditNotes + payments + unknown)]);
  const partlyPaid = someoneShowsPaid(items);
  const amounts = amountHeaders(words, partlyPaid);
  return {
    headers: [words.invoice, words.invoiceDate, words.dueDate, words.daysOverdue, ...amounts, words.status],
    numeric: [false, false, false, true, ...amounts.map(() => true), false],
    rows: items.map((item) => [
      item.invoiceNumber,
      item.invoiceDay === null ? '' : formatShortDate(item.invoiceDay),
      formatShortDate(item.dueDay),
      item.amount > 0 && asOf - item.dueDay > 0 ? String(asOf - item.dueDay) : '',
      ...amountCells(item, partlyPaid, money),
      status(item),
    ]),
    totals,
  };
}

/**
 * The rates the interest was computed at. Under a law whose rate moves each half-year (L441-10,
 * BGB, the directive), each half-year the interest ran in with its rate: "12,40 % au 2e semestre
 * 2026". Under a law that fixes one rate per invoice for the whole delay (French public bodies,
 * the UK), one rate per group of invoices sharing it, never a per-half-year table.
 */
export function interestRateText(account: AccountPlan, options: LetterOptions, language: Language): string {
  const percent = (rate: Decimal) => {
    const text = rate.mul(100).toFixed(2);
    return language === 'fr' ? `${text.replace('.', ',')}\u00a0%` : `${text}%`;
  };
  const halfYear = (text: string) =>
    language === 'fr'
      ? `au ${text.endsWith('H1') ? '1er' : '2e'} semestre ${text.slice(0, 4)}`
      : `in ${text.endsWith('H1') ? 'H1' : 'H2'} ${text.slice(0, 4)}`;
  const basis = account.law.basis;
  if (basis.kind === 'contractual') return percent(basis.rate);
  if (basis.kind === 'publicProcurement')
    return fixedRatesText(account, options, language, percent, (group) => publicBodySince(group, language, halfYear));
  if (basis.kind === 'statutory' && basis.jurisdiction === 'UK')
    return fixedRatesText(account, options, language, percent, (group) => ukReference(group, language));
  const rates = new Map<string, string>();
  // An invoice's periods depend on its due date only (any amount above zero; none at or below
  // it): each due date is worked out once, not once per invoice (most letters share a month end).
  const dueDaysDone = new Set<number>();
  for (const dunned of account.dunned) {
    if (dunned.daysOverdue <= 0 || dunned.item.amount <= 0 || dueDaysDone.has(dunned.item.dueDay)) continue;
    dueDaysDone.add(dunned.item.dueDay);
    const periods = itemInterest(account.law, dunned.item.amount, dunned.item.dueDay, options.asOf, options.policy).periods;
    for (const period of periods)
      rates.set(`${period.halfYear} ${period.rate}`, `${percent(period.rate)} ${halfYear(period.halfYear)}`);
  }
  return [...rates.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, text]) => text)
    .join(language === 'fr' ? ' ; ' : '; ');
}

/** Invoices whose interest runs at one rate fixed for the whole delay, keyed by the half-year that fixed it. */
interface FixedRateGroup {
  readonly rate: Decimal;
  /** The half-year in which these invoices' interest began to run: "2026-H2". */
  readonly halfYear: string;
  readonly invoices: string[];
}

/**
 * A public body's rate: Code de la commande publique R2192-31 fixes it, for the whole delay, at
 * the ECB rate in force on the first day of the half-year in which that invoice's interest began
 * to run, plus eight points. Fr: « 10,15 % pour la facture F-1, dont les intérêts courent depuis
 * le 1er semestre 2026 ».
 */
function publicBodySince(group: FixedRateGroup, language: Language, halfYear: (text: string) => string): string {
  const since = halfYear(group.halfYear);
  return language === 'fr'
    ? `dont les intérêts courent depuis le ${since.replace(/^au /, '')}`
    : `whose interest has run since ${since.replace(/^in /, '')}`;
}

/**
 * The UK's rate: Late Payment of Commercial Debts (Interest) Act 1998 s.4(2), interest "starts to
 * run on the day after the relevant day … at the rate prevailing under section 6 at the end of the
 * relevant day"; the Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002 (SI
 * 2002/1675) art. 4 sets it at 8 per cent over the Bank of England's official dealing rate in
 * force on 31 December (interest starting to run from 1 January to 30 June) or 30 June (from
 * 1 July to 31 December) immediately before the interest starts to run, and it stays so for the
 * life of the debt. The letter names that reference date: "11.75% for invoice F1, set by the base rate on 30 June 2026".
 */
function ukReference(group: FixedRateGroup, language: Language): string {
  const year = Number(group.halfYear.slice(0, 4));
  const reference = group.halfYear.endsWith('H1') ? dayFromCalendar(year - 1, 12, 31) : dayFromCalendar(year, 6, 30);
  return language === 'fr'
    ? `taux fixé par le taux de base du ${formatLongDate(reference, 'fr')}`
    : `set by the base rate on ${formatLongDate(reference, 'en')}`;
}

/**
 * One rate per invoice, fixed for the whole delay: two invoices may carry two rates at once, so
 * the letter says which applies to which (invoices sharing one are listed together), never a
 * rate per half-year as if it changed along the way. Fr: « 10,15 % pour la facture F-1, dont …
 * ; 10,40 % pour les factures F-2 et F-3, dont … ».
 */
function fixedRatesText(
  account: AccountPlan,
  options: LetterOptions,
  language: Language,
  percent: (rate: Decimal) => string,
  describe: (group: FixedRateGroup) => string,
): string {
  const groups = new Map<string, FixedRateGroup>();
  const startByDueDay = new Map<number, { rate: Decimal; halfYear: string } | null>();
  for (const dunned of account.dunned) {
    if (dunned.daysOverdue <= 0 || dunned.item.amount <= 0) continue;
    let start = startByDueDay.get(dunned.item.dueDay);
    if (start === undefined) {
      const [first] = itemInterest(account.law, dunned.item.amount, dunned.item.dueDay, options.asOf, options.policy).periods;
      start = first ? { rate: first.rate, halfYear: first.halfYear } : null;
      startByDueDay.set(dunned.item.dueDay, start);
    }
    if (start === null) continue;
    const key = `${start.halfYear} ${start.rate}`;
    const group = groups.get(key) ?? { ...start, invoices: [] };
    group.invoices.push(dunned.item.invoiceNumber);
    groups.set(key, group);
  }
  const fr = language === 'fr';
  const list = (numbers: readonly string[]) =>
    numbers.length === 1
      ? numbers.join('')
      : `${numbers.slice(0, -1).join(', ')} ${fr ? 'et' : 'and'} ${numbers[numbers.length - 1]}`;
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => {
      const invoices = list(group.invoices);
      const one = group.invoices.length === 1;
      return fr
        ? `${percent(group.rate)} pour ${one ? 'la facture' : 'les factures'} ${invoices}, ${describe(group)}`
        : `${percent(group.rate)} for ${one ? 'invoice' : 'invoices'} ${invoices}, ${describe(group)}`;
    })
    .join(fr ? ' ; ' : '; ');
}
