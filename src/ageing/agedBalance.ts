// The aged balance (balance âgée): open amounts per customer account and currency, split into
// ageing buckets. Built for a million rows: one pass, integer minor units in typed arrays, one
// map lookup per row.

import { type CellValue, customerKey, isBlank, readAmount, readCurrency, readCustomer, readDate } from '../primitives/cells';
import type { DayNumber, SerialSystem } from '../primitives/dates';
import { AgeBucketError, fail } from '../primitives/messages';
import { assertSafeTotal, type MinorUnits, minorUnitsOf } from '../primitives/money';
import { type Buckets, bucketIndex } from './ageing';
import { type CollectionCurve, collectionProbability } from './collection';

export interface AgedBalanceOptions {
  readonly asOf: DayNumber;
  readonly buckets: Buckets;
  /** When given, each line carries the expected loss from this curve. */
  readonly curve?: CollectionCurve;
}

export interface AgedBalanceLine {
  readonly customer: string;
  readonly currency: string;
  /** One amount per bucket label, in minor units. */
  readonly buckets: readonly MinorUnits[];
  readonly total: MinorUnits;
  /** Sum of the overdue buckets (all but "not due"). */
  readonly overdue: MinorUnits;
  /** Credit notes and unapplied payments (negative items), already netted in the buckets. */
  readonly credits: MinorUnits;
  /** Share of the currency's grand total, 0-1; null when that total is zero. */
  readonly share: number | null;
  readonly itemCount: number;
  /** Days overdue of the oldest invoice (positive item); null for an account of credits only. */
  readonly oldestDaysOverdue: number | null;
  readonly expectedLoss: MinorUnits;
}

export interface AgedBalanceTotal {
  readonly currency: string;
  readonly buckets: readonly MinorUnits[];
  readonly total: MinorUnits;
  readonly overdue: MinorUnits;
  readonly credits: MinorUnits;
  readonly itemCount: number;
  readonly customerCount: number;
  readonly expectedLoss: MinorUnits;
  /** Amount-weighted mean days overdue of the overdue invoices; null when none is overdue. */
  readonly weightedDaysOverdue: number | null;
  /** Overdue ÷ total, 0-1; null when the total is not positive. */
  readonly overdueShare: number | null;
}

export interface AgedBalance {
  readonly asOf: DayNumber;
  readonly buckets: Buckets;
  /** Sorted by customer (case-insensitive, then code point), then currency. */
  readonly lines: readonly AgedBalanceLine[];
  /** One per currency, sorted by code: different currencies are never added together. */
  readonly totals: readonly AgedBalanceTotal[];
}

// The fields after the buckets in an account's record.
const COUNT = 0;
const CREDITS = 1;
const OLDEST = 2;
const ABSOLUTE = 3;
const OVERDUE_AMOUNT_DAYS = 4;
const OVERDUE_AMOUNT = 5;
const LOSS = 6;
const FIELDS = 7;

const FIRST_TRUE_SERIAL = 61;
const MAX_SERIAL = 2958465;
const SERIAL_OF_EPOCH = 25569;
const MAX_FAST_MINOR = 2 ** 49;

/** The fast path's settings. */
interface PlainRows {
  readonly currency: string;
  /** The as-of date as a serial of the 1900 system (or of Sheets: the same after 1900-03-01). */
  readonly asOfSerial: number;
  /** 10 ** the currency's decimals. */
  readonly scale: number;
}

/** Accumulates open items one at a time; `result()` gives the aged balance. */
export class AgedBalanceBuilder {
  private readonly width: number;
  /** Doubles per account: the buckets, then the fields below. */
  private readonly stride: number;
  private readonly boundaries: readonly number[];
  private readonly byCurrency = new Map<string, Map<string, number>>();
  private lastCurrency = '';
  private lastAccounts: Map<string, number> | undefined;
  private customers: string[] = [];
  private currencies: string[] = [];
  private capacity = 1024;
  /**
   * One record of `stride` doubles per account, so a row touches one or two cache lines
   * instead of one per field: with 10,000 accounts in random order that is most of the time.
   * Integer sums in doubles are exact below 2^53, which `absolute` lets us prove.
   */
  private records: Float64Array;

  constructor(private readonly options: AgedBalanceOptions) {
    this.boundaries = options.buckets.boundaries;
    this.width = this.boundaries.length + 2;
    this.stride = this.width + FIELDS;
    this.records = this.emptyRecords(this.capacity);
  }

