// Letter templates: plain text with {{placeholders}}, editable in a sheet, compiled with
// Handlebars. Every placeholder is checked before anything is generated, so a typo names
// itself instead of leaving a blank in a letter sent to a customer.

import Handlebars from 'handlebars';
import { AgeBucketError, fail, type Language } from '../primitives/messages';
import type { LetterTemplate } from './defaultTemplates';

/** The sheet of the user's own templates, in each language. */
export const TEMPLATE_SHEETS: Record<Language, string> = { en: 'Letter templates', fr: 'Modèles de lettres' };

type Described = { readonly en: string; readonly fr: string };

/** Every value a template may insert, with what it means (shown in the Templates sheet). */
export const PLACEHOLDERS: Readonly<Record<string, Described>> = {
  company: { en: 'your company name', fr: 'le nom de votre société' },
  company_address: { en: 'your address', fr: 'votre adresse' },
  company_registration: { en: 'your registration (SIREN, RCS)', fr: 'votre immatriculation (SIREN, RCS)' },
  company_legal_form: { en: 'your legal form and capital', fr: 'votre forme juridique et votre capital' },
  company_iban: { en: 'your IBAN for transfers', fr: 'votre IBAN pour les virements' },
  company_email: { en: 'your accounts email', fr: 'votre email comptabilité' },
  company_phone: { en: 'your phone number', fr: 'votre numéro de téléphone' },
  customer: { en: 'the customer’s name', fr: 'le nom du client' },
  customer_code: { en: 'the customer’s account code', fr: 'le code du compte client' },
  customer_address: { en: 'the customer’s address', fr: 'l’adresse du client' },
  owner: { en: 'the account manager', fr: 'le gestionnaire du compte' },
  date: { en: 'the letter’s date', fr: 'la date de la lettre' },
  stage: { en: 'the dunning stage', fr: 'le niveau de relance' },
  invoice_count: { en: 'number of invoices listed', fr: 'nombre de factures listées' },
  total_due: { en: 'overdue invoices, total', fr: 'total des factures échues' },
  amount_coming_due: {
    en: 'invoices coming due, total (courtesy reminder)',
    fr: 'total des factures à échoir (rappel avant échéance)',
  },
  credits_total: { en: 'credit notes and unapplied payments', fr: 'avoirs et règlements non lettrés' },
  net_due: { en: 'overdue total less credits', fr: 'total échu, avoirs déduits' },
  balance: { en: 'the whole account balance', fr: 'le solde du compte' },
  invoices_total: {
    en: 'every open invoice, overdue or not, disputed included (statement)',
    fr: 'toutes les factures ouvertes, échues ou non, litiges compris (relevé)',
  },
  overdue_total: {
    en: 'every overdue open invoice, disputed included (statement)',
    fr: 'toutes les factures ouvertes échues, litiges compris (relevé)',
  },
  credits_amount: {
    en: 'credit notes and unapplied payments, as a positive amount',
    fr: 'avoirs et règlements non lettrés, en montant positif',
  },
  balance_in_favour: {
    en: 'a balance in the customer’s favour, as a positive amount',
    fr: 'un solde en faveur du client, en montant positif',
  },
  interest_rate: { en: 'the interest rate claimed', fr: 'le taux des pénalités' },
  interest_total: { en: 'late-payment interest claimed', fr: 'pénalités de retard réclamées' },
  fees_total: { en: 'recovery fees claimed', fr: 'indemnités forfaitaires réclamées' },
  fee_count: { en: 'number of invoices with a recovery fee', fr: 'nombre de factures donnant lieu à l’indemnité' },
  interest_clause: {
    en: 'the interest paragraph the account’s law calls for (statutory, contractual, public body, consumer)',
    fr: 'le paragraphe des pénalités selon la loi du compte (légales, contractuelles, organisme public, particulier)',
  },
  fee_clause: {
    en: 'the recovery-fee paragraph (40 € per invoice, D441-5; £40/£70/£100 in the UK), empty for a consumer',
    fr: 'le paragraphe de l’indemnité forfaitaire (40 € par facture, D441-5), vide pour un particulier',
  },
  total_claimed: { en: 'net due + interest + fees', fr: 'total réclamé (échu + pénalités + indemnités)' },
  deadline: { en: 'the payment deadline', fr: 'la date limite de paiement' },
  deadline_days: { en: 'days given to pay', fr: 'délai de paiement en jours' },
  oldest_due_date: { en: 'due date of the oldest invoice', fr: 'échéance de la plus ancienne facture' },
  oldest_days_overdue: { en: 'days overdue of the oldest invoice', fr: 'jours de retard de la plus ancienne facture' },
  last_reminder_date: { en: 'date of the last reminder', fr: 'date de la dernière relance' },
  last_reminder_stage: { en: 'the last reminder sent', fr: 'la dernière relance envoyée' },
  broken_promise_date: { en: 'date of a promise not kept', fr: 'date d’une promesse non tenue' },
  invoice_table: { en: 'the table of invoices (on a line of its own)', fr: 'le tableau des factures (seul sur sa ligne)' },
};

