// The aged balance (balance âgée): open amounts per customer account and currency, split into
// ageing buckets. Built for a million rows: one pass, integer minor units in typed arrays, one
// map lookup per row.

import { type Buckets, bucketIndex } from './ageing';
import { type CellValue, isBlank, readAmount, readCurrency, readDate, readText } from './cells';
import { type CollectionCurve, collectionProbability } from './collection';
import type { DayNumber, SerialSystem } from './dates';
import { AgeBucketError, fail } from './messages';
import { assertSafeTotal, type MinorUnits, minorUnitsOf } from './money';

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

  /** `ageDay` is the due date (or the invoice date on an invoice-date basis). */
  add(customer: string, currency: string, ageDay: DayNumber, amount: MinorUnits): void {
    this.addToSlot(this.slotOf(customer, currency), this.options.asOf - ageDay, amount);
  }

  /** The account's slot; callers that see the same account row after row may keep it. */
  slotOf(customer: string, currency: string): number {
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
    const slot = accounts.get(customer);
    return slot === undefined ? this.newSlot(accounts, customer, currency) : slot;
  }

  private newSlot(accounts: Map<string, number>, customer: string, currency: string): number {
    const slot = this.customers.length;
    accounts.set(customer, slot);
    this.customers.push(customer);
    this.currencies.push(currency);
    if (slot >= this.capacity) this.grow();
    return slot;
  }

  addToSlot(slot: number, days: number, amount: MinorUnits): void {
    const records = this.records;
    const base = slot * this.stride;
    const fields = base + this.width;
    const cell = base + bucketIndex(days, this.boundaries);
    records[cell] = (records[cell] as number) + amount;
    records[fields + COUNT] = (records[fields + COUNT] as number) + 1;
    if (amount < 0) {
      records[fields + CREDITS] = (records[fields + CREDITS] as number) + amount;
      records[fields + ABSOLUTE] = (records[fields + ABSOLUTE] as number) - amount;
      return;
    }
    records[fields + ABSOLUTE] = (records[fields + ABSOLUTE] as number) + amount;
    if (days > (records[fields + OLDEST] as number)) records[fields + OLDEST] = days;
    if (this.options.curve) {
      records[fields + LOSS] =
        (records[fields + LOSS] as number) + amount * (1 - collectionProbability(days, this.options.curve));
    }
    if (days > 0) {
      records[fields + OVERDUE_AMOUNT_DAYS] = (records[fields + OVERDUE_AMOUNT_DAYS] as number) + amount * days;
      records[fields + OVERDUE_AMOUNT] = (records[fields + OVERDUE_AMOUNT] as number) + amount;
    }
  }

  private grow(): void {
    const records = this.emptyRecords(this.capacity * 2);
    records.set(this.records);
    this.records = records;
    this.capacity *= 2;
  }

  result(): AgedBalance {
    const width = this.width;
    const totals = new Map<
      string,
      {
        buckets: number[];
        credits: number;
        itemCount: number;
        customerCount: number;
        loss: number;
        absolute: number;
        amountDays: number;
        overdueAmount: number;
      }
    >();
    const lines: Array<Omit<AgedBalanceLine, 'share'>> = this.customers.map((customer, slot) => {
      const currency = this.currencies[slot] as string;
      const base = slot * this.stride;
      const field = (index: number) => this.records[base + width + index] as number;
      const buckets = Array.from(this.records.subarray(base, base + width));
      const total = buckets.reduce((sum, amount) => sum + amount, 0);
      const overdue = total - (buckets[0] as number);
      const oldest = field(OLDEST);
      // Credits reduce what the customer owes, so the loss never exceeds the net balance.
      const expectedLoss = Math.round(Math.min(field(LOSS), Math.max(total, 0)));
      const credits = field(CREDITS);
      const itemCount = field(COUNT);
      const sum = totals.get(currency) ?? {
        buckets: new Array<number>(width).fill(0),
        credits: 0,
        itemCount: 0,
        customerCount: 0,
        loss: 0,
        absolute: 0,
        amountDays: 0,
        overdueAmount: 0,
      };
      buckets.forEach((amount, index) => {
        sum.buckets[index] = (sum.buckets[index] as number) + amount;
      });
      sum.credits += credits;
      sum.itemCount += itemCount;
      sum.customerCount += 1;
      sum.loss += expectedLoss;
      sum.absolute += field(ABSOLUTE);
      sum.amountDays += field(OVERDUE_AMOUNT_DAYS);
      sum.overdueAmount += field(OVERDUE_AMOUNT);
      totals.set(currency, sum);
      return {
        customer,
        currency,
        buckets,
        total,
        overdue,
        credits,
        itemCount,
        oldestDaysOverdue: oldest === Number.NEGATIVE_INFINITY ? null : oldest,
        expectedLoss,
      };
    });
    const currencyTotals: AgedBalanceTotal[] = [...totals.entries()]
      .sort(([a], [b]) => compareCodePoints(a, b))
      .map(([currency, sum]) => {
        const total = sum.buckets.reduce((acc, amount) => acc + amount, 0);
        const overdue = total - (sum.buckets[0] as number);
        assertSafeTotal(sum.absolute);
        return {
          currency,
          buckets: sum.buckets,
          total,
          overdue,
          credits: sum.credits,
          itemCount: sum.itemCount,
          customerCount: sum.customerCount,
          expectedLoss: sum.loss,
          weightedDaysOverdue: sum.overdueAmount > 0 ? sum.amountDays / sum.overdueAmount : null,
          overdueShare: total > 0 ? overdue / total : null,
        };
      });
    const totalOf = new Map(currencyTotals.map((t) => [t.currency, t.total]));
    const keyed = lines.map((line) => ({ line, key: line.customer.toLowerCase() }));
    keyed.sort(
      (a, b) =>
        compareCodePoints(a.key, b.key) ||
        compareCodePoints(a.line.customer, b.line.customer) ||
        compareCodePoints(a.line.currency, b.line.currency),
    );
    return {
      asOf: this.options.asOf,
      buckets: this.options.buckets,
      lines: keyed.map(({ line }) => {
        const grand = totalOf.get(line.currency) ?? 0;
        return { ...line, share: grand === 0 ? null : line.total / grand };
      }),
      totals: currencyTotals,
    };
  }
}