  private emptyRecords(capacity: number): Float64Array {
    const records = new Float64Array(capacity * this.stride);
    for (let slot = 0; slot < capacity; slot++) records[slot * this.stride + this.width + OLDEST] = Number.NEGATIVE_INFINITY;
    return records;
  }

  /**
   * `ageDay` is the due date (or the invoice date on an invoice-date basis). `owed` is what an
   * invoice still owes once its account's credits are set against it (`setCredits`: a lettered
   * payment against its own invoices, the others oldest first): the expected loss applies the curve to it, not to the invoice's open amount, so a partly paid
   * invoice keeps the collection its remainder is worth. Without it, the open amount.
   */
  add(customer: string, currency: string, ageDay: DayNumber, amount: MinorUnits, owed: MinorUnits = amount): void {
    this.addToSlot(this.slotOf(customer, currency), this.options.asOf - ageDay, amount, owed);
  }

  /** The account's slot; callers that see the same account row after row may keep it. */
  slotOf(customer: string, currency: string): number {
    const accounts = this.accountsOf(currency);
    const slot = accounts.get(customer);
    return slot === undefined ? this.newSlot(accounts, customer, currency) : slot;
  }

  /** The slots of the currency's accounts by customer. */
  private accountsOf(currency: string): Map<string, number> {
    let accounts = this.lastAccounts;
    if (accounts === undefined || currency !== this.lastCurrency) {
      accounts = this.byCurrency.get(currency);
      if (accounts === undefined) {
        accounts = new Map();
        this.byCurrency.set(currency, accounts);
      }
      this.lastCurrency = currency;
      this.lastAccounts = accounts;
    }
    return accounts;
  }

  private newSlot(accounts: Map<string, number>, customer: string, currency: string): number {
    const slot = this.customers.length;
    accounts.set(customer, slot);
    this.customers.push(customer);
    this.currencies.push(currency);
    if (slot >= this.capacity) this.grow();
    return slot;
  }

  addToSlot(slot: number, days: number, amount: MinorUnits, owed: MinorUnits = amount): void {
    const base = slot * this.stride;
    addToRecord(this.records, base, this.width, this.boundaries, days, amount);
    const curve = this.options.curve;
    if (curve && amount > 0 && owed > 0) {
      const loss = base + this.width + LOSS;
      this.records[loss] = (this.records[loss] as number) + owed * (1 - collectionProbability(days, curve));
    }
  }

  /**
   * The fast path for what a ledger holds nearly everywhere: plain text, a date serial, a number
   * with no more decimals than the currency. Adds rows from `start` on and returns the index of
   * the first row it could not add, which the cell readers then handle.
   */
  addWhilePlain(
    customers: ColumnRange,
    dates: ColumnRange,
    amounts: ColumnRange,
    start: number,
    end: number,
    plain: PlainRows,
  ): number {
    const accounts = this.accountsOf(plain.currency);
    let i = start;
    for (;;) {
      const stop = addPlainRows(
        customers,
        dates,
        amounts,
        i,
        end,
        accounts,
        this.records,
        this.stride,
        this.width,
        this.boundaries,
        plain.asOfSerial,
        plain.scale,
      );
      if (stop >= 0) return stop;
      // A customer text seen for the first time: open its account, or find the account of its
      // key (`ACME` + U+00A0 is `ACME`) and let the text lead there too, then go on from its row.
      // Keys are their own key, so such an alias never stands for another account.
      i = -stop - 1;
      const customer = (customers[i] as readonly CellValue[])[0] as string;
      if (!isPlainText(customer)) return i;
      const key = customerKey(customer);
      if (key === '') return i;
      const slot = accounts.get(key) ?? this.newSlot(accounts, key, plain.currency);
      if (key !== customer) accounts.set(customer, slot);
    }
  }

  private grow(): void {
    const records = this.emptyRecords(this.capacity * 2);
    records.set(this.records);
    this.records = records;
    this.capacity *= 2;
  }

