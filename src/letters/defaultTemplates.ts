// The default letters, written as a credit manager sends them: courteous before the due
// date, firmer at each stage, and at the formal notice what French law expects: sent by
// registered letter with acknowledgement of receipt, "valant mise en demeure" with the
// injunction to pay (Code civil 1344), one deadline counted from receipt, the penalties of
// L441-10 from the day after each due date until full payment, and the 40 € indemnity per
// invoice (D441-5) in a paragraph of its own ({{interest_clause}} and {{fee_clause}},
// src/letters/legalMentions.ts, give the law of the account: UK, DE, EU, public body,
// consumer). No letter says that all costs fall on the debtor: recovery costs without an
// enforcement order stay with the creditor (Code des procédures civiles d'exécution L111-8).
// No letter states a step the log does not show: "our reminder of …" only inside
// {{#if has_last_reminder}} (a reminder logged about these invoices, one or several, so never
// "our reminders" in the plural), and the collection letter's "our formal notice has remained
// without effect" only because its stage refers to the formal notice (DunningStage.refersTo),
// which the plan sends first when the log does not show it.
// Every sentence about the invoices listed agrees with their number ({{#if single_invoice}}: "la
// facture suivante demeure impayée" / "les factures suivantes demeurent impayées"), never "la ou
// les factures" or "invoice(s)".
// The statement of account says overdue, less credits, = balance in words that stay true when
// credits exceed what is overdue or the account is in the customer's favour.
// Users edit them in the Templates sheet; these fill it on first use.

import type { Language } from '../primitives/messages';

export interface LetterTemplate {
  /** A stage id of the policy, or "statement" for the statement of account. */
  readonly stageId: string;
  readonly language: Language;
  readonly subject: string;
  /** Paragraphs separated by blank lines; {{invoice_table}} alone on a line places the table. */
  readonly body: string;
}

const t = (stageId: string, language: Language, subject: string, body: string): LetterTemplate => ({
  stageId,
  language,
  subject,
  body: body.trim(),
});

