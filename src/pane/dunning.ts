// The pane's dunning half: whom to chase today and with which letter, the templates the user
// edits in a sheet, the letters themselves (Word, a printable sheet, email drafts), the call
// list, and the dunning log that remembers all of it.

import { companyDetails } from '../commands/settings';
import { type CallListEntry, callList } from '../dunning/callList';
import { LOG_COLUMNS, LOG_HEADERS, LOG_SHEETS, type LogEntry, logRow, readDunningLog } from '../dunning/log';
import {
  disputeEntry,
  disputeResolvedEntry,
  type LogDraft,
  noAnswerEntry,
  parseInvoiceList,
  promiseEntry,
  sentEntries,
} from '../dunning/outcomes';
import { type AccountPlan, type DunningPlan, exclusionText, planDunning, planNotes, unreadableLogText } from '../dunning/plan';
import { DEFAULT_POLICY, type DunningPolicy, findStage, validatePolicy } from '../dunning/policy';
import { DEFAULT_TEMPLATES, type LetterTemplate } from '../letters/defaultTemplates';
import { lettersToDocx } from '../letters/docx';
import { emlFileName, letterToEml, utf8 } from '../letters/eml';
import { buildLetter, type Letter } from '../letters/letter';
import { lettersToSheetRows, letterToHtml, letterToText } from '../letters/render';
import { FLAGS, PLACEHOLDERS, TEMPLATE_SHEETS, validateTemplate } from '../letters/templates';
import { parseJurisdiction } from '../penalties/statutoryRates';
import { readText } from '../primitives/cells';
import { formatIsoDate, formatLongDate, formatShortDate, parseTextDate } from '../primitives/dates';
import type { Language } from '../primitives/messages';
import { formatMoney } from '../primitives/money';
import type { Pane } from './app';
import { el, headerRow } from './app';

const TEMPLATE_HEADERS: Record<Language, string[]> = {
  en: ['Stage key', 'Stage', 'Language', 'Subject', 'Body', '', 'Placeholder', 'Meaning'],
  fr: ['Clé du niveau', 'Niveau', 'Langue', 'Objet', 'Corps', '', 'Champ', 'Signification'],
};
/** Browsers and mail programs cut mailto links beyond about 2,000 characters. */
export const MAILTO_LIMIT = 2000;

