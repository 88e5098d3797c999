// Every text of the pane, in English and French, in one table; numbers, dates and plurals in
// the pane's language through Intl (French shows 47,9 and "1 ligne"), names sorted the way a
// reader of that language expects (accented names among the others, not after Z).

import type { Language } from '../primitives/messages';
import { formatMoney, type MinorUnits } from '../primitives/money';

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };
const MS_PER_DAY = 86_400_000;

/** Intl in the pane's language. */
export class Formats {
  readonly locale: string;
  private readonly plurals: Intl.PluralRules;
  private readonly integers: Intl.NumberFormat;
  private readonly decimals: Intl.NumberFormat;
  private readonly percents: Intl.NumberFormat;
  private readonly longDates: Intl.DateTimeFormat;
  private readonly shortDates: Intl.DateTimeFormat;
  private readonly collator: Intl.Collator;

  constructor(readonly language: Language) {
    this.locale = LOCALES[language];
    this.plurals = new Intl.PluralRules(this.locale);
    this.integers = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    this.decimals = new Intl.NumberFormat(this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.percents = new Intl.NumberFormat(this.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    // Days are calendar dates with no zone: shown in UTC so no zone moves them.
    this.longDates = new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    this.shortDates = new Intl.DateTimeFormat(this.locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    this.collator = new Intl.Collator(this.locale, { sensitivity: 'base', numeric: true });
  }

  /** "1 row" / "2 rows": the language's own plural rule picks the form. */
  plural(count: number, one: string, other: string): string {
    return (this.plurals.select(count) === 'one' ? one : other).replace('#', this.integer(count));
  }
  integer(value: number): string {
    return this.integers.format(value);
  }
  /** One decimal: 47.9 in English, 47,9 in French. */
  decimal(value: number): string {
    return this.decimals.format(value);
  }
  percent(fraction: number): string {
    return this.percents.format(fraction);
  }
  money(minor: MinorUnits, currency: string): string {
    return formatMoney(minor, currency, this.language);
  }
  longDate(day: number): string {
    return this.longDates.format(day * MS_PER_DAY);
  }
  shortDate(day: number): string {
    return this.shortDates.format(day * MS_PER_DAY);
  }
  /** Compares names as the language sorts them ("Électricité" with the Es). */
  readonly compare = (a: string, b: string): number => this.collator.compare(a, b);
}

function english(f: Formats) {
  return {
    appTitle: 'AgeBucket',
    labelLanguage: 'Language',
    tabAgeing: 'Ageing',
    tabDunning: 'Dunning',
    tabSettings: 'Settings',
    working: 'Working…',
    progress: (done: number, total: number) => `Working… ${f.integer(done)} / ${f.integer(total)}`,
    error: 'Something went wrong',
    // Preview and starting
    preview: 'Preview: a workbook in your browser with a sample ledger. Load your own .xlsx or .csv below.',
    loadFile: 'Load a .xlsx or .csv',
    importTitle: 'Import from accounting software',
    importHelp:
      'A ledger exported from your accounting software (.csv, .txt, .tsv, .xlsx) or a FEC: its open items go to a new sheet, which becomes the ledger. No sheet of yours is changed.',
    importFile: 'File to import',
    importTerms: 'Payment terms for files without due dates (a FEC has none)',
    importSide: 'In a FEC, read',
    importCustomers: 'the customer accounts (411)',
    importSuppliers: 'the supplier accounts (401)',
    imported: (sheet: string, items: number) =>
      `${f.plural(items, '# open item', '# open items')} imported to the new sheet ${sheet}`,
    importedPaid: (sheet: string, invoices: number) =>
      `; ${f.plural(invoices, '# paid invoice', '# paid invoices')} to the new sheet ${sheet}, now the cash-in forecast’s Sheet of paid invoices`,
    headerRow: 'Header row (empty: found)',
    partialMatch: 'Matching codes in lower case or with * are partial matches (their lines stay open)',
    officeSilent: (seconds: number) =>
      `Office did not answer within ${f.integer(seconds)} seconds: this is Preview, on a sample workbook. Close and reopen the pane to try Excel again.`,
    settingsDamaged: 'Settings',
    resetSettings: 'Reset the settings',
    settingsReset: 'The settings are back to their defaults and saved in this workbook.',
    // Ledger and columns
    ledger: 'Ledger',
    detect: 'Find the ledger',
    detected: (description: string, rows: number) => `${description}: ${f.plural(rows, '# row', '# rows')}`,
    mapping: 'Columns',
    mappingHelp: 'Check which column holds what; change any that is wrong.',
    notMapped: '(none)',
    missing: (roles: string) => `Still needed: ${roles}`,
    monthFirst: 'Dates in this column are month-first (1/2/2024 = 2 January)',
    readSummary: (items: number, rows: number) => `${f.integer(items)} of ${f.plural(rows, '# row', '# rows')} read`,
    blank: (count: number) => f.plural(count, '# blank row', '# blank rows'),
    skipped: (count: number) => f.plural(count, '# row skipped', '# rows skipped'),
    row: (row: number) => `row ${f.integer(row)}`,
    import: 'Import',
    // Ageing
    ageing: 'Ageing',
    asOf: 'As-of date',
    followToday: 'Follow today (colours update every day)',
    boundaries: 'Buckets (last day of each, ascending)',
    basis: 'Age by',
    basisDue: 'due date',
    basisInvoice: 'invoice date',
    colour: 'Colour overdue rows',
    removeColours: 'Remove colours',
    agedBalance: 'Aged balance sheet',
    legend: 'Legend',
    disputed: 'Disputed',
    coloured: (rules: number, sheet: string) => `${f.plural(rules, '# colour rule', '# colour rules')} on ${sheet}`,
    removed: (count: number) =>
      `${f.plural(count, '# AgeBucket rule removed', '# AgeBucket rules removed')}; your own rules are untouched`,
    written: (sheet: string) => `Written to the new sheet "${sheet}"`,
    // Payment delays (D441-6)
    delaysOptions: 'The year, the terms and the figures',
    delaysClosingDate: 'Closing date of the year',
    delaysYearStart: 'First day of the year (empty: twelve months)',
    delaysSection: 'Section',
    delaysSectionI: 'I: unpaid at the closing date',
    delaysSectionII: 'II: paid late during the year',
    delaysTerms: 'Reference terms',
    delaysContractual: 'contractual terms',
    delaysLegal60: 'legal: 60 days after invoice',
    delaysLegal45: 'legal: 45 days end of month',
    delaysAmountBasis: 'Amounts counted',
    delaysBaseBasis: 'Turnover and purchases',
    ht: 'excluding VAT (HT)',
    ttc: 'including VAT (TTC)',
    delaysTurnover: 'Turnover of the year',
    delaysPurchases: 'Purchases of the year',
    delaysSupplierSheet: 'Supplier ledger (invoices received)',
    delaysNoSupplier: '(none)',
    delaysFecTurnover: (file: string, from: number, to: number) =>
      `Taken from the FEC "${file}": class 70, entries from ${f.shortDate(from)} to ${f.shortDate(to)}, excluding tax. Type another figure to replace it.`,
    delaysFecPurchases: (file: string, from: number, to: number) =>
      `Taken from the FEC "${file}": classes 60 to 62 without the stock variations (603), entries from ${f.shortDate(from)} to ${f.shortDate(to)}, excluding tax. Type another figure to replace it.`,
    delaysFecTyped: (file: string, figure: string) =>
      `Typed by you; the FEC "${file}" gives ${figure} (empty the field to use it).`,
    delaysFecClosing: (file: string, fromName: boolean) =>
      `The closing date of the FEC "${file}" (${fromName ? 'from its name' : 'its last entry'}), set at its import. Type another date to change it.`,
    // A FEC has no due date field (LPF art. A47 A-1): "contractual" would count from the import's guess.
    delaysFecTermsAssumed: (file: string) =>
      `The FEC "${file}" carries no due dates: with contractual terms, the delays are counted from the due dates assumed at import. The legal terms (Commercial Code art. L441-10) need only the invoice date.`,
    delaysUseLegal60: 'Count from the legal terms: 60 days from the invoice date',
    delaysSkipped: (count: number) => f.plural(count, '# ledger row not counted', '# ledger rows not counted'),
    delaysSkippedWhere: (side: 'issued' | 'received', sheet: string, row: number) =>
      `${side === 'issued' ? 'Customer ledger' : 'Supplier ledger'} ${sheet}, row ${f.integer(row)}`,
    delaysSkippedMore: (count: number) => `… and ${f.plural(count, '# more row', '# more rows')}.`,
    importedSuppliers: (sheet: string, items: number, ledger: string) =>
      `${f.plural(items, '# supplier open item', '# supplier open items')} imported to the new sheet ${sheet}, now the payment-delays table's supplier ledger; the customer ledger is still ${ledger}`,
    // Expected cash-in
    cashIn: 'Expected cash-in',
    cashInHelp:
      'When customers will really pay, learnt from their paid invoices: the paid dates of the ledger’s settled lines, and a sheet of paid invoices if you name one.',
    cashInHistorySheet: 'Sheet of paid invoices (empty: the ledger’s paid dates only)',
    cashInSheet: 'Expected cash-in sheet',
    thisWeek: 'This week',
    nextWeek: 'Next week',
    cashInByDueDates: (amount: string) => `by due dates: ${amount}`,
    cashInNoForecast: 'No forecast',
    cashInBeyondHistory: (currencies: string) =>
      `No forecast in ${currencies}: every open invoice is already later than any invoice paid so far, so the payers’ habits say nothing of them (the sheet puts them under Not forecast). The amounts are what the due dates say.`,
    // At a glance
    kpis: 'At a glance',
    total: 'Open',
    overdue: 'Overdue',
    overdueShare: 'Overdue share',
    weightedDays: 'Weighted days overdue',
    expectedLoss: 'Expected loss',
    dso: 'DSO',
    topAccounts: 'Most overdue accounts',
    curveNote: 'Expected loss: rule of thumb attributed to a 2004 Commercial Collection Agency Association survey.',
    // Settings
    company: 'Your company (for letters)',
    sampleSenderNote: (firm: string) =>
      `The sample ledger’s letters are signed by its fictional firm, ${firm}, in every field left empty here. Letters from your own ledger are signed only by what you type here, and refused while the name or address is empty.`,
    companyName: 'Name',
    companyAddress: 'Address',
    companyLegalForm: 'Legal form and capital',
    companyRegistration: 'Registration (SIREN, RCS)',
    companyIban: 'IBAN',
    companyEmail: 'Email',
    companyPhone: 'Phone',
    companyCity: 'City (letters are dated from it)',
    companySignatoryName: 'Signatory (signs formal notices of accounts without an owner)',
    companySignatoryTitle: 'Signatory’s title (e.g. Chief Financial Officer)',
    paymentPrefixes:
      'Payment numbers start with (a negative line without a document type: payment if its label or number says so, credit note likewise, else “unapplied credit”)',
    workbook: 'This workbook',
    defaultCurrency: 'Currency when none is given',
    date1904: 'This workbook uses the 1904 date system (old Mac workbooks)',
    sales: 'Sales of the period, for DSO (per currency, e.g. EUR 1200000; USD 50000)',
    periodDays: 'Days in the period',
    save: 'Save settings',
    saved: 'Settings saved in this workbook',
    // The plan
    planFor: (date: string) => `Dunning plan as of ${date}`,
    build: 'Build the plan',
    toChase: (n: number) => f.plural(n, '# account to chase', '# accounts to chase'),
    excluded: (n: number) => f.plural(n, '# account with no action today', '# accounts with no action today'),
    owner: 'Owner',
    stage: 'Stage',
    currency: 'Currency',
    all: 'All',
    customer: 'Customer',
    due: 'Overdue',
    oldest: 'Oldest',
    claims: 'Interest + fees',
    reason: 'Reason',
    days: (n: number) => `${f.integer(n)} d`,
    dueIn: (n: number) => (n === 0 ? 'due today' : `due in ${f.integer(n)} d`),
    penaltiesMissing: (n: number, reasons: string) =>
      `Interest is not claimed for ${f.plural(n, '# account', '# accounts')} (the recovery fees still are): ${reasons}.`,
    noPlan: 'Build the plan first.',
    // Disputes
    disputes: 'Disputes',
    // Letters
    templates: 'Templates',
    openTemplates: 'Templates sheet',
    templatesCreated: (name: string) => `The templates are in the sheet "${name}": edit the texts there`,
    templatesOk: (n: number) => `${f.plural(n, '# template', '# templates')} checked: every placeholder is known`,
    letters: 'Letters',
    previewLetters: 'Preview',
    // The preview shows one letter at a time.
    letterOf: (n: number, total: number) => `Letter ${f.integer(n)} of ${f.integer(total)}`,
    previousLetter: '‹ Previous',
    nextLetter: 'Next ›',
    findLetter: 'Find a customer’s letter',
    matchOf: (n: number, total: number) => `match ${f.integer(n)} of ${f.integer(total)}`,
    matches: (n: number) => f.plural(n, '# match', '# matches'),
    noLetterFor: (typed: string) => `no letter for “${typed}”`,
    letterNotMade: (customer: string, why: string) => `The letter to ${customer} cannot be made: ${why}`,
    docx: 'Word file (.docx)',
    sheet: 'Letters sheet',
    email: 'Email drafts',
    googleDoc: 'Google Doc',
    selected: (n: number) => `${f.integer(n)} selected`,
    kind: 'Letters to make',
    reminders: 'Reminders (the plan’s stage)',
    statements: 'Statements of account',
    docxDone: (n: number, name: string) =>
      `${f.plural(n, '# letter', '# letters')} in ${name}; ${f.plural(n, '# row', '# rows')} added to the dunning log`,
    docxBlocked:
      'This version of Excel cannot save a file from the pane: use "Letters sheet" instead, then print it or save it as PDF.',
    sheetDone: (n: number, name: string) =>
      `${f.plural(n, '# letter', '# letters')} written to the sheet "${name}"; the dunning log has them`,
    emailDone: (n: number) =>
      `${f.plural(n, '# email draft', '# email drafts')} below: open each in your mail program (link or .eml file), send it, then mark it as sent to log it`,
    eml: 'Draft (.eml)',
    attachDocx: 'Attach the letter as .docx',
    emlDone: (name: string) => `${name}: open it in Outlook, Apple Mail or Thunderbird, send it, then mark it as sent`,
    emlBlocked: 'This version of Excel cannot save a file from the pane: use the email link, or the .docx in Excel on the web.',
    markSent: 'Mark as sent',
    markAllSent: 'Mark all as sent',
    sent: 'sent, logged',
    markedSent: (n: number) => `${f.plural(n, '# email marked as sent', '# emails marked as sent')}; the dunning log has them`,
    noEmail: 'no email address',
    tooLong: 'too long for an email link: send the .docx instead',
    byPost: (stage: string) =>
      `${stage}: goes by registered post — print it from the Word file or the letters sheet; no email draft`,
    byPostSkipped: (n: number) =>
      `${f.plural(n, '# letter goes', '# letters go')} by registered post and got no email draft: print them from the Word file or the letters sheet`,
    already: (n: number, date: string) =>
      `${f.integer(n)} of these letters ${n === 1 ? 'was' : 'were'} already logged on ${date}. Log them again?`,
    yes: 'Yes, log again',
    no: 'No',
    skippedDuplicates: 'Nothing generated: these letters were already logged today.',
    openDoc: 'Open the letters in Google Docs',
    docDone: (n: number, title: string) =>
      `${f.plural(n, '# letter', '# letters')} in the Google Doc "${title}"; the dunning log has them`,
    gmailDone: (n: number) => `${f.plural(n, '# Gmail draft', '# Gmail drafts')} created; the dunning log has them`,
    stoppedAt: (done: number, total: number, why: string, rest: string) =>
      `Stopped after ${f.integer(done)} of ${f.integer(total)}: ${why.replace(/\.$/, '')}. Only those ${f.integer(done)} are in the dunning log; not done: ${rest}. Run it again tomorrow for the rest.`,
    docxName: (date: string) => `Reminders ${date}.docx`,
    docTitle: (date: string) => `Reminders ${date}`,
    lettersSheetName: (date: string) => `Letters ${date}`,
    // Call list
    callList: 'Call list',
    noCalls: 'No account is at the phone stage today.',
    moreCalls: (next: number, left: number) =>
      `${f.plural(next, 'Show the next call', 'Show the next # calls')} (${f.plural(left, '# not shown yet', '# not shown yet')})`,
    phone: 'Phone',
    promise: 'Promise to pay',
    promiseDate: 'Promised for',
    dispute: 'Dispute',
    disputeReason: 'Reason',
    noAnswer: 'No answer',
    logged: (customer: string) => `Logged for ${customer}`,
    loggedToday: (outcomes: string) => `Already logged today: ${outcomes}`,
    disputeInvoices: 'Disputed invoice(s)',
    unreadableLog: (n: number) =>
      `${f.plural(n, '# row of the dunning log cannot be read', '# rows of the dunning log cannot be read')}; the accounts they might concern are held for review until they are corrected:`,
    openDisputes: (n: number) => `${f.plural(n, '# open dispute', '# open disputes')}, oldest first`,
    invoices: 'Invoices',
    headerMissing: (header: string) =>
      `The dunning log has lost its header row: insert a row at the top with ${header}. Its rows are read meanwhile.`,
    sinceLabel: 'Since',
    age: 'Age',
    undated: 'date not recorded',
    disputeResolved: 'Dispute resolved',
    resolvedDone: (customer: string, invoices: string) => `Dispute resolved for ${customer} (${invoices}); back in the dunning`,
    // Policy
    policy: 'Policy',
    policyHelp: 'The stages an overdue account climbs, one at a time. Changes are checked, then saved in this workbook.',
    stageN: (n: number) => `Stage ${f.integer(n)}`,
    from: 'From day',
    nameEn: 'Name (en)',
    nameFr: 'Name (fr)',
    channelEn: 'Channel (en)',
    channelFr: 'Channel (fr)',
    interest: 'Claims interest',
    fee: 'Claims recovery fee',
    phoneCall: 'Phone call',
    refersTo: 'Its letter says this earlier stage was sent (the plan sends that one first if the log lacks it)',
    refersToNone: 'none',
    addStage: 'Add a stage',
    removeStage: 'Remove',
    interval: 'Days between two reminders',
    minimum: 'Minimum amount to chase',
    jurisdiction: 'Penalties under',
    none: 'None',
    rate: 'Contractual annual rate, in % (e.g. 12.15%; empty: the statutory rate)',
    statutoryRates: 'Statutory rates not on file',
    statutoryHelp: 'Enter a half-year’s rate only when the plan says it is not on file, from its official source.',
    halfYear: 'Half-year (e.g. 2026-H2)',
    addRate: 'Add a rate',
    deadline: 'Days given in a formal notice',
    firstRun: 'An account with no reminder in the log starts at',
    firstRunAge: 'the stage its age calls for',
    firstRunFirst: 'the first stage',
    policyInvalid: 'Not saved',
    policySaved: 'Policy saved in this workbook',
    resetPolicy: 'Back to the default policy',
    customerType: 'Customers are, unless the ledger says otherwise',
    customerTypes: { professional: 'professionals', consumer: 'consumers', publicBody: 'public bodies' },
    rateJurisdiction: 'Law',
    rateValue: 'Annual rate, in % (e.g. 12.4%)',
    removeRate: 'Remove',
  };
}

export type Messages = ReturnType<typeof english>;

function french(f: Formats): Messages {
  return {
    appTitle: 'AgeBucket',
    labelLanguage: 'Langue',
    tabAgeing: 'Balance âgée',
    tabDunning: 'Relances',
    tabSettings: 'Paramètres',
    working: 'En cours…',
    progress: (done, total) => `En cours… ${f.integer(done)} / ${f.integer(total)}`,
    error: 'Une erreur est survenue',
    preview:
      'Aperçu : un classeur dans votre navigateur avec des créances d’exemple. Chargez votre propre .xlsx ou .csv ci-dessous.',
    loadFile: 'Charger un .xlsx ou .csv',
    importTitle: 'Importer depuis la comptabilité',
    importHelp:
      'Un grand livre ou un échéancier exporté de votre logiciel comptable (.csv, .txt, .tsv, .xlsx), ou un FEC : ses pièces ouvertes vont dans une nouvelle feuille, qui devient le tableau des créances. Aucune de vos feuilles n’est modifiée.',
    importFile: 'Fichier à importer',
    importTerms: 'Conditions de paiement pour un fichier sans échéances (un FEC n’en a pas)',
    importSide: 'Dans un FEC, lire',
    importCustomers: 'les comptes clients (411)',
    importSuppliers: 'les comptes fournisseurs (401)',
    imported: (sheet, items) =>
      `${f.plural(items, '# pièce ouverte importée', '# pièces ouvertes importées')} dans la nouvelle feuille ${sheet}`,
    importedPaid: (sheet, invoices) =>
      ` ; ${f.plural(invoices, '# facture réglée', '# factures réglées')} dans la nouvelle feuille ${sheet}, désormais la Feuille des factures réglées de la prévision d’encaissements`,
    headerRow: 'Ligne d’en-tête (vide : trouvée)',
    partialMatch: 'Les codes de lettrage en minuscules ou avec * sont des lettrages partiels (leurs lignes restent ouvertes)',
    officeSilent: (seconds) =>
      `Office n’a pas répondu en ${f.integer(seconds)} secondes : voici l’aperçu, sur un classeur d’exemple. Fermez et rouvrez le volet pour réessayer dans Excel.`,
    settingsDamaged: 'Paramètres',
    resetSettings: 'Réinitialiser les paramètres',
    settingsReset: 'Les paramètres sont revenus à leurs valeurs par défaut et sont enregistrés dans ce classeur.',
    ledger: 'Créances',
    detect: 'Trouver les créances',
    detected: (description, rows) => `${description} : ${f.plural(rows, '# ligne', '# lignes')}`,
    mapping: 'Colonnes',
    mappingHelp: 'Vérifiez le contenu de chaque colonne ; corrigez celles qui sont fausses.',
    notMapped: '(aucune)',
    missing: (roles) => `Il manque encore : ${roles}`,
    monthFirst: 'Les dates de cette colonne sont au format mois/jour (1/2/2024 = 2 janvier)',
    readSummary: (items, rows) => `${f.plural(items, '# ligne lue', '# lignes lues')} sur ${f.integer(rows)}`,
    blank: (count) => f.plural(count, '# ligne vide', '# lignes vides'),
    skipped: (count) => f.plural(count, '# ligne ignorée', '# lignes ignorées'),
    row: (row) => `ligne ${f.integer(row)}`,
    import: 'Importer',
    ageing: 'Ancienneté',
    asOf: 'Date d’arrêté',
    followToday: 'Suivre la date du jour (couleurs mises à jour chaque jour)',
    boundaries: 'Tranches (dernier jour de chacune, croissant)',
    basis: 'Ancienneté selon',
    basisDue: 'la date d’échéance',
    basisInvoice: 'la date de facture',
    colour: 'Colorer les retards',
    removeColours: 'Retirer les couleurs',
    agedBalance: 'Feuille de balance âgée',
    legend: 'Légende',
    disputed: 'En litige',
    coloured: (rules, sheet) => `${f.plural(rules, '# règle de couleur', '# règles de couleur')} sur ${sheet}`,
    removed: (count) =>
      `${f.plural(count, '# règle AgeBucket retirée', '# règles AgeBucket retirées')} ; vos propres règles sont intactes`,
    written: (sheet) => `Écrit dans la nouvelle feuille « ${sheet} »`,
    delaysOptions: 'L’exercice, les délais de référence et les montants',
    delaysClosingDate: 'Date de clôture de l’exercice',
    delaysYearStart: 'Premier jour de l’exercice (vide : douze mois)',
    delaysSection: 'Section',
    delaysSectionI: 'I : non réglées à la clôture',
    delaysSectionII: 'II : réglées en retard',
    delaysTerms: 'Délais de référence',
    delaysContractual: 'délais contractuels',
    delaysLegal60: 'légal : 60 jours date de facture',
    delaysLegal45: 'légal : 45 jours fin de mois',
    delaysAmountBasis: 'Montants comptés',
    delaysBaseBasis: 'Chiffre d’affaires et achats',
    ht: 'hors taxes (HT)',
    ttc: 'toutes taxes comprises (TTC)',
    delaysTurnover: 'Chiffre d’affaires de l’exercice',
    delaysPurchases: 'Achats de l’exercice',
    delaysSupplierSheet: 'Grand livre fournisseurs (factures reçues)',
    delaysNoSupplier: '(aucun)',
    delaysFecTurnover: (file, from, to) =>
      `Tiré du FEC « ${file} » : classe 70, écritures du ${f.shortDate(from)} au ${f.shortDate(to)}, hors taxes. Saisissez un autre montant pour le remplacer.`,
    delaysFecPurchases: (file, from, to) =>
      `Tirés du FEC « ${file} » : classes 60 à 62 hors variations de stocks (603), écritures du ${f.shortDate(from)} au ${f.shortDate(to)}, hors taxes. Saisissez un autre montant pour le remplacer.`,
    delaysFecTyped: (file, figure) => `Saisi par vous ; le FEC « ${file} » donne ${figure} (videz le champ pour l’utiliser).`,
    delaysFecClosing: (file, fromName) =>
      `Date de clôture du FEC « ${file} » (${fromName ? 'd’après son nom' : 'sa dernière écriture'}), reprise à son import. Saisissez une autre date pour la changer.`,
    delaysFecTermsAssumed: (file) =>
      `Le FEC « ${file} » ne porte pas d’échéances : en délais contractuels, les retards sont comptés depuis les échéances supposées à l’import. Les délais légaux (code de commerce, art. L441-10) ne demandent que la date de facture.`,
    delaysUseLegal60: 'Compter depuis le délai légal : 60 jours date de facture',
    delaysSkipped: (count) => f.plural(count, '# ligne des grands livres non comptée', '# lignes des grands livres non comptées'),
    delaysSkippedWhere: (side, sheet, row) =>
      `${side === 'issued' ? 'Grand livre clients' : 'Grand livre fournisseurs'} ${sheet}, ligne ${f.integer(row)}`,
    delaysSkippedMore: (count) => `… et ${f.plural(count, '# autre ligne', '# autres lignes')}.`,
    importedSuppliers: (sheet, items, ledger) =>
      `${f.plural(items, '# pièce fournisseur ouverte importée', '# pièces fournisseurs ouvertes importées')} dans la nouvelle feuille ${sheet}, désormais le grand livre fournisseurs du tableau des délais de paiement ; le tableau des créances reste ${ledger}`,
    cashIn: 'Encaissements attendus',
    cashInHelp:
      'Quand les clients paieront vraiment, appris de leurs factures réglées : les dates de règlement des lignes soldées du tableau, et une feuille de factures réglées si vous en indiquez une.',
    cashInHistorySheet: 'Feuille des factures réglées (vide : les dates de règlement du tableau seules)',
    cashInSheet: 'Feuille des encaissements attendus',
    thisWeek: 'Cette semaine',
    nextWeek: 'Semaine prochaine',
    cashInByDueDates: (amount) => `selon les échéances : ${amount}`,
    cashInNoForecast: 'Pas de prévision',
    cashInBeyondHistory: (currencies) =>
      `Pas de prévision en ${currencies} : toutes les factures ouvertes sont déjà plus en retard que toute facture réglée jusqu’ici, les habitudes des payeurs n’en disent donc rien (la feuille les classe en Sans prévision). Les montants sont ceux des échéances.`,
    kpis: 'En un coup d’œil',
    total: 'Encours',
    overdue: 'Échu',
    overdueShare: 'Part échue',
    weightedDays: 'Retard moyen pondéré',
    expectedLoss: 'Perte attendue',
    dso: 'DSO',
    topAccounts: 'Comptes les plus en retard',
    curveNote: 'Perte attendue : règle empirique attribuée à une enquête de 2004 de la Commercial Collection Agency Association.',
    company: 'Votre société (pour les lettres)',
    sampleSenderNote: (firm) =>
      `Les lettres du grand livre d’exemple sont signées par sa société fictive, ${firm}, pour chaque champ laissé vide ici. Celles de votre propre grand livre ne sont signées que par ce que vous saisissez ici, et refusées tant que la raison sociale ou l’adresse est vide.`,
    companyName: 'Raison sociale',
    companyAddress: 'Adresse',
    companyLegalForm: 'Forme juridique et capital',
    companyRegistration: 'SIREN, RCS',
    companyIban: 'IBAN',
    companyEmail: 'Email',
    companyPhone: 'Téléphone',
    companyCity: 'Ville (lieu de la date des lettres)',
    companySignatoryName: 'Signataire (signe les mises en demeure des comptes sans responsable)',
    companySignatoryTitle: 'Fonction du signataire (ex. Directrice financière)',
    paymentPrefixes:
      'Les numéros de règlement commencent par (ligne négative sans type de pièce : règlement si son libellé ou son numéro le dit, avoir de même, sinon « crédit non lettré »)',
    workbook: 'Ce classeur',
    defaultCurrency: 'Devise par défaut',
    date1904: 'Ce classeur utilise le calendrier depuis 1904 (anciens classeurs Mac)',
    sales: 'Chiffre d’affaires de la période, pour le DSO (par devise, ex. EUR 1200000 ; USD 50000)',
    periodDays: 'Jours de la période',
    save: 'Enregistrer',
    saved: 'Paramètres enregistrés dans ce classeur',
    planFor: (date) => `Plan de relance au ${date}`,
    build: 'Établir le plan',
    toChase: (n) => f.plural(n, '# compte à relancer', '# comptes à relancer'),
    excluded: (n) => f.plural(n, '# compte sans action aujourd’hui', '# comptes sans action aujourd’hui'),
    owner: 'Responsable',
    stage: 'Niveau',
    currency: 'Devise',
    all: 'Tous',
    customer: 'Client',
    due: 'Échu',
    oldest: 'Plus ancien',
    claims: 'Pénalités + indemnités',
    reason: 'Motif',
    days: (n) => `${f.integer(n)} j`,
    dueIn: (n) => (n === 0 ? 'échéance aujourd’hui' : `échéance dans ${f.integer(n)} j`),
    penaltiesMissing: (n, reasons) =>
      `Pénalités non réclamées pour ${f.plural(n, '# compte', '# comptes')} (les indemnités forfaitaires le restent) : ${reasons}.`,
    noPlan: 'Établissez d’abord le plan.',
    disputes: 'Litiges',
    templates: 'Modèles',
    openTemplates: 'Feuille des modèles',
    templatesCreated: (name) => `Les modèles sont dans la feuille « ${name} » : modifiez-y les textes`,
    templatesOk: (n) => `${f.plural(n, '# modèle vérifié', '# modèles vérifiés')} : tous les champs sont connus`,
    letters: 'Lettres',
    previewLetters: 'Aperçu',
    letterOf: (n, total) => `Lettre ${f.integer(n)} sur ${f.integer(total)}`,
    previousLetter: '‹ Précédente',
    nextLetter: 'Suivante ›',
    findLetter: 'Chercher la lettre d’un client',
    matchOf: (n, total) => `résultat ${f.integer(n)} sur ${f.integer(total)}`,
    matches: (n) => f.plural(n, '# résultat', '# résultats'),
    noLetterFor: (typed) => `aucune lettre pour « ${typed} »`,
    letterNotMade: (customer, why) => `La lettre à ${customer} ne peut pas être faite : ${why}`,
    docx: 'Fichier Word (.docx)',
    sheet: 'Feuille de lettres',
    email: 'Brouillons d’email',
    googleDoc: 'Google Doc',
    selected: (n) => f.plural(n, '# sélectionné', '# sélectionnés'),
    kind: 'Lettres à produire',
    reminders: 'Relances (niveau du plan)',
    statements: 'Relevés de compte',
    docxDone: (n, name) =>
      `${f.plural(n, '# lettre', '# lettres')} dans ${name} ; ${f.plural(n, '# ligne ajoutée', '# lignes ajoutées')} au journal des relances`,
    docxBlocked:
      'Cette version d’Excel ne peut pas enregistrer de fichier depuis le volet : utilisez « Feuille de lettres », puis imprimez-la ou enregistrez-la en PDF.',
    sheetDone: (n, name) =>
      `${f.plural(n, '# lettre écrite', '# lettres écrites')} dans la feuille « ${name} » ; le journal des relances les contient`,
    emailDone: (n) =>
      `${f.plural(n, '# brouillon d’email', '# brouillons d’email')} ci-dessous : ouvrez chacun dans votre messagerie (lien ou fichier .eml), envoyez-le, puis marquez-le envoyé pour le noter au journal`,
    eml: 'Brouillon (.eml)',
    attachDocx: 'Joindre la lettre en .docx',
    emlDone: (name) => `${name} : ouvrez-le dans Outlook, Apple Mail ou Thunderbird, envoyez-le, puis marquez-le envoyé`,
    emlBlocked:
      'Cette version d’Excel ne peut pas enregistrer de fichier depuis le volet : utilisez le lien email, ou le .docx dans Excel sur le web.',
    markSent: 'Marquer envoyé',
    markAllSent: 'Tout marquer envoyé',
    sent: 'envoyé, noté au journal',
    markedSent: (n) =>
      `${f.plural(n, '# email marqué envoyé', '# emails marqués envoyés')} ; le journal des relances les contient`,
    noEmail: 'pas d’adresse email',
    tooLong: 'trop long pour un lien email : envoyez plutôt le .docx',
    byPost: (stage) =>
      `${stage} : part en lettre recommandée — imprimez-la depuis le fichier Word ou la feuille de lettres ; pas de brouillon d’email`,
    byPostSkipped: (n) =>
      `${f.plural(n, '# lettre part', '# lettres partent')} en recommandé, sans brouillon d’email : imprimez-les depuis le fichier Word ou la feuille de lettres`,
    already: (n, date) =>
      `${f.plural(n, '# de ces lettres figure', '# de ces lettres figurent')} déjà au journal du ${date}. Les y ajouter à nouveau ?`,
    yes: 'Oui, ajouter',
    no: 'Non',
    skippedDuplicates: 'Rien n’a été généré : ces lettres sont déjà au journal aujourd’hui.',
    openDoc: 'Ouvrir les lettres dans Google Docs',
    docDone: (n, title) =>
      `${f.plural(n, '# lettre', '# lettres')} dans le Google Doc « ${title} » ; le journal des relances les contient`,
    gmailDone: (n) =>
      `${f.plural(n, '# brouillon Gmail créé', '# brouillons Gmail créés')} ; le journal des relances les contient`,
    stoppedAt: (done, total, why, rest) =>
      `Arrêté après ${f.integer(done)} sur ${f.integer(total)} : ${why.replace(/\.$/, '')}. Seuls ces ${f.integer(done)} sont au journal des relances ; non faits : ${rest}. Relancez demain pour le reste.`,
    docxName: (date) => `Relances ${date}.docx`,
    docTitle: (date) => `Relances ${date}`,
    lettersSheetName: (date) => `Lettres ${date}`,
    callList: 'Liste d’appels',
    noCalls: 'Aucun compte n’est au niveau de l’appel téléphonique aujourd’hui.',
    moreCalls: (next, left) =>
      `${f.plural(next, 'Afficher l’appel suivant', 'Afficher les # appels suivants')} (${f.plural(left, '# pas encore affiché', '# pas encore affichés')})`,
    phone: 'Téléphone',
    promise: 'Promesse de paiement',
    promiseDate: 'Promis pour le',
    dispute: 'Litige',
    disputeReason: 'Motif',
    noAnswer: 'Pas de réponse',
    logged: (customer) => `Noté au journal pour ${customer}`,
    loggedToday: (outcomes) => `Déjà noté aujourd’hui : ${outcomes}`,
    disputeInvoices: 'Facture(s) en litige',
    unreadableLog: (n) =>
      `${f.plural(n, '# ligne du journal des relances est illisible', '# lignes du journal des relances sont illisibles')} ; les comptes concernés sont en attente de vérification jusqu’à correction :`,
    openDisputes: (n) => `${f.plural(n, '# litige en cours', '# litiges en cours')}, du plus ancien au plus récent`,
    invoices: 'Factures',
    headerMissing: (header) =>
      `Le journal des relances a perdu sa ligne d’en-tête : insérez en haut une ligne ${header}. Ses lignes sont lues en attendant.`,
    sinceLabel: 'Depuis le',
    age: 'Ancienneté',
    undated: 'date non notée',
    disputeResolved: 'Litige résolu',
    resolvedDone: (customer, invoices) => `Litige résolu pour ${customer} (${invoices}) ; de nouveau relancé`,
    policy: 'Politique',
    policyHelp:
      'Les niveaux qu’un compte en retard franchit un à un. Chaque modification est vérifiée, puis enregistrée dans ce classeur.',
    stageN: (n) => `Niveau ${f.integer(n)}`,
    from: 'Dès le jour',
    nameEn: 'Nom (en)',
    nameFr: 'Nom (fr)',
    channelEn: 'Canal (en)',
    channelFr: 'Canal (fr)',
    interest: 'Réclame les pénalités',
    fee: 'Réclame l’indemnité forfaitaire',
    phoneCall: 'Appel téléphonique',
    refersTo: 'Sa lettre dit ce niveau antérieur envoyé (le plan envoie d’abord celui-ci si le journal ne le montre pas)',
    refersToNone: 'aucun',
    addStage: 'Ajouter un niveau',
    removeStage: 'Retirer',
    interval: 'Jours entre deux relances',
    minimum: 'Montant minimum à relancer',
    jurisdiction: 'Pénalités selon',
    none: 'Aucune',
    rate: 'Taux annuel contractuel, en % (ex. 12,15 % ; vide : le taux légal)',
    statutoryRates: 'Taux légaux manquants',
    statutoryHelp: 'Saisissez le taux d’un semestre seulement si le plan indique qu’il manque, depuis sa source officielle.',
    halfYear: 'Semestre (ex. 2026-H2)',
    addRate: 'Ajouter un taux',
    deadline: 'Délai accordé dans la mise en demeure (jours)',
    firstRun: 'Un compte sans relance au journal commence au',
    firstRunAge: 'niveau dû à son ancienneté',
    firstRunFirst: 'premier niveau',
    policyInvalid: 'Non enregistré',
    policySaved: 'Politique enregistrée dans ce classeur',
    resetPolicy: 'Revenir à la politique par défaut',
    customerType: 'Les clients sont, sauf mention dans les créances,',
    customerTypes: { professional: 'des professionnels', consumer: 'des consommateurs', publicBody: 'des personnes publiques' },
    rateJurisdiction: 'Droit',
    rateValue: 'Taux annuel, en % (ex. 12,4 %)',
    removeRate: 'Retirer',
  };
}

export interface PaneText {
  readonly language: Language;
  readonly t: Messages;
  readonly f: Formats;
}

const cache = new Map<Language, PaneText>();

/** The pane's texts and formats in a language (built once per language). */
export function paneText(language: Language): PaneText {
  let text = cache.get(language);
  if (!text) {
    const f = new Formats(language);
    text = { language, f, t: language === 'fr' ? french(f) : english(f) };
    cache.set(language, text);
  }
  return text;
}