/** Code-point order (not UTF-16 unit order), so an emoji sorts after every BMP character. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
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

export interface LedgerColumns {
  readonly customers: readonly CellValue[];
  /** Due dates, or invoice dates on an invoice-date basis. */
  readonly dates: readonly CellValue[];
  readonly amounts: readonly CellValue[];
  readonly currencies?: readonly CellValue[];
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
}

/**
 * Reads the columns as a sheet holds them and ages every row. In strict mode a row that cannot
 * be read fails the whole call: a balance that silently drops rows is worse than none. In
 * lenient mode (the pane) each skipped row is reported with its reason.
 */
export function agedBalanceFromColumns(columns: LedgerColumns, options: ColumnsReadOptions): AgedBalanceReport {
  const { customers, dates, amounts, currencies } = columns;
  const rowCount = customers.length;
  checkLength('dates', dates.length, rowCount);
  checkLength('amounts', amounts.length, rowCount);
  if (currencies) checkLength('currencies', currencies.length, rowCount);
  const builder = new AgedBalanceBuilder(options);
  const skipped: SkippedRow[] = [];
  const asOfSerial = options.serialSystem === 'excel1904' ? Number.NaN : options.asOf + SERIAL_OF_EPOCH;
  const defaultScale = 10 ** minorUnitsOf(options.defaultCurrency);
  let blankRows = 0;
  let itemCount = 0;
  const fast = currencies === undefined ? new FastRows(builder, options.defaultCurrency, asOfSerial, defaultScale) : undefined;
  let i = 0;
  while (i < rowCount) {
    if (fast) {
      const stop = fast.addWhilePlain(customers, dates, amounts, i, rowCount);
      itemCount += stop - i;
      i = stop;
      if (i >= rowCount) break;
    }
    readRow(i);
    i++;
  }
  return { balance: builder.result(), blankRows, skipped, itemCount };

  function readRow(i: number): void {
    try {
      const customer = readText(customers[i]);
      const currency = currencies ? readCurrency(currencies[i], options.defaultCurrency) : options.defaultCurrency;
      const day = readDate(dates[i], options);
      const amount = readAmount(amounts[i], currency);
      if (customer === null || day === null || amount === null) {
        if (customer === null && day === null && amount === null && (!currencies || isBlank(currencies[i]))) {
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
 * The fast path for what a ledger holds nearly everywhere: plain text, a date serial, a number
 * with no more decimals than the currency. It stops at the first other row, which the cell
 * readers then handle. A method of its own so V8 optimises it once for every call.
 */
class FastRows {
  private lastCustomer = '';
  private lastSlot = -1;

  constructor(
    private readonly builder: AgedBalanceBuilder,
    private readonly currency: string,
    private readonly asOfSerial: number,
    private readonly scale: number,
  ) {}

  /** Adds rows from `start` on; returns the index of the first row it could not add. */
  addWhilePlain(
    customers: readonly CellValue[],
    dates: readonly CellValue[],
    amounts: readonly CellValue[],
    start: number,
    end: number,
  ): number {
    const { builder, asOfSerial, scale } = this;
    let lastCustomer = this.lastCustomer;
    let lastSlot = this.lastSlot;
    let i = start;
    for (; i < end; i++) {
      const customer = customers[i];
      const serial = dates[i];
      const amount = amounts[i];
      if (typeof customer !== 'string' || typeof serial !== 'number' || typeof amount !== 'number') break;
      if (!(serial >= FIRST_TRUE_SERIAL && serial <= MAX_SERIAL)) break;
      const scaled = amount * scale;
      const minor = Math.round(scaled);
      const gap = scaled - minor;
      if (!(gap < 1e-7 && gap > -1e-7 && minor < MAX_FAST_MINOR && minor > -MAX_FAST_MINOR)) break;
      if (customer !== lastCustomer || lastSlot < 0) {
        if (!isPlainText(customer)) break;
        lastCustomer = customer;
        lastSlot = builder.slotOf(customer, this.currency);
      }
      builder.addToSlot(lastSlot, asOfSerial - Math.floor(serial), minor === 0 ? 0 : minor);
    }
    this.lastCustomer = lastCustomer;
    this.lastSlot = lastSlot;
    return i;
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