const WORDS = {
  en: {
    planFor: (date: string) => `Dunning plan as of ${date}`,
    build: 'Build the plan',
    toChase: (n: number) => `${n} accounts to chase`,
    excluded: (n: number) => `${n} accounts with no action today`,
    owner: 'Owner',
    stage: 'Stage',
    currency: 'Currency',
    all: 'All',
    customer: 'Customer',
    due: 'Overdue',
    oldest: 'Oldest',
    claims: 'Interest + fees',
    reason: 'Reason',
    days: (n: number) => `${n} d`,
    templates: 'Templates',
    openTemplates: 'Templates sheet',
    templatesCreated: (name: string) => `The templates are in the sheet "${name}": edit the texts there`,
    templatesOk: (n: number) => `${n} templates checked: every placeholder is known`,
    letters: 'Letters',
    preview: 'Preview',
    docx: 'Word file (.docx)',
    sheet: 'Letters sheet',
    email: 'Email drafts',
    selected: (n: number) => `${n} selected`,
    docxDone: (n: number, name: string) => `${n} letters in ${name}; ${n} rows added to the dunning log`,
    docxBlocked:
      'This version of Excel cannot save a file from the pane: use "Letters sheet" instead, then print it or save it as PDF.',
    sheetDone: (n: number, name: string) => `${n} letters written to the sheet "${name}"; the dunning log has them`,
    emailDone: (n: number) =>
      `${n} email drafts below: open each in your mail program (link or .eml file), send it, then mark it as sent to log it`,
    eml: 'Draft (.eml)',
    attachDocx: 'Attach the letter as .docx',
    emlDone: (name: string) => `${name}: open it in Outlook, Apple Mail or Thunderbird, send it, then mark it as sent`,
    emlBlocked: 'This version of Excel cannot save a file from the pane: use the email link, or the .docx in Excel on the web.',
    markSent: 'Mark as sent',
    markAllSent: 'Mark all as sent',
    sent: 'sent, logged',
    markedSent: (n: number) => `${n} emails marked as sent; the dunning log has them`,
    noEmail: 'no email address',
    tooLong: 'too long for an email link: send the .docx instead',
    already: (n: number, date: string) => `${n} of these letters were already logged on ${date}. Log them again?`,
    yes: 'Yes, log again',
    no: 'No',
    skippedDuplicates: 'Nothing generated: these letters were already logged today.',
    callList: 'Call list',
    noCalls: 'No account is at the phone stage today.',
    phone: 'Phone',
    script: 'Script',
    promise: 'Promise to pay',
    promiseDate: 'Promised for',
    dispute: 'Dispute',
    disputeReason: 'Reason',
    disputeInvoices: 'Disputed invoice(s)',
    noAnswer: 'No answer',
    logged: (customer: string) => `Logged for ${customer}`,
    unreadable: (n: number) =>
      `${n} row${n > 1 ? 's' : ''} of the dunning log cannot be read; the accounts they might concern are held for review until they are corrected:`,
    disputes: (n: number) => `${n} open dispute${n > 1 ? 's' : ''}, oldest first`,
    invoices: 'Invoices',
    headerMissing: (header: string) =>
      `The dunning log has lost its header row: insert a row at the top with ${header}. Its rows are read meanwhile.`,
    since: 'Since',
    age: 'Age',
    undated: 'date not recorded',
    resolved: 'Dispute resolved',
    resolvedDone: (customer: string, invoices: string) => `Dispute resolved for ${customer} (${invoices}); back in the dunning`,
    loggedToday: (outcomes: string) => `Already logged today: ${outcomes}`,
    noPlan: 'Build the plan first.',
    policy: 'Dunning policy',
    from: 'From day',
    nameEn: 'Name (en)',
    nameFr: 'Name (fr)',
    channelEn: 'Channel (en)',
    channelFr: 'Channel (fr)',
    interest: 'Interest',
    fee: 'Fee',
    interval: 'Days between two reminders',
    minimum: 'Minimum amount to chase',
    jurisdiction: 'Penalties under',
    none: 'None',
    rate: 'Or an annual rate (e.g. 0.1215)',
    deadline: 'Days given in a formal notice',
    penaltyError: 'penalties not claimed',
    penaltiesMissing: (n: number, reasons: string) =>
      `Interest is not claimed for ${n} account${n > 1 ? 's' : ''} (the recovery fees still are): ${reasons}.`,
    googleDoc: 'Google Doc',
    kind: 'Letters to make',
    reminders: 'Reminders (the plan’s stage)',
    statements: 'Statements of account',
    openDoc: 'Open the letters in Google Docs',
    docDone: (n: number, title: string) => `${n} letters in the Google Doc "${title}"; the dunning log has them`,
    gmailDone: (n: number) => `${n} Gmail drafts created; the dunning log has them`,
    stoppedAt: (done: number, total: number, why: string, rest: string) =>
      `Stopped after ${done} of ${total}: ${why.replace(/\.$/, '')}. Only those ${done} are in the dunning log; not done: ${rest}. Run it again tomorrow for the rest.`,
  },
  fr: {
    planFor: (date: string) => `Plan de relance au ${date}`,
    build: 'Établir le plan',
    toChase: (n: number) => `${n} comptes à relancer`,
    excluded: (n: number) => `${n} comptes sans action aujourd’hui`,
    owner: 'Responsable',
    stage: 'Niveau',
    currency: 'Devise',
    all: 'Tous',
    customer: 'Client',
    due: 'Échu',
    oldest: 'Plus ancien',
    claims: 'Pénalités + indemnités',
    reason: 'Motif',
    days: (n: number) => `${n} j`,
    templates: 'Modèles',
    openTemplates: 'Feuille des modèles',
    templatesCreated: (name: string) => `Les modèles sont dans la feuille « ${name} » : modifiez-y les textes`,
    templatesOk: (n: number) => `${n} modèles vérifiés : tous les champs sont connus`,
    letters: 'Lettres',
    preview: 'Aperçu',
    docx: 'Fichier Word (.docx)',
    sheet: 'Feuille de lettres',
    email: 'Brouillons d’email',
    selected: (n: number) => `${n} sélectionnés`,
    docxDone: (n: number, name: string) => `${n} lettres dans ${name} ; ${n} lignes ajoutées au journal des relances`,
    docxBlocked:
      'Cette version d’Excel ne peut pas enregistrer de fichier depuis le volet : utilisez « Feuille de lettres », puis imprimez-la ou enregistrez-la en PDF.',
    sheetDone: (n: number, name: string) =>
      `${n} lettres écrites dans la feuille « ${name} » ; le journal des relances les contient`,
    emailDone: (n: number) =>
      `${n} brouillons d’email ci-dessous : ouvrez chacun dans votre messagerie (lien ou fichier .eml), envoyez-le, puis marquez-le envoyé pour le noter au journal`,
    eml: 'Brouillon (.eml)',
    attachDocx: 'Joindre la lettre en .docx',
    emlDone: (name: string) => `${name} : ouvrez-le dans Outlook, Apple Mail ou Thunderbird, envoyez-le, puis marquez-le envoyé`,
    emlBlocked:
      'Cette version d’Excel ne peut pas enregistrer de fichier depuis le volet : utilisez le lien email, ou le .docx dans Excel sur le web.',
    markSent: 'Marquer envoyé',
    markAllSent: 'Tout marquer envoyé',
    sent: 'envoyé, noté au journal',
    markedSent: (n: number) => `${n} emails marqués envoyés ; le journal des relances les contient`,
    noEmail: 'pas d’adresse email',
    tooLong: 'trop long pour un lien email : envoyez plutôt le .docx',
    already: (n: number, date: string) => `${n} de ces lettres figurent déjà au journal du ${date}. Les y ajouter à nouveau ?`,
    yes: 'Oui, ajouter',
    no: 'Non',
    skippedDuplicates: 'Rien n’a été généré : ces lettres sont déjà au journal aujourd’hui.',
    callList: 'Liste d’appels',
    noCalls: 'Aucun compte n’est au niveau de l’appel téléphonique aujourd’hui.',
    phone: 'Téléphone',
    script: 'Argumentaire',
    promise: 'Promesse de paiement',
    promiseDate: 'Promis pour le',
    dispute: 'Litige',
    disputeReason: 'Motif',
    disputeInvoices: 'Facture(s) en litige',
    noAnswer: 'Pas de réponse',
    logged: (customer: string) => `Noté au journal pour ${customer}`,
    unreadable: (n: number) =>
      `${n} ligne${n > 1 ? 's' : ''} du journal des relances ${n > 1 ? 'sont illisibles' : 'est illisible'} ; les comptes concernés sont en attente de vérification jusqu’à correction :`,
    disputes: (n: number) => `${n} litige${n > 1 ? 's' : ''} en cours, du plus ancien au plus récent`,
    invoices: 'Factures',
    headerMissing: (header: string) =>
      `Le journal des relances a perdu sa ligne d’en-tête : insérez en haut une ligne ${header}. Ses lignes sont lues en attendant.`,
    since: 'Depuis le',
    age: 'Ancienneté',
    undated: 'date non notée',
    resolved: 'Litige résolu',
    resolvedDone: (customer: string, invoices: string) => `Litige résolu pour ${customer} (${invoices}) ; de nouveau relancé`,
    loggedToday: (outcomes: string) => `Déjà noté aujourd’hui : ${outcomes}`,
    noPlan: 'Établissez d’abord le plan.',
    policy: 'Politique de relance',
    from: 'Dès le jour',
    nameEn: 'Nom (en)',
    nameFr: 'Nom (fr)',
    channelEn: 'Canal (en)',
    channelFr: 'Canal (fr)',
    interest: 'Pénalités',
    fee: 'Indemnité',
    interval: 'Jours entre deux relances',
    minimum: 'Montant minimum à relancer',
    jurisdiction: 'Pénalités selon',
    none: 'Aucune',
    rate: 'Ou un taux annuel (ex. 0,1215)',
    deadline: 'Délai accordé dans la mise en demeure (jours)',
    penaltyError: 'pénalités non réclamées',
    penaltiesMissing: (n: number, reasons: string) =>
      `Pénalités non réclamées pour ${n} compte${n > 1 ? 's' : ''} (les indemnités forfaitaires le restent) : ${reasons}.`,
    googleDoc: 'Google Doc',
    kind: 'Lettres à produire',
    reminders: 'Relances (niveau du plan)',
    statements: 'Relevés de compte',
    openDoc: 'Ouvrir les lettres dans Google Docs',
    docDone: (n: number, title: string) => `${n} lettres dans le Google Doc « ${title} » ; le journal des relances les contient`,
    gmailDone: (n: number) => `${n} brouillons Gmail créés ; le journal des relances les contient`,
    stoppedAt: (done: number, total: number, why: string, rest: string) =>
      `Arrêté après ${done} sur ${total} : ${why.replace(/\.$/, '')}. Seuls ces ${done} sont au journal des relances ; non faits : ${rest}. Relancez demain pour le reste.`,
  },
} as const;