  result(): AgedBalance {
    const { width, stride, records, customers, currencies } = this;
    const count = customers.length;
    // Per currency first, in an account's layout plus a customer count: each line's share
    // needs its currency's grand total.
    const currencyIndex = new Map<string, number>();
    const sums: Float64Array[] = [];
    for (let slot = 0; slot < count; slot++) {
      const currency = currencies[slot] as string;
      let index = currencyIndex.get(currency);
      if (index === undefined) {
        index = sums.length;
        currencyIndex.set(currency, index);
        sums.push(new Float64Array(stride + 1));
      }
      const sum = sums[index] as Float64Array;
      const base = slot * stride;
      // Fields add up across accounts (the oldest is not read from the totals), except the
      // expected loss: each account's is capped and rounded first, so totals stay whole cents.
      for (let field = 0; field < stride; field++) {
        if (field !== width + LOSS) sum[field] = (sum[field] as number) + (records[base + field] as number);
      }
      sum[width + LOSS] = (sum[width + LOSS] as number) + this.lossOf(base);
      sum[stride] = (sum[stride] as number) + 1;
    }
    const totals: AgedBalanceTotal[] = [...currencyIndex.keys()].sort(compareCodePoints).map((currency) => {
      const sum = sums[currencyIndex.get(currency) as number] as Float64Array;
      const field = (index: number) => sum[width + index] as number;
      const buckets = Array.from(sum.subarray(0, width));
      const total = buckets.reduce((acc, amount) => acc + amount, 0);
      const overdue = total - (buckets[0] as number);
      assertSafeTotal(field(ABSOLUTE));
      return {
        currency,
        buckets,
        total,
        overdue,
        credits: field(CREDITS),
        itemCount: field(COUNT),
        customerCount: sum[stride] as number,
        expectedLoss: field(LOSS),
        weightedDaysOverdue: field(OVERDUE_AMOUNT) > 0 ? field(OVERDUE_AMOUNT_DAYS) / field(OVERDUE_AMOUNT) : null,
        overdueShare: total > 0 ? overdue / total : null,
      };
    });
    const grandTotal = new Map(totals.map((t) => [t.currency, t.total]));
    const lines: AgedBalanceLine[] = new Array(count);
    const order = sortedSlots(customers, currencies);
    for (let n = 0; n < count; n++) {
      const slot = order[n] as number;
      const currency = currencies[slot] as string;
      const base = slot * stride;
      const fields = base + width;
      const buckets: number[] = new Array(width);
      let total = 0;
      for (let b = 0; b < width; b++) {
        const amount = records[base + b] as number;
        buckets[b] = amount;
        total += amount;
      }
      const grand = grandTotal.get(currency) as number;
      const oldest = records[fields + OLDEST] as number;
      lines[n] = {
        customer: customers[slot] as string,
        currency,
        buckets,
        total,
        overdue: total - (buckets[0] as number),
        credits: records[fields + CREDITS] as number,
        share: grand === 0 ? null : total / grand,
        itemCount: records[fields + COUNT] as number,
        oldestDaysOverdue: oldest === Number.NEGATIVE_INFINITY ? null : oldest,
        expectedLoss: this.lossOf(base),
      };
    }
    return { asOf: this.options.asOf, buckets: this.options.buckets, lines, totals };
  }

  /** Credits reduce what the customer owes, so the expected loss never exceeds the net balance. */
  private lossOf(base: number): MinorUnits {
    let total = 0;
    for (let b = 0; b < this.width; b++) total += this.records[base + b] as number;
    return Math.round(Math.min(this.records[base + this.width + LOSS] as number, Math.max(total, 0)));
  }
}

/** Slots in line order: customer case-insensitively, then exactly, then currency. */
function sortedSlots(customers: readonly string[], currencies: readonly string[]): number[] {
  const keys = customers.map((customer) => customer.toLowerCase());
  const order = Array.from(keys, (_, slot) => slot);
  // Without surrogates UTF-16 unit order is code-point order, and the engine compares units fast.
  const anySurrogate = [keys, customers, currencies].some((texts) => texts.some((text) => SURROGATE.test(text)));
  const compare = anySurrogate ? compareCodePoints : compareUnits;
  order.sort(
    (a, b) =>
      compare(keys[a] as string, keys[b] as string) ||
      compare(customers[a] as string, customers[b] as string) ||
      compare(currencies[a] as string, currencies[b] as string),
  );
  return order;
}

const SURROGATE = /[\uD800-\uDFFF]/;

function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-point order (not UTF-16 unit order), so an emoji sorts after every BMP character. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === length) return a.length - b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  // UTF-16 unit order is code-point order unless a surrogate is involved: only then compare
  // whole code points, from the start of the pair the difference falls in.
  if (!isSurrogate(x) && !isSurrogate(y)) return x < y ? -1 : 1;
  const from = i > 0 && isHighSurrogate(a.charCodeAt(i - 1)) ? i - 1 : i;
  const xs = Array.from(a.slice(from), (c) => c.codePointAt(0) as number);
  const ys = Array.from(b.slice(from), (c) => c.codePointAt(0) as number);
  for (let k = 0; k < xs.length && k < ys.length; k++) {
    if (xs[k] !== ys[k]) return (xs[k] as number) < (ys[k] as number) ? -1 : 1;
  }
  return xs.length - ys.length;
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export interface OpenItem {
  readonly customer: string;
  readonly currency: string;
  readonly ageDay: DayNumber;
  readonly amount: MinorUnits;
}

