// Which late-payment penalties an account owes, from who the customer is and where: the
// statutory rate between professionals, a contractual rate (never below L441-10's floor in
// France), French public procurement's moratory interest, or, for a consumer, neither
// statutory interest nor the fixed recovery fee.

import type { DunningPolicy } from '../dunning/policy';
import type { DayNumber } from '../primitives/dates';
import { halfYearText, inBothLanguages, percentText } from '../primitives/localeText';
import { AgeBucketError } from '../primitives/messages';
import type { MinorUnits } from '../primitives/money';
import type { CustomerType } from './customerType';
import { Decimal } from './decimal';
import { type InterestPeriod, lateInterest, statutoryInterest } from './lateInterest';
import { contractualRateFloor } from './legalInterestRate';
import { type RecoveryFee, recoveryFee } from './recoveryFee';
import { halfYearBounds, halfYearOf, type Jurisdiction } from './statutoryRates';

/** The law an account's interest and fee come from. */
export type PenaltyBasis =
  /** Between professionals: L441-10 (FR), BGB §288(2) (DE), the 1998 Act (UK), Directive 2011/7/EU (EU). */
  | { readonly kind: 'statutory'; readonly jurisdiction: Jurisdiction }
  /** The rate of the seller's terms (the policy's explicit rate). */
  | { readonly kind: 'contractual'; readonly jurisdiction: Jurisdiction | null; readonly rate: Decimal }
  /** A French public body: Code de la commande publique L2192-13, R2192-31 (ECB + 8 points, fixed), D2192-35 (40 €). */
  | { readonly kind: 'publicProcurement' }
  /** A consumer: no statutory B2B interest and no recovery fee; legal interest runs from the formal notice (C. civ. 1231-6). */
  | { readonly kind: 'consumer'; readonly jurisdiction: Jurisdiction | null }
  /** No jurisdiction and no rate in the policy: nothing to claim. */
  | { readonly kind: 'none' };

export interface AccountLaw {
  readonly customerType: CustomerType;
  /** The account's rule set: its country's, else the policy's; null when neither says. */
  readonly jurisdiction: Jurisdiction | null;
  readonly basis: PenaltyBasis;
}

export function accountLaw(
  customerType: CustomerType,
  countryJurisdiction: Jurisdiction | null,
  policy: DunningPolicy,
): AccountLaw {
  const jurisdiction = countryJurisdiction ?? policy.jurisdiction;
  const basis = ((): PenaltyBasis => {
    if (customerType === 'consumer') return { kind: 'consumer', jurisdiction };
    if (customerType === 'publicBody' && jurisdiction === 'FR') return { kind: 'publicProcurement' };
    if (policy.explicitRate !== null)
      return { kind: 'contractual', jurisdiction, rate: new Decimal(String(policy.explicitRate)) };
    return jurisdiction === null ? { kind: 'none' } : { kind: 'statutory', jurisdiction };
  })();
  return { customerType, jurisdiction, basis };
}

export interface ItemInterest {
  readonly interest: MinorUnits;
  readonly periods: readonly InterestPeriod[];
}

/**
 * Interest on one overdue item from the day after its due date to the as-of date, under the
 * account's law. Throws an AgeBucketError when a rate is missing or a contractual rate is below
 * the legal floor: the plan says so and claims no interest for the account.
 */
export function itemInterest(
  law: AccountLaw,
  amount: MinorUnits,
  dueDay: DayNumber,
  asOf: DayNumber,
  policy: DunningPolicy,
): ItemInterest {
  const basis = law.basis;
  if (amount <= 0 || asOf <= dueDay) return { interest: 0, periods: [] };
  switch (basis.kind) {
    case 'statutory':
      return statutoryInterest(amount, basis.jurisdiction, dueDay, asOf, policy.enteredRates);
    case 'publicProcurement':
      // R2192-31: the ECB rate on the first day of the half-year the interest started in, + 8
      // points, for the whole delay: the same reference as the directive's rate, held fixed.
      return statutoryInterest(amount, 'EU', dueDay, asOf, policy.enteredRates, true);
    case 'contractual': {
      if (basis.jurisdiction === 'FR') checkFloor(basis.rate, dueDay + 1, asOf);
      const days = asOf - dueDay;
      return {
        interest: lateInterest(amount, basis.rate, days),
        periods: [{ from: dueDay + 1, to: asOf, days, rate: basis.rate, halfYear: halfYearOf(dueDay + 1) }],
      };
    }
    case 'consumer':
    case 'none':
      return { interest: 0, periods: [] };
  }
}

/** L441-10 II: a contractual rate "ne peut être inférieur à trois fois le taux d'intérêt légal". */
function checkFloor(rate: Decimal, first: DayNumber, last: DayNumber): void {
  // "2.75%" in English, "2,75 %" in French; the half-year "2026-H2" or « le 2e semestre 2026 ».
  const percent = (value: Decimal) => inBothLanguages((language) => percentText(value.toNumber(), language, 2));
  let day = first;
  while (day <= last) {
    const floor = contractualRateFloor(day);
    if (floor === null) {
      // A half-year before the legal-rate table: no floor on file for it, check the next ones.
      day = (halfYearBounds(halfYearOf(day))?.to ?? last) + 1;
      continue;
    }
    if (rate.lessThan(floor.rate)) {
      throw new AgeBucketError('rateBelowFloor', {
        rate: percent(rate),
        halfYear: inBothLanguages((language) =>
          language === 'fr' ? `le ${halfYearText(floor.halfYear, 'fr')}` : halfYearText(floor.halfYear, 'en'),
        ),
        legalRate: percent(floor.legalRate),
        floor: percent(floor.rate),
      });
    }
    day = (halfYearBounds(floor.halfYear)?.to ?? last) + 1;
  }
}

/** The fixed recovery fee per late invoice under the account's law; null when none is owed. */
export function itemFee(law: AccountLaw, amount: MinorUnits, currency: string): RecoveryFee | null {
  const basis = law.basis;
  if (basis.kind === 'consumer' || basis.kind === 'none') return null;
  if (basis.kind === 'publicProcurement') {
    if (amount <= 0) return null;
    return { amount: 40_00, currency: 'EUR', legalBasis: 'Code de la commande publique, art. L2192-13 et D2192-35' };
  }
  if (law.jurisdiction === null) return null;
  // The 1998 Act's bands are in pounds (s.5A: "a debt less than £1000"): a debt in another
  // currency cannot be placed in a band without an exchange rate, so no fixed sum is claimed.
  if (law.jurisdiction === 'UK' && currency !== 'GBP') return null;
  return recoveryFee(amount, law.jurisdiction);
}
