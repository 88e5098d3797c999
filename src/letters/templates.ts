// Letter templates: plain text with {{placeholders}} and {{#if flag}} blocks, editable in a
// sheet, in Handlebars' syntax. Handlebars parses them; this module renders them itself (its
// compiler generates JavaScript at run time, which the pane's Content-Security-Policy forbids).
// Every placeholder is checked before anything is generated, so a typo names itself instead of
// leaving a blank in a letter sent to a customer.

// The parser alone: importing 'handlebars' would bundle its compiler and its `new Function`.
import { parse } from 'handlebars/dist/cjs/handlebars/compiler/base';
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
  credits_total: {
    en: 'open credit notes and payments (unapplied or partly matched)',
    fr: 'avoirs et règlements non soldés (non lettrés ou partiellement lettrés)',
  },
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
    en: 'open credit notes and payments (unapplied or partly matched), as a positive amount',
    fr: 'avoirs et règlements non soldés (non lettrés ou partiellement lettrés), en montant positif',
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
  is_french_public_body: {
    en: 'a French public body (public procurement law): the administrative court, not an injunction to pay',
    fr: 'un organisme public français (commande publique) : le juge administratif, non l’injonction de payer',
  },
  single_invoice: {
    en: 'the letter lists one invoice (for singular wording)',
    fr: 'la lettre liste une seule facture (accord au singulier)',
  },
  has_owner: {
    en: 'the account has an owner, or the company a signatory, to name ({{owner}}); else "us"',
    fr: 'le compte a un responsable, ou l’entreprise un signataire, à nommer ({{owner}}) ; sinon « nous »',
  },
  has_last_reminder: {
    en: 'a reminder about these invoices was sent before',
    fr: 'une relance a déjà été envoyée pour ces factures',
  },
};

export type TemplateValues = Record<keyof typeof PLACEHOLDERS | keyof typeof FLAGS, string | boolean>;

type Node = { type: string; [key: string]: unknown };

/**
 * A template once read: text, inserted values and yes/no blocks. Rendering walks this instead of
 * Handlebars' compiled JavaScript, which is made with `new Function` — the pane's
 * Content-Security-Policy forbids that (no 'unsafe-eval').
 */
type Part =
  | string
  | { readonly insert: string }
  | { readonly when: string; readonly negate: boolean; readonly whenTrue: readonly Part[]; readonly whenFalse: readonly Part[] };

/** Throws an error naming the first unknown placeholder (or the syntax error) of a template. */
export function validateTemplate(template: LetterTemplate): void {
  readTemplate(template);
}

function readTemplate(template: LetterTemplate): { subject: readonly Part[]; body: readonly Part[] } {
  return { subject: readPart(template, 'subject', template.subject), body: readPart(template, 'body', template.body) };
}

function readPart(template: LetterTemplate, part: 'subject' | 'body', text: string): readonly Part[] {
  let program: Node;
  try {
    // Handlebars' parser also applies its whitespace control: `{{~ … ~}}` and the lines that
    // hold only a block tag, which are dropped as Handlebars itself drops them.
    program = parse(text) as unknown as Node;
  } catch (error) {
    fail('templateSyntax', { stage: template.stageId, language: template.language, part, reason: firstLine(error) });
  }
  const unknown: (name: string) => never = (name) =>
    fail('templateUnknownPlaceholder', { name, stage: template.stageId, language: template.language, part });
  return readProgram(program, unknown);
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

/** The one name a path stands for, or null for `this.x`, `../x`, `@x`, `x.y`. */
function plainName(path: Node): string | null {
  const parts = path.parts as unknown;
  if (path.type !== 'PathExpression' || path.data || path.depth !== 0 || !Array.isArray(parts) || parts.length !== 1) return null;
  return parts[0] === path.original ? String(path.original) : null;
}

function written(node: Node): string {
  return String(node.original ?? node.type);
}

function readProgram(node: Node | undefined, unknown: (name: string) => never): Part[] {
  const parts: Part[] = [];
  // `{{^if x}}…{{/if}}` has no main block.
  if (node === undefined) return parts;
  for (const child of node.body as Node[]) {
    switch (child.type) {
      case 'ContentStatement':
        if (child.value !== '') parts.push(String(child.value));
        break;
      case 'CommentStatement':
        break;
      case 'MustacheStatement': {
        const path = child.path as Node;
        const params = child.params as Node[];
        const pairs = ((child.hash as Node | undefined)?.pairs as Node[] | undefined) ?? [];
        const name = plainName(path);
        // Own keys only: `{{toString}}` or `{{constructor}}` is a typo, not a key of every object.
        // A helper call such as {{uppercase customer}} is not a placeholder: name it as written.
        if (name === null || !Object.hasOwn(PLACEHOLDERS, name) || params.length > 0 || pairs.length > 0)
          unknown(
            [written(path), ...params.map(written), ...pairs.map((pair) => `${pair.key}=${written(pair.value as Node)}`)].join(
              ' ',
            ),
          );
        parts.push({ insert: name });
        break;
      }
      case 'BlockStatement': {
        const path = child.path as Node;
        const params = child.params as Node[];
        const helper = written(path);
        const plain = !child.hash && !(child.program as Node | undefined)?.blockParams;
        const param = params.length === 1 ? params[0] : undefined;
        if ((helper !== 'if' && helper !== 'unless') || plainName(path) === null || !plain || param?.type !== 'PathExpression')
          unknown(`#${helper}`);
        const flag = plainName(param);
        if (flag === null || !(Object.hasOwn(FLAGS, flag) || Object.hasOwn(PLACEHOLDERS, flag))) unknown(written(param));
        parts.push({
          when: flag,
          negate: helper === 'unless',
          whenTrue: readProgram(child.program as Node | undefined, unknown),
          whenFalse: readProgram(child.inverse as Node | undefined, unknown),
        });
        break;
      }
      default:
        // Partials, decorators, anything else Handlebars reads but a letter has no use for.
        unknown(child.type);
    }
  }
  return parts;
}

function render(parts: readonly Part[], values: TemplateValues): string {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else if ('insert' in part) {
      // Every placeholder is validated and every value supplied; a missing one is a defect
      // here, never a blank in a letter sent to a customer.
      if (!Object.hasOwn(values, part.insert)) throw new Error(`No value for the placeholder {{${part.insert}}}`);
      const value = values[part.insert];
      if (value !== undefined && value !== null) text += String(value);
    } else {
      // Handlebars' `if`: false, '' (and any other falsy value) take the {{else}} side.
      const value = Object.hasOwn(values, part.when) ? values[part.when] : undefined;
      text += render(Boolean(value) !== part.negate ? part.whenTrue : part.whenFalse, values);
    }
  }
  return text;
}

export interface CompiledTemplate {
  readonly subject: (values: TemplateValues) => string;
  readonly body: (values: TemplateValues) => string;
}

// A run of a thousand letters uses a dozen templates: read each once.
const compiledTemplates = new WeakMap<LetterTemplate, CompiledTemplate>();

/** Reads a template once (validating it); values are inserted as plain text (renderers escape them). */
export function compileTemplate(template: LetterTemplate): CompiledTemplate {
  const cached = compiledTemplates.get(template);
  if (cached) return cached;
  const { subject, body } = readTemplate(template);
  const result: CompiledTemplate = { subject: (values) => render(subject, values), body: (values) => render(body, values) };
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
