// The legal sentences of a formal notice, per law and language: what interest runs and why,
// and the fixed recovery fee in a paragraph of its own (it is owed even when no interest is
// claimed). Each sentence names its source; templates place them with {{interest_clause}} and
// {{fee_clause}}, so a French-law sentence never lands in a letter under another law.
//
// Sources: Code de commerce L441-10 II (ordonnance 2019-359): penalties "exigibles sans qu'un
// rappel soit nécessaire", at the ECB rate + 10 points, a contractual rate never below three
// times the legal interest rate, and the fixed recovery indemnity; D441-5 (40 €). Code de la
// commande publique L2192-13, R2192-31 (ECB + 8 points, fixed at the half-year the interest
// starts in, for the whole delay: the letter gives each invoice its one rate), D2192-35 (40 €).
// Code civil 1231-6 (legal interest from the formal notice).
// BGB §288(2) and (5). Late Payment of Commercial Debts (Interest) Act 1998, s.1 and s.5A.
// Directive 2011/7/EU, art. 3, 4 and 6.

import type { PenaltyBasis } from '../penalties/accountPenalties';
import type { Language } from '../primitives/messages';

export interface ClauseValues {
  /** "12,40 % au 2e semestre 2026" — empty when no rate could be computed. */
  readonly rate: string;
  /** The interest claimed, formatted; empty when none is claimed. */
  readonly total: string;
  /** The date the interest is counted to. */
  readonly date: string;
}

/** The interest paragraph of a formal notice or a referral, or '' when the law gives none to say. */
export function interestClause(basis: PenaltyBasis, language: Language, values: ClauseValues): string {
  const computed = values.total !== '' && values.rate !== '';
  const fr = language === 'fr';
  switch (basis.kind) {
    case 'consumer':
      // Only French law is written here for consumers; elsewhere the letter claims nothing.
      if (basis.jurisdiction !== 'FR') return '';
      return fr
        ? 'Conformément à l’article 1231-6 du Code civil, les sommes dues porteront intérêts au taux légal à compter de la présente mise en demeure.'
        : 'Under article 1231-6 of the French Civil Code, the sums due bear interest at the legal rate from the date of this formal notice.';
    case 'none':
      return '';
    case 'publicProcurement':
      return fr
        ? `Conformément aux articles L2192-13 et R2192-31 du Code de la commande publique, des intérêts moratoires courent de plein droit à compter du jour suivant l’expiration du délai de paiement de chaque facture et jusqu’à son complet paiement, au taux de la Banque centrale européenne en vigueur au premier jour du semestre au cours duquel ils ont commencé à courir, majoré de huit points, ce taux restant fixe pour toute la durée du retard${computed ? ` (${values.rate}) ; arrêtés au ${values.date}, ils s’élèvent à ${values.total}` : ''}.`
        : `Under articles L2192-13 and R2192-31 of the French Public Procurement Code, late-payment interest runs by law from the day after each invoice's payment period expired until full payment, at the European Central Bank rate in force on the first day of the half-year in which it began to run, plus eight points, that rate remaining fixed for the whole delay${computed ? ` (${values.rate}); at ${values.date} it amounts to ${values.total}` : ''}.`;
    case 'contractual':
      // A contractual rate refused (below L441-10's floor): the law's own rate still runs.
      if (values.rate === '') return basis.jurisdiction === 'FR' ? statutoryClause('FR', fr, false, values) : '';
      return fr
        ? `Conformément à nos conditions générales de vente${basis.jurisdiction === 'FR' ? ' et à l’article L441-10 du Code de commerce' : ''}, des pénalités de retard sont exigibles de plein droit, sans qu’un rappel soit nécessaire, au taux de ${values.rate}, à compter du jour suivant la date d’échéance de chaque facture et jusqu’à son complet paiement${computed ? ` ; arrêtées au ${values.date}, elles s’élèvent à ${values.total}` : ''}.`
        : `Under our terms of sale, late-payment interest is due at ${values.rate} from the day after each invoice's due date until full payment${computed ? `; as at ${values.date} it amounts to ${values.total}` : ''}.`;
    case 'statutory':
      return statutoryClause(basis.jurisdiction, fr, computed, values);
  }
}

