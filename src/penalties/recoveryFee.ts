// The fixed compensation for recovery costs owed per late invoice, on top of interest.

import { fail } from '../primitives/messages';
import type { MinorUnits } from '../primitives/money';
import type { Jurisdiction } from './statutoryRates';

export interface RecoveryFee {
  /** In the fee's own currency (EUR or GBP), minor units. */
  readonly amount: MinorUnits;
  readonly currency: 'EUR' | 'GBP';
  readonly legalBasis: string;
}

/**
 * FR (Code de commerce D441-5), DE (BGB §288(5)) and the EU directive (art. 6): 40 EUR per
 * invoice. UK (Late Payment Act s.5A): 40 GBP below 1,000, 70 GBP below 10,000, 100 GBP from
 * 10,000. `amount` is the invoice's open amount in minor units (pence for the UK bands).
 */
export function recoveryFee(amount: MinorUnits, jurisdiction: Jurisdiction): RecoveryFee {
  if (!Number.isFinite(amount)) fail('amountNotFinite', { value: String(amount) });
  if (jurisdiction === 'UK') {
    const fee = amount <= 0 ? 0 : amount < 1000_00 ? 40_00 : amount < 10000_00 ? 70_00 : 100_00;
    return { amount: fee, currency: 'GBP', legalBasis: 'Late Payment of Commercial Debts (Interest) Act 1998, s.5A' };
  }
  const legalBasis =
    jurisdiction === 'FR'
      ? 'Code de commerce, art. L441-10 et D441-5'
      : jurisdiction === 'DE'
        ? 'BGB §288(5)'
        : 'Directive 2011/7/EU, art. 6';
  return { amount: amount <= 0 ? 0 : 40_00, currency: 'EUR', legalBasis };
}
