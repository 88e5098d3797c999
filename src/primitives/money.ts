// Money as whole minor units (cents) per ISO 4217 currency. Amounts are added as integers,
// never as floating-point decimals, so a million rows of 0.10 total exactly 100000.00.

import { fail, type Language } from './messages';

/** An amount in the currency's minor unit (cents for EUR): a safe integer. */
export type MinorUnits = number;

// ISO 4217 minor units that are not 2. Unknown or unlisted codes use 2, the common case.
// Maps, not object literals: a currency cell is user data, and `constructor` is a key of every object.
const MINOR_UNIT_EXCEPTIONS: ReadonlyMap<string, number> = mapOf({
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
});

const SYMBOLS: ReadonlyMap<string, string> = mapOf({ EUR: '€', USD: '$', GBP: '£', JPY: '¥', CHF: 'CHF' });
const CURRENCY_OF_SYMBOL: ReadonlyMap<string, string> = mapOf({ '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY' });

function mapOf<T>(entries: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

export function minorUnitsOf(currency: string): number {
  return MINOR_UNIT_EXCEPTIONS.get(currency) ?? 2;
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000] as const;
function scaleOf(currency: string): number {
  return POWERS_OF_TEN[minorUnitsOf(currency)] ?? 100;
}

/**
 * Biggest amount we accept, in minor units: ten times below 2^53 leaves room for the sums of
 * a large ledger, which `assertSafeTotal` checks.
 */
const MAX_MINOR = 2 ** 53 / 16;

/** A currency cell: `EUR`, `eur`, or a symbol `€`. */
export function parseCurrencyCode(text: string): string {
  const value = text.trim();
  const bySymbol = CURRENCY_OF_SYMBOL.get(value);
  if (bySymbol) return bySymbol;
  if (/^[A-Za-z]{3}$/.test(value)) return value.toUpperCase();
  return fail('currencyUnreadable', { value: text });
}

/**
 * A number from a cell into minor units, half away from zero. 1.005 is the decimal the user
 * typed, so it rounds to 1.01 even though its binary value is a hair below.
 */
export function minorFromNumber(value: number, currency: string): MinorUnits {
  return minorFromNumberAtScale(value, scaleOf(currency));
}

export function minorFromNumberAtScale(value: number, scale: number): MinorUnits {
  if (!Number.isFinite(value)) fail('amountNotFinite', { value: String(value) });
  const scaled = value * scale;
  const rounded = Math.round(scaled);
  const gap = scaled - rounded;
  // Fast path: the value has no more decimals than the currency (up to the binary noise).
  if (gap < 1e-7 && gap > -1e-7) {
    if (rounded > MAX_MINOR || rounded < -MAX_MINOR) fail('amountTooLarge', { value: String(value) });
    return rounded === 0 ? 0 : rounded;
  }
  // Extra decimals: round the decimal the user sees (the shortest repr), not the binary value.
  return minorFromDecimalText(Math.abs(value) < 1e-6 ? '0' : String(Math.abs(value)), scale, value < 0, String(value));
}

export function amountFromMinor(minor: MinorUnits, currency: string): number {
  // One division of two exact integers gives the nearest double: 30 / 100 is exactly 0.3.
  return minor / scaleOf(currency);
}

function minorFromDecimalText(digits: string, scale: number, negative: boolean, original: string): MinorUnits {
  const match = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(digits);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return fail('amountUnreadable', { value: original });
  if (match[3] !== undefined) return fail('amountTooLarge', { value: original }); // 1e21 and beyond
  const places = Math.round(Math.log10(scale));
  const integerPart = match[1] || '0';
  const fraction = match[2] ?? '';
  const kept = (fraction + '0'.repeat(places)).slice(0, places);
  let minor = Number(integerPart) * scale + (places === 0 ? 0 : Number(kept));
  // Half away from zero: only the first dropped digit decides.
  const firstDropped = fraction.charCodeAt(places) - 48;
  if (firstDropped >= 5) minor += 1;
  if (minor > MAX_MINOR) fail('amountTooLarge', { value: original });
  return negative && minor !== 0 ? -minor : minor;
}

// Spaces of every kind (U+00A0 no-break, U+202F narrow no-break, thin space), apostrophes
// (Swiss 1'234.50), currency symbols and ISO codes are decoration around the number.
const DECORATION = /[\s\u00A0\u2007\u2009\u202F'’€$£¥]|\b[A-Za-z]{3}\b/g;

/**
 * A text amount: `1 234,56 €`, `1,234.56`, `-45.00`, `(45.00)`, `45,00-`, `EUR 12.5`.
 * With both `,` and `.` the last one is the decimal separator; a separator that appears twice
 * groups thousands; a lone `,` is a French decimal comma.
 */
export function minorFromText(text: string, currency: string): MinorUnits {
  let value = text.trim().replace(/\u2212/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true; // accountants' (1 234,56)
    value = value.slice(1, -1);
  }
  value = value.replace(DECORATION, '');
  if (value.startsWith('-')) {
    negative = !negative;
    value = value.slice(1);
  } else if (value.endsWith('-')) {
    negative = !negative;
    value = value.slice(0, -1);
  } else if (value.startsWith('+')) {
    value = value.slice(1);
  }
  const normalised = normaliseSeparators(value);
  if (normalised === null || !/^(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return fail('amountUnreadable', { value: text });
  return minorFromDecimalText(normalised, scaleOf(currency), negative, text);
}

function normaliseSeparators(value: string): string | null {
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    const [whole, fraction, ...rest] = value.split(decimal);
    if (rest.length > 0 || whole === undefined || !validGrouping(whole, thousands)) return null;
    return `${whole.split(thousands).join('')}.${fraction ?? ''}`;
  }
  const separator = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (separator === null) return value;
  const parts = value.split(separator);
  if (parts.length === 2) return parts.join('.');
  // 1.234.567 or 1,234,567: repeated, so it groups thousands.
  return validGrouping(value, separator) ? parts.join('') : null;
}

function validGrouping(whole: string, separator: string): boolean {
  const groups = whole.split(separator);
  return groups.every((group, index) => (index === 0 ? /^\d{1,3}$/.test(group) || groups.length === 1 : /^\d{3}$/.test(group)));
}

/** Throws when a sum may have left the range where integer addition is exact. */
export function assertSafeTotal(absoluteSum: number): void {
  if (absoluteSum > Number.MAX_SAFE_INTEGER) fail('amountTooLarge', { value: absoluteSum });
}

/** Adds amounts per currency without ever mixing two currencies. */
export class CurrencyTotals {
  private readonly totals = new Map<string, MinorUnits>();

  add(currency: string, minor: MinorUnits): void {
    this.totals.set(currency, (this.totals.get(currency) ?? 0) + minor);
  }

  get(currency: string): MinorUnits {
    return this.totals.get(currency) ?? 0;
  }

  currencies(): string[] {
    return [...this.totals.keys()].sort();
  }

  entries(): Array<{ currency: string; minor: MinorUnits }> {
    return this.currencies().map((currency) => ({ currency, minor: this.get(currency) }));
  }
}

const NBSP = '\u00A0';

/**
 * Digits in groups of three from the right: `1234567` → `1 234 567`. A loop, not a regular
 * expression: letters format tens of thousands of amounts at a time.
 */
function groupedThousands(digits: string, separator: string): string {
  const head = ((digits.length - 1) % 3) + 1;
  let out = digits.slice(0, head);
  for (let at = head; at < digits.length; at += 3) out += separator + digits.slice(at, at + 3);
  return out;
}

/**
 * `1 234,56 €` in French (no-break spaces, so a total never wraps mid-number) and `€1,234.56`
 * in English.
 */
export function formatMoney(minor: MinorUnits, currency: string, language: Language): string {
  const places = minorUnitsOf(currency);
  const scale = scaleOf(currency);
  const magnitude = Math.abs(minor);
  const whole = Math.floor(magnitude / scale);
  const fraction = places === 0 ? '' : String(magnitude % scale).padStart(places, '0');
  const grouped = groupedThousands(String(whole), language === 'fr' ? NBSP : ',');
  const number = fraction ? `${grouped}${language === 'fr' ? ',' : '.'}${fraction}` : grouped;
  const sign = minor < 0 ? '-' : '';
  const symbol = SYMBOLS.get(currency) ?? currency;
  if (language === 'fr') return `${sign}${number}${NBSP}${symbol}`;
  return symbol.length === 1 ? `${sign}${symbol}${number}` : `${sign}${symbol}${NBSP}${number}`;
}

/**
 * A number a user types in a field of the pane (an amount, a number of days), read as the pane's
 * language writes it: `1 000`, `1 000,50 €`, `900,50`, `1,000.50`, `900.50`. The amount reader's
 * rules apply (spaces and symbols aside; with `,` and `.` the last is the decimal mark), and the
 * language settles what the reader alone cannot: a lone mark before groups of three digits is the
 * language's thousands mark (`1,000` in English, `1.000` in French) rather than a decimal one.
 * Read to two decimals, as an amount; throws `amountUnreadable` for text that is not a number.
 */
export function numberFromTyped(text: string, language: Language): number {
  const thousands = language === 'en' ? ',' : '.';
  const digitsAndMarks = text.replace(/[^\d,.]/g, '');
  const grouped = new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(digitsAndMarks);
  const value = grouped ? text.split(thousands).join('') : text;
  return amountFromMinor(minorFromText(value, 'EUR'), 'EUR');
}