type Words = (typeof WORDS)['en'] | (typeof WORDS)['fr'];

export class DunningPanel {
  plan: DunningPlan | null = null;
  logEntries: LogEntry[] = [];
  selected = new Set<string>();
  filters = { owner: '', stage: '', currency: '' };
  previewHtml: string[] = [];
  /** Email drafts offered outside Sheets: logged only when the user marks them sent. */
  emailDrafts: Array<{ letter: Letter; href: string | null; note: string; sent: boolean }> = [];
  attachDocx = false;
  /** The log's first row is a log row: its header was lost (the plan still reads it). */
  logHeaderMissing = false;
  question: { text: string; yes: () => void; no: () => void } | null = null;
  /** Reminders (the plan's stages) or statements of account (every open item, no stage logged). */
  kind: 'reminder' | 'statement' = 'reminder';
  documentUrl = '';

  constructor(private readonly pane: Pane) {}

  private get words(): Words {
    return WORDS[this.pane.settings.language];
  }

  private get language(): Language {
    return this.pane.settings.language;
  }

  policy(): DunningPolicy {
    return this.pane.settings.policy ?? DEFAULT_POLICY;
  }

  // ---- commands -----------------------------------------------------------------------------

  async buildPlan(): Promise<string> {
    const ledger = this.pane.requireLedger();
    const workbook = this.pane.workbook;
    const logValues = (await workbook.readSheet(LOG_SHEETS.fr)) ?? (await workbook.readSheet(LOG_SHEETS.en));
    const policy = validatePolicy(this.policy());
    const log =
      logValues && logValues.length > 0
        ? readDunningLog(logValues, policy, this.pane.table?.serialSystem ?? 'excel1900')
        : { entries: [], skipped: [] };
    this.logEntries = [...log.entries];
    this.logHeaderMissing = 'headerMissing' in log && log.headerMissing === true;
    // Rows the plan cannot read hold the accounts they might concern, and are listed for the user.
    this.plan = planDunning(ledger.items, this.logEntries, {
      asOf: this.pane.asOfDay(),
      policy,
      unreadableLog: log.skipped,
    });
    this.selected = new Set(this.plan.actions.map(accountKey));
    this.previewHtml = [];
    this.emailDrafts = [];
    return `${this.words.toChase(this.plan.actions.length)} · ${this.words.excluded(this.plan.excluded.length)}`;
  }

  /** The user's templates from the sheet, created with the defaults on first use. */
  async templates(): Promise<LetterTemplate[]> {
    const workbook = this.pane.workbook;
    const existing = (await workbook.readSheet(TEMPLATE_SHEETS.fr)) ?? (await workbook.readSheet(TEMPLATE_SHEETS.en));
    if (!existing) {
      await this.createTemplatesSheet();
      return [...DEFAULT_TEMPLATES];
    }
    const templates: LetterTemplate[] = [];
    for (const row of existing.slice(1)) {
      const stageId = readText(row[0] ?? null);
      const language = readText(row[2] ?? null)?.toLowerCase();
      if (!stageId || (language !== 'en' && language !== 'fr')) continue;
      templates.push({ stageId, language, subject: readText(row[3] ?? null) ?? '', body: readText(row[4] ?? null) ?? '' });
    }
    return templates;
  }

