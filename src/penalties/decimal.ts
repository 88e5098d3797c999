// The core's own Decimal constructor: configured here, never through the global Decimal.set,
// so no other code (or a host) can change how the core rounds.
import DecimalJs from 'decimal.js';

/** 40 significant digits: far beyond any amount × rate × days; half-up at the rounding points. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
/** What a Decimal can be made from. */
export type DecimalValue = string | number | Decimal;