export const DEFAULT_TEMPLATES: readonly LetterTemplate[] = [
  t(
    'courtesy',
    'en',
    'Upcoming payment — {{invoice_count}} {{#if single_invoice}}invoice{{else}}invoices{{/if}} due soon',
    `
Dear Sir or Madam,

As a courtesy, we would like to remind you that the following {{#if single_invoice}}invoice{{else}}invoices{{/if}}, for {{amount_coming_due}}, will shortly fall due:

{{invoice_table}}

If payment has already been arranged, please disregard this message. Otherwise, we would be grateful if you could schedule it for the due date. Our bank details: IBAN {{company_iban}}.

Should you have any question about {{#if single_invoice}}this invoice{{else}}these invoices{{/if}}, {{#if has_owner}}{{owner}} will{{else}}we will{{/if}} be glad to help.

Kind regards,
`,
  ),
  t(
    'courtesy',
    'fr',
    'Rappel d’échéance — {{invoice_count}} {{#if single_invoice}}facture{{else}}factures{{/if}} à venir',
    `
Madame, Monsieur,

Nous nous permettons de vous rappeler que {{#if single_invoice}}la facture suivante, d’un montant de {{amount_coming_due}}, arrive{{else}}les factures suivantes, pour un montant de {{amount_coming_due}}, arrivent{{/if}} prochainement à échéance :

{{invoice_table}}

Si le règlement est déjà programmé, nous vous remercions et vous prions de ne pas tenir compte de ce message. Dans le cas contraire, nous vous serions reconnaissants de bien vouloir le prévoir à la date d’échéance. Nos coordonnées bancaires : IBAN {{company_iban}}.

Pour toute question relative à {{#if single_invoice}}cette facture{{else}}ces factures{{/if}}, {{#if has_owner}}{{owner}} reste{{else}}nous restons{{/if}} à votre disposition.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.
`,
  ),
  t(
    'first',
    'en',
    'Payment reminder — {{total_due}} overdue',
    `
Dear Sir or Madam,

According to our records, {{#if single_invoice}}the following invoice remains unpaid although its due date has passed{{else}}the following invoices remain unpaid although their due dates have passed{{/if}}:

{{invoice_table}}

This may well be an oversight. We would be grateful if you could settle the amount of {{net_due}} at your earliest convenience, by bank transfer to IBAN {{company_iban}}.
{{#if has_credits}}

This amount takes into account your open credit notes and payments, {{credits_total}}.
{{/if}}

If you have already made this payment, please accept our thanks and disregard this letter.

Kind regards,
`,
  ),
  t(
    'first',
    'fr',
    'Relance — {{total_due}} échus',
    `
Madame, Monsieur,

Sauf erreur ou omission de notre part, {{#if single_invoice}}la facture suivante reste impayée alors que son échéance est dépassée{{else}}les factures suivantes restent impayées alors que leur échéance est dépassée{{/if}} :

{{invoice_table}}

Il s’agit sans doute d’un simple oubli. Nous vous remercions de bien vouloir procéder au règlement de la somme de {{net_due}} dans les meilleurs délais, par virement sur notre compte IBAN {{company_iban}}.
{{#if has_credits}}

Ce montant tient compte de vos avoirs et règlements non soldés, pour {{credits_total}}.
{{/if}}

Si votre règlement nous est parvenu entre-temps, nous vous en remercions et vous prions de ne pas tenir compte de ce courrier.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.
`,
  ),
  t(
    'second',
    'en',
    'Second reminder — {{total_due}} overdue',
    `
Dear Sir or Madam,

{{#if has_last_reminder}}Despite our reminder of {{last_reminder_date}}, the following {{#if single_invoice}}invoice is{{else}}invoices are{{/if}} still unpaid:{{else}}{{#if single_invoice}}The following invoice is still unpaid although its due date has passed:{{else}}The following invoices are still unpaid although their due dates have passed:{{/if}}{{/if}}

{{invoice_table}}

We ask you to settle the amount of {{net_due}} within eight days, by bank transfer to IBAN {{company_iban}}.{{#if has_broken_promise}} We had been promised payment by {{broken_promise_date}} and have received nothing.{{/if}}

If something prevents payment, please contact {{#if has_owner}}{{owner}}{{else}}us{{/if}} without delay so that we can resolve it together. We will also call you in the coming days.

Kind regards,
`,
  ),
  t(
    'second',
    'fr',
    'Deuxième relance — {{total_due}} échus',
    `
Madame, Monsieur,

{{#if has_last_reminder}}Malgré notre relance du {{last_reminder_date}}, {{#if single_invoice}}la facture suivante demeure impayée{{else}}les factures suivantes demeurent impayées{{/if}} :{{else}}{{#if single_invoice}}La facture suivante demeure impayée alors que son échéance est dépassée :{{else}}Les factures suivantes demeurent impayées alors que leur échéance est dépassée :{{/if}}{{/if}}

{{invoice_table}}

Nous vous demandons de bien vouloir régler la somme de {{net_due}} sous huit jours, par virement sur notre compte IBAN {{company_iban}}.{{#if has_broken_promise}} Un règlement nous avait été promis pour le {{broken_promise_date}} ; il ne nous est pas parvenu.{{/if}}

Si une difficulté empêche ce règlement, nous vous invitons à {{#if has_owner}}contacter sans attendre {{owner}}{{else}}nous contacter sans attendre{{/if}} afin que nous trouvions ensemble une solution. Nous vous appellerons par ailleurs dans les prochains jours.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.
`,
  ),
  t(
    'final',
    'en',
    'Final reminder before formal notice — {{total_due}} overdue',
    `
Dear Sir or Madam,

{{#if has_last_reminder}}Our reminder of {{last_reminder_date}} has remained without effect. The following {{#if single_invoice}}invoice is{{else}}invoices are{{/if}} still unpaid:{{else}}{{#if single_invoice}}The following invoice is still unpaid well after its due date:{{else}}The following invoices are still unpaid well after their due dates:{{/if}}{{/if}}

{{invoice_table}}

This is our final reminder. Unless we receive {{net_due}} by {{deadline}}, we will send you a formal notice{{#unless is_consumer}} also claiming the late-payment interest and the compensation for recovery costs the law provides{{/unless}}, and we will suspend deliveries on your account until it is settled.

Payment by bank transfer to IBAN {{company_iban}}.

Yours faithfully,
`,
  ),
  t(
    'final',
    'fr',
    'Dernière relance avant mise en demeure — {{total_due}} échus',
    `
Madame, Monsieur,

{{#if has_last_reminder}}Notre relance du {{last_reminder_date}} est restée sans effet. {{#if single_invoice}}La facture suivante demeure impayée{{else}}Les factures suivantes demeurent impayées{{/if}} :{{else}}{{#if single_invoice}}La facture suivante demeure impayée bien après son échéance :{{else}}Les factures suivantes demeurent impayées bien après leur échéance :{{/if}}{{/if}}

{{invoice_table}}

Il s’agit de notre dernière relance amiable. À défaut de réception de la somme de {{net_due}} au plus tard le {{deadline}}, nous vous adresserons une mise en demeure{{#unless is_consumer}} réclamant en outre les pénalités de retard et l’indemnité forfaitaire pour frais de recouvrement prévues par la loi{{/unless}}, et nous suspendrons les livraisons sur votre compte jusqu’à régularisation.

Règlement par virement sur notre compte IBAN {{company_iban}}.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.
`,
  ),
  t(
    'formalNotice',
    'en',
    'Formal notice to pay — {{total_claimed}}',
    `
REGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT

Dear Sir or Madam,

{{#if has_last_reminder}}Despite our reminder of {{last_reminder_date}}, the following {{#if single_invoice}}invoice remains{{else}}invoices remain{{/if}} unpaid:{{else}}{{#if single_invoice}}The following invoice remains unpaid although its due date has passed:{{else}}The following invoices remain unpaid although their due dates have passed:{{/if}}{{/if}}

{{invoice_table}}

This letter is a formal notice to pay: we require you to pay us the principal sum of {{net_due}} within {{deadline_days}} days of receiving it.

{{interest_clause}}

{{fee_clause}}

{{#if claims_penalties}}The total claimed at {{date}} is therefore {{total_claimed}}.{{/if}}

{{#if is_french_public_body}}This letter is also our prior claim for payment within the meaning of article R421-1 of the French Code of Administrative Justice. If payment in full has not reached us within this period, we will bring proceedings before the competent administrative court without further notice, including an application for an interim payment (référé-provision, article R541-1 of that Code).{{else}}If payment in full has not reached us within this period, we will take legal action to recover the debt without further notice.{{/if}}

Payment by bank transfer to IBAN {{company_iban}}.

Yours faithfully,
`,
  ),

  t(
    'formalNotice',
    'fr',
    'Mise en demeure de payer — {{total_claimed}}',
    `
LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION

Madame, Monsieur,

{{#if has_last_reminder}}Malgré notre relance du {{last_reminder_date}}, {{#if single_invoice}}la facture suivante demeure impayée{{else}}les factures suivantes demeurent impayées{{/if}} :{{else}}{{#if single_invoice}}La facture suivante demeure impayée alors que son échéance est dépassée :{{else}}Les factures suivantes demeurent impayées alors que leur échéance est dépassée :{{/if}}{{/if}}

{{invoice_table}}

Par la présente, valant mise en demeure, nous vous enjoignons de nous régler la somme principale de {{net_due}} dans un délai de {{deadline_days}} jours à compter de la réception de la présente.

{{interest_clause}}

{{fee_clause}}

{{#if claims_penalties}}La somme réclamée s’élève ainsi, au {{date}}, à {{total_claimed}}.{{/if}}

{{#if is_french_public_body}}La présente vaut également demande préalable de paiement au sens de l’article R421-1 du Code de justice administrative. À défaut de règlement intégral dans ce délai, nous saisirons sans autre avis le tribunal administratif compétent, notamment d’une demande de provision en référé (article R541-1 du Code de justice administrative).{{else}}À défaut de règlement intégral dans ce délai, nous saisirons sans autre avis la juridiction compétente afin d’obtenir le paiement des sommes dues, notamment par voie d’injonction de payer.{{/if}}

Règlement par virement sur notre compte IBAN {{company_iban}}.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.
`,
  ),

  t(
    'collection',
    'en',
    'Notice of referral for collection — {{total_claimed}}',
    `
Dear Sir or Madam,

Our formal notice has remained without effect. The following {{#if single_invoice}}invoice is{{else}}invoices are{{/if}} still unpaid:

{{invoice_table}}

{{interest_clause}}

{{fee_clause}}

We are therefore referring this debt of {{total_claimed}} to our collection department and our lawyers, who will bring proceedings before the competent {{#if is_french_public_body}}administrative court, including an application for an interim payment (référé-provision, article R541-1 of the French Code of Administrative Justice){{else}}court{{/if}}.

Only payment in full received by {{deadline}} at IBAN {{company_iban}} will stop these proceedings.

Yours faithfully,
`,
  ),

  t(
    'collection',
    'fr',
    'Transmission au service contentieux — {{total_claimed}}',
    `
Madame, Monsieur,

Notre mise en demeure est restée sans effet. {{#if single_invoice}}La facture suivante demeure impayée{{else}}Les factures suivantes demeurent impayées{{/if}} :

{{invoice_table}}

{{interest_clause}}

{{fee_clause}}

Nous transmettons en conséquence cette créance de {{total_claimed}} à notre service contentieux et à notre conseil, qui saisira {{#if is_french_public_body}}le tribunal administratif compétent, notamment d’une demande de provision en référé (article R541-1 du Code de justice administrative){{else}}la juridiction compétente, notamment par voie d’injonction de payer{{/if}}.

Seul un règlement intégral reçu au plus tard le {{deadline}} sur notre compte IBAN {{company_iban}} interrompra cette procédure.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.
`,
  ),

  t(
    'statement',
    'en',
    'Statement of account at {{date}}',
    `
Dear Sir or Madam,

Please find below the statement of your account with us at {{date}}.

{{invoice_table}}

{{#if has_credits}}Your open invoices come to {{invoices_total}}{{#if has_overdue}}, of which {{overdue_total}} overdue{{/if}}; less your open credit notes and payments, {{credits_amount}}, {{#if is_credit_balance}}your account shows a credit of {{balance_in_favour}} in your favour{{else}}the balance of your account is {{balance}}{{/if}}.{{else}}The balance of your account is {{balance}}{{#if has_overdue}}, of which {{overdue_total}} is overdue{{else}}; none of it is overdue{{/if}}.{{/if}} If your records differ, please let {{#if has_owner}}{{owner}}{{else}}us{{/if}} know so that we can reconcile them.

Kind regards,
`,
  ),
  t(
    'statement',
    'fr',
    'Relevé de compte au {{date}}',
    `
Madame, Monsieur,

Veuillez trouver ci-dessous le relevé de votre compte client au {{date}}.

{{invoice_table}}

{{#if has_credits}}Vos factures ouvertes s’élèvent à {{invoices_total}}{{#if has_overdue}}, dont {{overdue_total}} échus{{/if}} ; déduction faite de vos avoirs et règlements non soldés, soit {{credits_amount}}, {{#if is_credit_balance}}votre compte présente un solde de {{balance_in_favour}} en votre faveur{{else}}le solde de votre compte s’élève à {{balance}}{{/if}}.{{else}}Le solde de votre compte s’élève à {{balance}}{{#if has_overdue}}, dont {{overdue_total}} échus{{else}} ; aucune somme n’est échue{{/if}}.{{/if}} Si vos écritures diffèrent, merci {{#if has_owner}}d’en informer {{owner}}{{else}}de nous en informer{{/if}} afin que nous procédions au rapprochement.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.
`,
  ),
];