  async createTemplatesSheet(): Promise<string> {
    const language = this.language;
    const stageName = (id: string) =>
      this.policy().stages.find((s) => s.id === id)?.name[language] ??
      (language === 'fr' ? 'Relevé de compte' : 'Statement of account');
    const reference = [
      ...Object.entries(PLACEHOLDERS),
      ...Object.entries(FLAGS).map(([name, meaning]) => [`#if ${name}`, meaning] as const),
    ];
    const rows = DEFAULT_TEMPLATES.map((t, index) => {
      const ref = reference[index];
      return [
        t.stageId,
        stageName(t.stageId),
        t.language,
        t.subject,
        t.body,
        '',
        ref ? `{{${ref[0]}}}` : '',
        ref ? ref[1][language] : '',
      ];
    });
    for (const ref of reference.slice(DEFAULT_TEMPLATES.length))
      rows.push(['', '', '', '', '', '', `{{${ref[0]}}}`, ref[1][language]]);
    const name = await this.pane.workbook.writeNewSheet(TEMPLATE_SHEETS[language], {
      rows: [TEMPLATE_HEADERS[language], ...rows],
      columnFormats: [],
      boldRows: [0],
      cellFormats: [],
      chart: null,
    });
    return this.words.templatesCreated(name);
  }

  async checkTemplates(): Promise<string> {
    const templates = await this.templates();
    for (const template of templates) validateTemplate(template);
    return this.words.templatesOk(templates.length);
  }

  /** The selected accounts' letters; every template is checked before any letter is built. */
  private async letters(kind: 'reminder' | 'statement' = this.kind): Promise<Letter[]> {
    const plan = this.requirePlan();
    const templates = await this.templates();
    for (const template of templates) validateTemplate(template);
    const settings = this.pane.settings;
    const company = companyDetails(settings);
    return this.chosen(plan).map((account) =>
      buildLetter(account, { company, policy: plan.policy, asOf: plan.asOf, defaultLanguage: this.language, templates, kind }),
    );
  }

  private chosen(plan: DunningPlan): AccountPlan[] {
    return this.visible(plan.actions).filter((account) => this.selected.has(accountKey(account)));
  }

  async previewLetters(): Promise<string> {
    const letters = await this.letters();
    this.previewHtml = letters.map(letterToHtml);
    return this.words.selected(letters.length);
  }

  /** Asks first when the same letters were logged that day; false when the user says no. */
  private async confirmNotLoggedTwice(letters: readonly Letter[]): Promise<boolean> {
    const plan = this.requirePlan();
    const drafts = sentEntries(letters, plan.policy, plan.asOf, '', this.language);
    const already = drafts.filter((draft) =>
      this.logEntries.some(
        (entry) => entry.day === plan.asOf && entry.customer === draft.customer && entry.stageText === draft.stageText,
      ),
    );
    if (already.length === 0) return true;
    return this.ask(this.words.already(already.length, formatLongDate(plan.asOf, this.language)));
  }

  /** Logs letters once delivered: never before, and only those that were. */
  private async logDelivered(letters: readonly Letter[], channel: string): Promise<void> {
    if (letters.length === 0) return;
    const plan = this.requirePlan();
    await this.appendLog(sentEntries(letters, plan.policy, plan.asOf, channel, this.language));
  }

  private async appendLog(entries: readonly LogDraft[]): Promise<void> {
    const workbook = this.pane.workbook;
    // The sheet names are enough to find the log: reading it whole twice was for nothing.
    const names = await workbook.sheetNames();
    const existing = names.includes(LOG_SHEETS.fr)
      ? LOG_SHEETS.fr
      : names.includes(LOG_SHEETS.en)
        ? LOG_SHEETS.en
        : LOG_SHEETS[this.language];
    await workbook.appendRows(
      existing,
      LOG_COLUMNS.map((column) => LOG_HEADERS[this.language][column]),
      entries.map(logRow),
    );
    const policy = this.policy();
    for (const entry of entries) this.logEntries.push({ ...entry, stageIndex: findStage(entry.stageText, policy.stages) });
  }