export function agedBalance(items: Iterable<OpenItem>, options: AgedBalanceOptions): AgedBalance {
  const builder = new AgedBalanceBuilder(options);
  for (const item of items) builder.add(item.customer, item.currency, item.ageDay, item.amount);
  return builder.result();
}

// ---- from raw sheet columns -----------------------------------------------------------------

/**
 * One column of a sheet as both hosts hand a range over: rows of cells, read at index 0.
 * Reading the cells where they are saves copying a million of them into a flat array first.
 */
export type ColumnRange = readonly (readonly CellValue[])[];

/** A column of values as a one-column range, for callers holding plain arrays. */
export function columnRange(values: readonly CellValue[]): ColumnRange {
  return values.map((value) => [value]);
}

export interface LedgerColumns {
  readonly customers: ColumnRange;
  /** Due dates, or invoice dates on an invoice-date basis. */
  readonly dates: ColumnRange;
  readonly amounts: ColumnRange;
  readonly currencies?: ColumnRange;
  /** Paid dates: a row paid on or before the as-of date is settled, not an open item. */
  readonly paidDates?: ColumnRange;
}

export interface SkippedRow {
  /** 1-based within the range. */
  readonly row: number;
  readonly error: AgeBucketError;
}

export interface ColumnsReadOptions extends AgedBalanceOptions {
  readonly serialSystem: SerialSystem;
  readonly monthFirst?: boolean;
  /** Currency of rows with no currency cell (or of every row without a currency column). */
  readonly defaultCurrency: string;
  /** Strict (AGEDBALANCE): the first unreadable row fails the call, naming its row. */
  readonly strict: boolean;
}

export interface AgedBalanceReport {
  readonly balance: AgedBalance;
  /** Rows blank in customer, date and amount: not items, not errors. */
  readonly blankRows: number;
  readonly skipped: readonly SkippedRow[];
  readonly itemCount: number;
  /** Rows paid on or before the as-of date (a paid-dates column): set aside, not items. */
  readonly paidRows?: number;
}

/**
 * Reads the columns as a sheet holds them and ages every row. In strict mode a row that cannot
 * be read fails the whole call: a balance that silently drops rows is worse than none. In
 * lenient mode (the pane) each skipped row is reported with its reason.
 */
export function agedBalanceFromColumns(columns: LedgerColumns, options: ColumnsReadOptions): AgedBalanceReport {
  const { customers, dates, amounts, currencies, paidDates } = columns;
  const rowCount = customers.length;
  checkLength('dates', dates.length, rowCount);
  checkLength('amounts', amounts.length, rowCount);
  if (currencies) checkLength('currencies', currencies.length, rowCount);
  if (paidDates) checkLength('paid dates', paidDates.length, rowCount);
  const builder = new AgedBalanceBuilder(options);
  const skipped: SkippedRow[] = [];
  let blankRows = 0;
  let itemCount = 0;
  let paidRows = 0;
  // With a currency column each row names its own currency, and only the cell readers know
  // how; the expected loss of a curve is the builder's; 1904 serials count from another day.
  const plainRows: PlainRows | undefined =
    currencies === undefined && paidDates === undefined && options.curve === undefined && options.serialSystem !== 'excel1904'
      ? {
          currency: options.defaultCurrency,
          asOfSerial: options.asOf + SERIAL_OF_EPOCH,
          scale: 10 ** minorUnitsOf(options.defaultCurrency),
        }
      : undefined;
  let i = 0;
  while (i < rowCount) {
    if (plainRows) {
      const stop = builder.addWhilePlain(customers, dates, amounts, i, rowCount, plainRows);
      itemCount += stop - i;
      i = stop;
      if (i >= rowCount) break;
    }
    readRow(i);
    i++;
  }
  return { balance: builder.result(), blankRows, skipped, itemCount, ...(paidDates ? { paidRows } : {}) };

  function readRow(i: number): void {
    const cell = (column: ColumnRange) => (column[i] as readonly CellValue[])[0];
    try {
      // Paid on or before the as-of date: settled, whatever its other cells hold. A paid date
      // that cannot be read is the row's error, never a guess either way.
      if (paidDates) {
        const paidDay = readDate(cell(paidDates), options);
        if (paidDay !== null && paidDay <= options.asOf) {
          paidRows++;
          return;
        }
      }
      const customer = readCustomer(cell(customers));
      const currency = currencies ? readCurrency(cell(currencies), options.defaultCurrency) : options.defaultCurrency;
      const day = readDate(cell(dates), options);
      const amount = readAmount(cell(amounts), currency);
      if (customer === null || day === null || amount === null) {
        if (customer === null && day === null && amount === null && (!currencies || isBlank(cell(currencies)))) {
          blankRows++;
          return;
        }
        throw missingError(customer, day);
      }
      builder.add(customer, currency, day, amount);
      itemCount++;
    } catch (error) {
      if (!(error instanceof AgeBucketError)) throw error;
      if (options.strict) throw error.atRow(i + 1);
      skipped.push({ row: i + 1, error });
    }
  }
}