/** Yes/no values for {{#if …}} … {{/if}} blocks. */
export const FLAGS: Readonly<Record<string, Described>> = {
  claims_interest: { en: 'the stage claims interest', fr: 'le niveau réclame des pénalités' },
  claims_fee: { en: 'the stage claims recovery fees', fr: 'le niveau réclame l’indemnité forfaitaire' },
  has_credits: { en: 'the account has credit notes or payments', fr: 'le compte a des avoirs ou règlements' },
  has_disputed: { en: 'some invoices are disputed', fr: 'des factures sont en litige' },
  has_overdue: { en: 'some open invoice is overdue', fr: 'une facture ouverte est échue' },
  is_credit_balance: {
    en: 'the balance is in the customer’s favour (credits exceed invoices)',
    fr: 'le solde est en faveur du client (les crédits dépassent les factures)',
  },
  has_broken_promise: { en: 'a promise to pay was not kept', fr: 'une promesse de paiement n’a pas été tenue' },
  claims_penalties: { en: 'the letter claims interest or fees', fr: 'la lettre réclame des pénalités ou indemnités' },
  is_consumer: { en: 'the customer is a consumer', fr: 'le client est un particulier' },
  is_public_body: { en: 'the customer is a public body', fr: 'le client est un organisme public' },
  has_last_reminder: {
    en: 'a reminder about these invoices was sent before',
    fr: 'une relance a déjà été envoyée pour ces factures',
  },
};

export type TemplateValues = Record<keyof typeof PLACEHOLDERS | keyof typeof FLAGS, string | boolean>;

const engine = Handlebars.create();

type Node = { type: string; [key: string]: unknown };

/** Throws an error naming the first unknown placeholder (or the syntax error) of a template. */
export function validateTemplate(template: LetterTemplate): void {
  for (const [part, text] of [
    ['subject', template.subject],
    ['body', template.body],
  ] as const) {
    let program: Node;
    try {
      program = engine.parse(text) as unknown as Node;
    } catch (error) {
      fail('templateSyntax', { stage: template.stageId, language: template.language, part, reason: firstLine(error) });
    }
    walk(program, (name, asFlag) => {
      // Own keys only: `{{toString}}` or `{{constructor}}` is a typo, not a key of every object.
      const known = asFlag ? Object.hasOwn(FLAGS, name) || Object.hasOwn(PLACEHOLDERS, name) : Object.hasOwn(PLACEHOLDERS, name);
      if (!known) fail('templateUnknownPlaceholder', { name, stage: template.stageId, language: template.language, part });
    });
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

function walk(node: Node, visit: (name: string, asFlag: boolean) => void): void {
  switch (node.type) {
    case 'Program':
      for (const child of node.body as Node[]) walk(child, visit);
      return;
    case 'MustacheStatement': {
      const path = node.path as Node;
      // A helper call such as {{uppercase customer}} is not a placeholder: name it as written.
      const params = (node.params as Node[]).map((param) => String(param.original ?? param.type));
      visit([String(path.original ?? path.type), ...params].join(' '), false);
      return;
    }
    case 'BlockStatement': {
      const path = node.path as Node;
      const params = node.params as Node[];
      const helper = String(path.original);
      if ((helper !== 'if' && helper !== 'unless') || params.length !== 1 || params[0]?.type !== 'PathExpression') {
        visit(`#${helper}`, true);
        return;
      }
      visit(String(params[0].original), true);
      walk(node.program as Node, visit);
      if (node.inverse) walk(node.inverse as Node, visit);
      return;
    }
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    default:
      visit(`${node.type}`, false);
  }
}

export interface CompiledTemplate {
  readonly subject: (values: TemplateValues) => string;
  readonly body: (values: TemplateValues) => string;
}

// A run of a thousand letters uses a dozen templates: compile each once.
const compiledTemplates = new WeakMap<LetterTemplate, CompiledTemplate>();

/** Compiles a validated template; values are inserted as plain text (renderers escape them). */
export function compileTemplate(template: LetterTemplate): CompiledTemplate {
  const cached = compiledTemplates.get(template);
  if (cached) return cached;
  validateTemplate(template);
  const options = { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers: { if: true, unless: true } };
  const subject = engine.compile(template.subject, options);
  const body = engine.compile(template.body, options);
  const result: CompiledTemplate = { subject: (values) => subject(values), body: (values) => body(values) };
  compiledTemplates.set(template, result);
  return result;
}

/** The template for a stage and language: the user's from the sheet first, else the default. */
export function findTemplate(templates: readonly LetterTemplate[], stageId: string, language: Language): LetterTemplate {
  const found =
    templates.find((t) => t.stageId === stageId && t.language === language) ?? templates.find((t) => t.stageId === stageId);
  if (!found) throw new AgeBucketError('templateMissing', { stage: stageId, language });
  return found;
}