  async docx(): Promise<string> {
    const letters = await this.letters();
    if (letters.length === 0) return this.words.selected(0);
    if (!(await this.confirmNotLoggedTwice(letters))) return this.words.skippedDuplicates;
    const plan = this.requirePlan();
    const name = `${this.language === 'fr' ? 'Relances' : 'Reminders'} ${formatIsoDate(plan.asOf)}.docx`;
    const bytes = await lettersToDocx(letters, name);
    const outcome = await this.pane.workbook.deliverFile(
      name,
      bytes,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    // A file the host could not save was not delivered: nothing is logged.
    if (outcome === 'blocked') return this.words.docxBlocked;
    await this.logDelivered(letters, '.docx');
    return this.words.docxDone(letters.length, name);
  }

  /** Sheets: the letters in one Google Doc; only those written are logged. */
  async googleDoc(): Promise<string> {
    const workbook = this.pane.workbook;
    const letters = await this.letters();
    if (letters.length === 0 || !workbook.writeLettersDocument) return this.words.selected(0);
    if (!(await this.confirmNotLoggedTwice(letters))) return this.words.skippedDuplicates;
    const plan = this.requirePlan();
    const title = `${this.language === 'fr' ? 'Relances' : 'Reminders'} ${formatIsoDate(plan.asOf)}`;
    const result = await workbook.writeLettersDocument(letters, title, this.pane.progress);
    this.documentUrl = result.url;
    await this.logDelivered(letters.slice(0, result.written), 'Google Docs');
    return result.stopped === null
      ? this.words.docDone(result.written, title)
      : this.words.stoppedAt(result.written, letters.length, result.stopped, notDone(letters.slice(result.written)));
  }

  async lettersSheet(): Promise<string> {
    const letters = await this.letters();
    if (letters.length === 0) return this.words.selected(0);
    if (!(await this.confirmNotLoggedTwice(letters))) return this.words.skippedDuplicates;
    const plan = this.requirePlan();
    const name = await this.pane.workbook.writeNewSheet(
      `${this.language === 'fr' ? 'Lettres' : 'Letters'} ${formatIsoDate(plan.asOf)}`,
      {
        rows: lettersToSheetRows(letters),
        columnFormats: [],
        boldRows: [],
        cellFormats: [],
        chart: null,
      },
    );
    await this.logDelivered(letters, this.language === 'fr' ? 'Courrier' : 'Letter');
    return this.words.sheetDone(letters.length, name);
  }

  async emails(): Promise<string> {
    const letters = await this.letters();
    const workbook = this.pane.workbook;
    if (workbook.createEmailDrafts) {
      // Sheets: real Gmail drafts, as many as the day's quota allows; only those made are logged.
      const drafts = letters.filter((letter) => letter.email);
      if (drafts.length > 0 && !(await this.confirmNotLoggedTwice(drafts))) return this.words.skippedDuplicates;
      const result = await workbook.createEmailDrafts(
        drafts.map((letter) => ({ to: letter.email ?? '', subject: letter.subject, body: letterToText(letter) })),
        this.pane.progress,
      );
      await this.logDelivered(drafts.slice(0, result.created), 'Gmail');
      return result.stopped === null
        ? this.words.gmailDone(result.created)
        : this.words.stoppedAt(result.created, drafts.length, result.stopped, notDone(drafts.slice(result.created)));
    }
    // Elsewhere the pane cannot see an email being sent: a draft per account (a mailto: link when
    // short enough, an .eml file always), logged when the user marks it sent.
    this.emailDrafts = letters.map((letter) => {
      if (!letter.email) return { letter, href: null, note: this.words.noEmail, sent: false };
      const href = `mailto:${encodeURIComponent(letter.email)}?subject=${encodeURIComponent(letter.subject)}&body=${encodeURIComponent(letterToText(letter))}`;
      return href.length > MAILTO_LIMIT
        ? { letter, href: null, note: `${letter.email} — ${this.words.tooLong}`, sent: false }
        : { letter, href, note: letter.email, sent: false };
    });
    return this.words.emailDone(letters.filter((letter) => letter.email).length);
  }

  /** The account's draft as an .eml file, the letter attached as .docx when asked. */
  async emlDraft(letter: Letter): Promise<string> {
    const plan = this.requirePlan();
    const settings = this.pane.settings;
    const prefix = this.language === 'fr' ? 'Relance' : 'Reminder';
    const attachment = this.attachDocx
      ? {
          name: emlFileName(prefix, letter.customer, letter.currency).replace(/\.eml$/, '.docx'),
          bytes: await lettersToDocx([letter], letter.subject),
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }
      : undefined;
    const eml = letterToEml(letter, {
      asOf: plan.asOf,
      ...(settings.companyEmail ? { from: settings.companyEmail } : {}),
      ...(attachment ? { attachment } : {}),
    });
    const name = emlFileName(prefix, letter.customer, letter.currency);
    const outcome = await this.pane.workbook.deliverFile(name, utf8(eml), 'message/rfc822');
    return outcome === 'blocked' ? this.words.emlBlocked : this.words.emlDone(name);
  }

  /** "Mark as sent": the user says the email went; only then is it logged. */
  async markSent(drafts: ReadonlyArray<(typeof this.emailDrafts)[number]>): Promise<string> {
    const pending = drafts.filter((draft) => !draft.sent && draft.letter.email);
    if (pending.length === 0) return this.words.selected(0);
    const letters = pending.map((draft) => draft.letter);
    if (!(await this.confirmNotLoggedTwice(letters))) return this.words.skippedDuplicates;
    await this.logDelivered(letters, 'Email');
    for (const draft of pending) draft.sent = true;
    return this.words.markedSent(pending.length);
  }

  /** A call's outcome, checked by the core at entry (a promise needs a date, a dispute an invoice and a reason). */
  async logCall(
    entry: CallListEntry,
    outcome: 'promise' | 'dispute' | 'noAnswer',
    detail: string,
    invoices = '',
  ): Promise<string> {
    const plan = this.requirePlan();
    const account = plan.actions.find((a) => a.customer === entry.customer && a.currency === entry.currency);
    if (!account) throw new Error(this.words.noPlan);
    const language = this.language;
    const draft =
      outcome === 'promise'
        ? promiseEntry(account, detail.trim() === '' ? null : parseTextDate(detail), plan.asOf, language)
        : outcome === 'dispute'
          ? disputeEntry(account, parseInvoiceList(invoices), detail, plan.asOf, language)
          : noAnswerEntry(account, plan.asOf, language);
    await this.appendLog([draft]);
    // The call list is rebuilt from the log at once: a call just taken down leaves it (or says
    // what was logged today), so the same call is not logged twice.
    await this.buildPlan();
    return this.words.logged(entry.customer);
  }

  private requirePlan(): DunningPlan {
    if (!this.plan) throw new Error(this.words.noPlan);
    return this.plan;
  }

  /** A question in the pane itself: Office's web views do not show window.confirm. */
  private ask(text: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.question = {
        text,
        yes: () => {
          this.question = null;
          resolve(true);
        },
        no: () => {
          this.question = null;
          resolve(false);
        },
      };
      this.pane.render();
    });
  }

  private visible(accounts: readonly AccountPlan[]): AccountPlan[] {
    const { owner, stage, currency } = this.filters;
    return accounts.filter(
      (a) =>
        (owner === '' || (a.owner ?? '') === owner) &&
        (stage === '' || a.stage?.id === stage) &&
        (currency === '' || a.currency === currency),
    );
  }

  // ---- rendering ----------------------------------------------------------------------------

  render(): HTMLElement {
    const w = this.words;
    const plan = this.plan;
    const section = el(
      'section',
      { id: 'dunning' },
      el('h2', {}, w.planFor(formatLongDate(this.pane.asOfDay(), this.language))),
      el(
        'div',
        { class: 'actions' },
        this.pane.commandButton('build-plan', w.build, () => this.buildPlan(), true),
      ),
    );
    if (this.question) section.append(this.questionView());
    if (!plan) return section;
    section.append(this.filtersView(plan));
    // A missing legal rate stops the interest of whole accounts: say so above the table, with why.
    const unclaimed = plan.actions.filter((account) => account.penaltyError !== null);
    if (unclaimed.length > 0) {
      const reasons = [...new Set(unclaimed.map((account) => account.penaltyError?.localized(this.language) ?? ''))];
      section.append(
        el('p', { class: 'warning', id: 'penalties-missing' }, w.penaltiesMissing(unclaimed.length, reasons.join('; '))),
      );
    }
    section.append(this.actionsTable(plan), this.excludedView(plan), ...this.memoryViews(plan));
    section.append(
      el('h2', {}, w.templates),
      el(
        'div',
        { class: 'actions' },
        this.pane.commandButton('templates-sheet', w.openTemplates, async () => {
          await this.templates();
          return this.checkTemplates();
        }),
      ),
      el('h2', {}, `${w.letters} — ${w.selected(this.chosen(plan).length)}`),
      this.kindSelect(),
      el(
        'div',
        { class: 'actions' },
        this.pane.commandButton('preview-letters', w.preview, () => this.previewLetters()),
        this.pane.workbook.writeLettersDocument
          ? this.pane.commandButton('letters-doc', w.googleDoc, () => this.googleDoc(), true)
          : this.pane.commandButton('letters-docx', w.docx, () => this.docx(), true),
        this.pane.commandButton('letters-sheet', w.sheet, () => this.lettersSheet()),
        this.pane.commandButton('letters-email', w.email, () => this.emails()),
      ),
    );
    if (this.documentUrl)
      section.append(
        el('p', {}, el('a', { id: 'letters-doc-link', href: this.documentUrl, target: '_blank', rel: 'noopener' }, w.openDoc)),
      );
    if (this.emailDrafts.length > 0) section.append(this.emailView());
    if (this.previewHtml.length > 0) section.append(this.previewView());
    section.append(this.callListView(plan));
    return section;
  }

  private kindSelect(): HTMLElement {
    const w = this.words;
    const select = el(
      'select',
      { id: 'letters-kind' },
      el('option', { value: 'reminder' }, w.reminders),
      el('option', { value: 'statement' }, w.statements),
    );
    select.value = this.kind;
    select.addEventListener('change', () => {
      this.kind = select.value === 'statement' ? 'statement' : 'reminder';
      this.previewHtml = [];
      this.pane.render();
    });
    return el('label', {}, w.kind, select);
  }

  private questionView(): HTMLElement {
    const question = this.question;
    const yes = el('button', { id: 'confirm-yes', type: 'button', class: 'primary' }, this.words.yes);
    const no = el('button', { id: 'confirm-no', type: 'button' }, this.words.no);
    yes.addEventListener('click', () => question?.yes());
    no.addEventListener('click', () => question?.no());
    return el(
      'div',
      { class: 'question', role: 'alertdialog', id: 'question' },
      el('p', {}, question?.text ?? ''),
      el('div', { class: 'actions' }, yes, no),
    );
  }

  private filtersView(plan: DunningPlan): HTMLElement {
    const w = this.words;
    const select = (key: 'owner' | 'stage' | 'currency', label: string, options: Array<[string, string]>) => {
      const input = el(
        'select',
        { id: `filter-${key}` },
        el('option', { value: '' }, w.all),
        ...options.map(([value, text]) => el('option', { value }, text)),
      );
      input.value = this.filters[key];
      input.addEventListener('change', () => {
        this.filters[key] = input.value;
        this.pane.render();
      });
      return el('label', {}, label, input);
    };
    const accounts = plan.actions;
    const unique = (values: string[]) => [...new Set(values)].sort();
    return el(
      'div',
      { class: 'filters' },
      select(
        'owner',
        w.owner,
        unique(accounts.map((a) => a.owner ?? '')).map((o) => [o, o]),
      ),
      select(
        'stage',
        w.stage,
        plan.policy.stages.map((s) => [s.id, s.name[this.language]]),
      ),
      select(
        'currency',
        w.currency,
        unique(accounts.map((a) => a.currency)).map((c) => [c, c]),
      ),
    );
  }

  private actionsTable(plan: DunningPlan): HTMLElement {
    const w = this.words;
    const language = this.language;
    const rows = this.visible(plan.actions).map((account) => {
      const key = accountKey(account);
      const box = el('input', { type: 'checkbox', 'data-account': key, 'aria-label': account.customer });
      box.checked = this.selected.has(key);
      box.addEventListener('change', () => {
        if (box.checked) this.selected.add(key);
        else this.selected.delete(key);
        this.pane.render();
      });
      const money = (minor: number, currency = account.currency) => formatMoney(minor, currency, language);
      const claims =
        account.penaltyError !== null
          ? w.penaltyError
          : account.stage?.claimsInterest
            ? [money(account.interestTotal), ...account.feeTotals.map((f) => money(f.amount, f.currency))].join(' + ')
            : '';
      const oldest = account.dunned[0];
      return el(
        'tr',
        { 'data-customer': account.customer, 'data-stage': account.stage?.id ?? '' },
        el('td', {}, box),
        el('td', {}, account.customer),
        el(
          'td',
          {},
          account.stage?.name[language] ?? '',
          ...planNotes(account, language).map((note) => el('div', { class: 'help plan-note' }, note)),
        ),
        el('td', { class: 'num' }, money(account.amountDue)),
        el('td', { class: 'num' }, oldest ? `${oldest.item.invoiceNumber} · ${w.days(oldest.daysOverdue)}` : ''),
        el('td', {}, account.owner ?? ''),
        el(
          'td',
          account.penaltyError ? { class: 'num', title: account.penaltyError.localized(language) } : { class: 'num' },
          claims,
        ),
      );
    });
    return el(
      'table',
      { class: 'plan', id: 'plan-actions' },
      el('thead', {}, headerRow('', w.customer, w.stage, w.due, w.oldest, w.owner, w.claims)),
      el('tbody', {}, rows),
    );
  }

  private excludedView(plan: DunningPlan): HTMLElement {
    const w = this.words;
    return el(
      'details',
      { id: 'plan-excluded' },
      el('summary', {}, w.excluded(plan.excluded.length)),
      el(
        'table',
        { class: 'plan' },
        el(
          'tbody',
          {},
          plan.excluded.map((account) =>
            el(
              'tr',
              { 'data-customer': account.customer },
              el('td', {}, account.customer),
              el('td', {}, account.currency),
              el('td', { class: 'reason' }, exclusionText(account, this.language)),
            ),
          ),
        ),
      ),
    );
  }

  /** What the log says that needs the user: rows it cannot read, disputes still open. */
  private memoryViews(plan: DunningPlan): HTMLElement[] {
    const w = this.words;
    const language = this.language;
    const views: HTMLElement[] = [];
    if (this.logHeaderMissing) {
      const header = LOG_COLUMNS.map((column) => LOG_HEADERS[language][column]).join(', ');
      views.push(el('p', { class: 'warning', id: 'log-header-missing' }, w.headerMissing(header)));
    }
    if (plan.unreadableLog.length > 0) {
      views.push(
        el(
          'section',
          { id: 'log-unreadable', class: 'warning' },
          el('p', {}, w.unreadable(plan.unreadableLog.length)),
          el(
            'ul',
            {},
            unreadableLogText(plan, language).map((line) => el('li', {}, line)),
          ),
        ),
      );
    }
    const rows = plan.disputes.map((dispute, index) =>
      el(
        'tr',
        { 'data-customer': dispute.customer },
        el('td', {}, dispute.customer),
        el('td', {}, dispute.invoices.join(' ')),
        el('td', { class: 'num' }, formatMoney(dispute.amount, dispute.currency, language)),
        el('td', {}, dispute.since === null ? w.undated : formatShortDate(dispute.since)),
        el('td', { class: 'num' }, dispute.ageDays === null ? '' : w.days(dispute.ageDays)),
        el('td', {}, dispute.reason),
        el('td', {}, dispute.owner),
        el(
          'td',
          {},
          this.pane.commandButton(`dispute-resolved-${index}`, w.resolved, async () => {
            await this.appendLog([disputeResolvedEntry(dispute, plan.asOf, language)]);
            await this.buildPlan();
            return w.resolvedDone(dispute.customer, dispute.invoices.join(' '));
          }),
        ),
      ),
    );
    views.push(
      el(
        'details',
        { id: 'open-disputes' },
        el('summary', {}, w.disputes(plan.disputes.length)),
        el(
          'table',
          { class: 'plan' },
          el('thead', {}, headerRow(w.customer, w.invoices, w.due, w.since, w.age, w.disputeReason, w.owner, '')),
          el('tbody', {}, rows),
        ),
      ),
    );
    return views;
  }

  private emailView(): HTMLElement {
    const w = this.words;
    const attach = el('input', { type: 'checkbox', id: 'eml-attach-docx' });
    attach.checked = this.attachDocx;
    attach.addEventListener('change', () => {
      this.attachDocx = attach.checked;
    });
    return el(
      'section',
      { id: 'email-drafts' },
      el('label', {}, attach, w.attachDocx),
      el(
        'ul',
        {},
        this.emailDrafts.map((draft, index) => {
          const customer = draft.letter.customer;
          const item = el(
            'li',
            { 'data-customer': customer },
            draft.href ? el('a', { href: draft.href, target: '_blank', rel: 'noopener' }, customer) : customer,
            ` — ${draft.note}`,
          );
          if (!draft.letter.email) return item;
          if (draft.sent) {
            item.append(el('span', { class: 'sent' }, ` — ${w.sent}`));
            return item;
          }
          item.append(
            ' ',
            this.pane.commandButton(`eml-${index}`, w.eml, () => this.emlDraft(draft.letter)),
            this.pane.commandButton(`mark-sent-${index}`, w.markSent, () => this.markSent([draft])),
          );
          return item;
        }),
      ),
      el(
        'div',
        { class: 'actions' },
        this.pane.commandButton('mark-all-sent', w.markAllSent, () => this.markSent(this.emailDrafts)),
      ),
    );
  }

  private previewView(): HTMLElement {
    // Letters are HTML built by the core renderer, which escapes every value.
    const frame = el('iframe', { id: 'letter-preview', title: this.words.preview, sandbox: '' });
    frame.srcdoc = `<!doctype html><meta charset="utf-8"><style>body{font:12px Georgia,serif}.letter{border-bottom:1px dashed #999;padding-bottom:1em;margin-bottom:1em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:2px 4px;text-align:left}.num{text-align:right}</style>${this.previewHtml.join('\n')}`;
    return frame;
  }

  private callListView(plan: DunningPlan): HTMLElement {
    const w = this.words;
    const settings = this.pane.settings;
    const entries = callList(plan, {
      company: settings.companyName || '—',
      defaultLanguage: this.language,
      log: this.logEntries,
    });
    if (entries.length === 0)
      return el('section', { id: 'call-list' }, el('h2', {}, w.callList), el('p', { class: 'help' }, w.noCalls));
    return el(
      'section',
      { id: 'call-list' },
      el('h2', {}, w.callList),
      entries.map((entry) => {
        const date = el('input', { type: 'date', 'aria-label': w.promiseDate, value: formatIsoDate(plan.asOf + 7) });
        const reason = el('input', { type: 'text', 'aria-label': w.disputeReason, placeholder: w.disputeReason });
        const disputed = el('input', { type: 'text', 'aria-label': w.disputeInvoices, placeholder: w.disputeInvoices });
        const log = (outcome: 'promise' | 'dispute' | 'noAnswer', label: string, detail: () => string) =>
          this.pane.commandButton(`call-${outcome}-${entry.customer}`, label, () =>
            this.logCall(entry, outcome, detail(), disputed.value),
          );
        return el(
          'article',
          { class: 'call', 'data-customer': entry.customer },
          el('h3', {}, `${entry.customer} — ${formatMoney(entry.amountDue, entry.currency, this.language)}`),
          el(
            'p',
            {},
            `${w.phone}: ${entry.phone ?? '—'} · ${entry.owner ?? ''}${entry.oldestInvoice ? ` · ${entry.oldestInvoice.number} (${formatShortDate(entry.oldestInvoice.dueDay)})` : ''}`,
          ),
          el('p', { class: 'script', lang: entry.language }, entry.script),
          ...(entry.loggedToday.length > 0
            ? [el('p', { class: 'logged-today' }, w.loggedToday(entry.loggedToday.join(', ')))]
            : []),
          el(
            'div',
            { class: 'actions' },
            date,
            log('promise', w.promise, () => date.value),
            disputed,
            reason,
            log('dispute', w.dispute, () => reason.value),
            log('noAnswer', w.noAnswer, () => ''),
          ),
        );
      }),
    );
  }

  // ---- the policy, in Settings --------------------------------------------------------------

  policyView(): HTMLElement {
    const w = this.words;
    const policy = this.policy();
    const update = (next: DunningPolicy) => {
      this.pane.settings.policy = next;
      this.pane.changed();
    };
    const rows = policy.stages.map((stage, index) => {
      const text = (value: string, label: string, change: (value: string) => DunningPolicy) => {
        const input = el('input', { type: 'text', value, 'aria-label': label });
        input.addEventListener('change', () => update(change(input.value)));
        return el('td', {}, input);
      };
      const check = (value: boolean, label: string, change: (value: boolean) => DunningPolicy) => {
        const input = el('input', { type: 'checkbox', 'aria-label': label });
        input.checked = value;
        input.addEventListener('change', () => update(change(input.checked)));
        return el('td', {}, input);
      };
      const withStage = (patch: Partial<(typeof policy.stages)[number]>) => ({
        ...policy,
        stages: policy.stages.map((s, i) => (i === index ? { ...s, ...patch } : s)),
      });
      return el(
        'tr',
        {},
        text(String(stage.fromDay), w.from, (v) => withStage({ fromDay: Number(v) })),
        text(stage.name.en, w.nameEn, (v) => withStage({ name: { ...stage.name, en: v } })),
        text(stage.name.fr, w.nameFr, (v) => withStage({ name: { ...stage.name, fr: v } })),
        text(stage.channel.en, w.channelEn, (v) => withStage({ channel: { ...stage.channel, en: v } })),
        text(stage.channel.fr, w.channelFr, (v) => withStage({ channel: { ...stage.channel, fr: v } })),
        check(stage.claimsInterest, w.interest, (v) => withStage({ claimsInterest: v })),
        check(stage.claimsRecoveryFee, w.fee, (v) => withStage({ claimsRecoveryFee: v })),
      );
    });
    const number = (id: string, label: string, value: number | null, change: (value: string) => DunningPolicy) => {
      const input = el('input', { id, type: 'text', value: value === null ? '' : String(value) });
      input.addEventListener('change', () => update(change(input.value)));
      return el('label', {}, label, input);
    };
    const jurisdiction = el(
      'select',
      { id: 'policy-jurisdiction' },
      ...['FR', 'EU', 'DE', 'UK'].map((j) => el('option', { value: j }, j)),
      el('option', { value: '' }, w.none),
    );
    jurisdiction.value = policy.jurisdiction ?? '';
    jurisdiction.addEventListener('change', () =>
      update({ ...policy, jurisdiction: jurisdiction.value === '' ? null : parseJurisdiction(jurisdiction.value) }),
    );
    return el(
      'section',
      { id: 'policy' },
      el('h2', {}, w.policy),
      el(
        'table',
        { class: 'policy' },
        el('thead', {}, headerRow(w.from, w.nameEn, w.nameFr, w.interest, w.fee)),
        el('tbody', {}, ...rows),
      ),
      number('policy-interval', w.interval, policy.minimumIntervalDays, (v) => ({ ...policy, minimumIntervalDays: Number(v) })),
      number('policy-minimum', w.minimum, policy.minimumAmount, (v) => ({
        ...policy,
        minimumAmount: Number(v.replace(',', '.')),
      })),
      el('label', {}, w.jurisdiction, jurisdiction),
      number('policy-rate', w.rate, policy.explicitRate, (v) => ({
        ...policy,
        explicitRate: v.trim() === '' ? null : Number(v.replace(',', '.')),
      })),
      number('policy-deadline', w.deadline, policy.paymentDeadlineDays, (v) => ({ ...policy, paymentDeadlineDays: Number(v) })),
    );
  }
}

function accountKey(account: AccountPlan): string {
  return `${account.customer}\u0000${account.currency}`;
}

/** The accounts a stopped run did not reach, named so the user knows what is left. */
function notDone(letters: readonly Letter[]): string {
  const names = letters.slice(0, 10).map((letter) => letter.customer);
  return letters.length > 10 ? `${names.join(', ')}… (+${letters.length - 10})` : names.join(', ');
}