/**
 * The fast path's loop, over built-in types only (no object of ours), so that V8's optimised
 * code for it survives a garbage collection between two recalculations. Returns the index of
 * the first row it could not add, or -(index + 1) when that row's only fault is a customer
 * with no account yet.
 */
function addPlainRows(
  customers: ColumnRange,
  dates: ColumnRange,
  amounts: ColumnRange,
  start: number,
  end: number,
  accounts: Map<string, number>,
  records: Float64Array,
  stride: number,
  width: number,
  boundaries: readonly number[],
  asOfSerial: number,
  scale: number,
): number {
  let lastCustomer = '';
  let base = -1;
  for (let i = start; i < end; i++) {
    const customer = (customers[i] as readonly CellValue[])[0];
    const serial = (dates[i] as readonly CellValue[])[0];
    const amount = (amounts[i] as readonly CellValue[])[0];
    if (typeof customer !== 'string' || typeof serial !== 'number' || typeof amount !== 'number') return i;
    if (!(serial >= FIRST_TRUE_SERIAL && serial <= MAX_SERIAL)) return i;
    const scaled = amount * scale;
    const rounded = Math.round(scaled);
    const gap = scaled - rounded;
    if (!(gap < 1e-7 && gap > -1e-7 && rounded < MAX_FAST_MINOR && rounded > -MAX_FAST_MINOR)) return i;
    if (base < 0 || customer !== lastCustomer) {
      const slot = accounts.get(customer);
      if (slot === undefined) return -i - 1;
      lastCustomer = customer;
      base = slot * stride;
    }
    addToRecord(records, base, width, boundaries, asOfSerial - Math.floor(serial), rounded === 0 ? 0 : rounded);
  }
  return end;
}

/** One item into an account's record: its bucket, count, credits, oldest and overdue days. */
function addToRecord(
  records: Float64Array,
  base: number,
  width: number,
  boundaries: readonly number[],
  days: number,
  amount: MinorUnits,
): void {
  const fields = base + width;
  const cell = base + bucketIndex(days, boundaries);
  records[cell] = (records[cell] as number) + amount;
  records[fields + COUNT] = (records[fields + COUNT] as number) + 1;
  if (amount < 0) {
    records[fields + CREDITS] = (records[fields + CREDITS] as number) + amount;
    records[fields + ABSOLUTE] = (records[fields + ABSOLUTE] as number) - amount;
    return;
  }
  records[fields + ABSOLUTE] = (records[fields + ABSOLUTE] as number) + amount;
  if (days > (records[fields + OLDEST] as number)) records[fields + OLDEST] = days;
  if (days > 0) {
    records[fields + OVERDUE_AMOUNT_DAYS] = (records[fields + OVERDUE_AMOUNT_DAYS] as number) + amount * days;
    records[fields + OVERDUE_AMOUNT] = (records[fields + OVERDUE_AMOUNT] as number) + amount;
  }
}

/** Text the cell reader would keep as it is: no surrounding spaces, not an error like #N/A. */
function isPlainText(text: string): boolean {
  const length = text.length;
  return length > 0 && text.charCodeAt(0) > 32 && text.charCodeAt(length - 1) > 32 && text.charCodeAt(0) !== 35;
}

function missingError(customer: string | null, day: DayNumber | null): AgeBucketError {
  if (customer === null) return new AgeBucketError('customerBlank');
  return new AgeBucketError(day === null ? 'dateMissing' : 'amountMissing');
}

function checkLength(name: string, count: number, expected: number): void {
  if (count !== expected) fail('columnsLength', { name, count, expected });
}