function statutoryClause(jurisdiction: string, fr: boolean, computed: boolean, values: ClauseValues): string {
  const amountFr = computed ? ` ; arrêtées au ${values.date}, elles s’élèvent à ${values.total}` : '';
  const amountEn = computed ? `; as at ${values.date} it amounts to ${values.total}` : '';
  const rateFr = computed ? ` (${values.rate})` : '';
  const rateEn = computed ? ` (${values.rate})` : '';
  switch (jurisdiction) {
    case 'FR':
      return fr
        ? `Conformément à l’article L441-10 du Code de commerce, des pénalités de retard sont exigibles de plein droit, sans qu’un rappel soit nécessaire, au taux prévu à cet article${rateFr}, à compter du jour suivant la date d’échéance de chaque facture et jusqu’à son complet paiement${amountFr}.`
        : `Under article L441-10 of the French Commercial Code, late-payment penalties are due by law, without any reminder being necessary, at the rate that article sets${rateEn}, from the day after each invoice's due date until full payment${computed ? `; as at ${values.date} they amount to ${values.total}` : ''}.`;
    case 'DE':
      return fr
        ? `Conformément à l’article 288, alinéa 2, du BGB, des intérêts de retard courent au taux de base majoré de neuf points${rateFr}, à compter du jour suivant la date d’échéance de chaque facture et jusqu’à son complet paiement${amountFr}.`
        : `Under section 288(2) of the German Civil Code (BGB), default interest runs at the base rate plus nine percentage points${rateEn} from the day after each invoice's due date until full payment${amountEn}.`;
    case 'UK':
      // Act s.4(2) and SI 2002/1675 art. 4: the base rate of 31 December or 30 June before the
      // interest starts to run, + 8, fixed for the life of the debt (the rate per invoice group).
      return fr
        ? `En application du Late Payment of Commercial Debts (Interest) Act 1998, des intérêts légaux courent à compter du jour suivant la date d’échéance de chaque facture et jusqu’à son complet paiement, au taux de base de la Banque d’Angleterre en vigueur le 31 décembre ou le 30 juin précédant le jour où ils ont commencé à courir, majoré de huit points, ce taux restant fixe pour toute la durée du retard${rateFr}${computed ? ` ; arrêtés au ${values.date}, ils s’élèvent à ${values.total}` : ''}.`
        : `Under the Late Payment of Commercial Debts (Interest) Act 1998, statutory interest runs from the day after each invoice's due date until full payment, at eight per cent over the Bank of England base rate in force on the 31 December or 30 June before it began to run, that rate remaining fixed for the whole delay${rateEn}${amountEn}.`;
    default:
      return fr
        ? `Conformément à la directive 2011/7/UE concernant la lutte contre le retard de paiement dans les transactions commerciales, des intérêts pour retard de paiement courent au taux de la Banque centrale européenne majoré de huit points${rateFr}, à compter du jour suivant la date d’échéance de chaque facture et jusqu’à son complet paiement${amountFr}.`
        : `Under Directive 2011/7/EU on combating late payment in commercial transactions, interest for late payment runs at the European Central Bank rate plus eight percentage points${rateEn} from the day after each invoice's due date until full payment${amountEn}.`;
  }
}

/**
 * The fixed recovery fee, in its own paragraph: owed per late invoice whatever happens to the
 * interest. '' when the law gives none (a consumer) or the stage claims none.
 */
export function feeClause(
  basis: PenaltyBasis,
  jurisdiction: string | null,
  language: Language,
  values: { readonly total: string; readonly count: number },
): string {
  if (values.count === 0 || basis.kind === 'consumer' || basis.kind === 'none') return '';
  const fr = language === 'fr';
  const invoicesFr = values.count === 1 ? '1 facture' : `${values.count} factures`;
  const invoicesEn = values.count === 1 ? '1 invoice' : `${values.count} invoices`;
  if (basis.kind === 'publicProcurement')
    return fr
      ? `En outre, une indemnité forfaitaire pour frais de recouvrement de 40 € est due de plein droit pour chaque facture payée en retard (articles L2192-13 et D2192-35 du Code de la commande publique), soit ${values.total} pour ${invoicesFr}.`
      : `In addition, a fixed compensation for recovery costs of €40 is due by law for each invoice paid late (articles L2192-13 and D2192-35 of the French Public Procurement Code): ${values.total} for ${invoicesEn}.`;
  switch (jurisdiction) {
    case 'FR':
      return fr
        ? `En outre, une indemnité forfaitaire pour frais de recouvrement de 40 € est due de plein droit pour chaque facture payée en retard (articles L441-10 et D441-5 du Code de commerce), soit ${values.total} pour ${invoicesFr}.`
        : `In addition, a fixed compensation for recovery costs of €40 is due by law for each invoice paid late (articles L441-10 and D441-5 of the French Commercial Code): ${values.total} for ${invoicesEn}.`;
    case 'DE':
      return fr
        ? `En outre, une indemnité forfaitaire de 40 € est due pour chaque facture payée en retard (article 288, alinéa 5, du BGB), soit ${values.total} pour ${invoicesFr}.`
        : `In addition, a lump sum of €40 is due for each invoice paid late (section 288(5) BGB): ${values.total} for ${invoicesEn}.`;
    case 'UK':
      return fr
        ? `En outre, une somme forfaitaire pour frais de recouvrement est due pour chaque facture (section 5A du Late Payment of Commercial Debts (Interest) Act 1998 : 40 £ en dessous de 1 000 £, 70 £ jusqu’à 9 999,99 £, 100 £ au-delà), soit ${values.total} pour ${invoicesFr}.`
        : `In addition, a fixed sum for the cost of recovering the debt is due on each invoice (section 5A of the Late Payment of Commercial Debts (Interest) Act 1998: £40 for a debt under £1,000, £70 under £10,000, £100 from £10,000): ${values.total} for ${invoicesEn}.`;
    case null:
      return '';
    default:
      return fr
        ? `En outre, une indemnité forfaitaire pour frais de recouvrement de 40 € est due pour chaque facture payée en retard (article 6 de la directive 2011/7/UE), soit ${values.total} pour ${invoicesFr}.`
        : `In addition, a fixed sum of €40 as compensation for recovery costs is due for each invoice paid late (article 6 of Directive 2011/7/EU): ${values.total} for ${invoicesEn}.`;
  }
}

/** The heading line of a registered letter, above the subject. */
export function registeredMention(language: Language, withAcknowledgement: boolean): string {
  if (language === 'fr') return withAcknowledgement ? 'Lettre recommandée avec accusé de réception' : 'Lettre recommandée';
  return withAcknowledgement ? 'Registered letter with acknowledgement of receipt' : 'Registered letter';
}
