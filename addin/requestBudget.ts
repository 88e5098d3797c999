// Excel on the web refuses a request whose payload passes 5 MB (RequestPayloadSizeLimitExceeded),
// and everything queued before a context.sync() travels as one request. A write of rows (values
// or number formats) is queued in pieces that each fit what is left of the current request,
// with a sync in between only when the next piece would not fit: a small sheet still costs one
// request, a 30,000-customer aged balance or a 45,000-row log append a few.

import type { Progress } from '../src/pane/workbook';

/** Excel on the web's limit for one request. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one request may carry of our data: the limit, less room for Office.js's own wrapping. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
/** Office.js's JSON around one action (object path, property name, ids): generous. */
const ACTION_BYTES = 300;

/** Bytes of a value as UTF-8 JSON, the form Office.js sends it in. */
export function jsonBytes(value: unknown): number {
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (Array.isArray(value)) {
    let bytes = 2 + Math.max(value.length - 1, 0);
    for (const item of value) bytes += jsonBytes(item);
    return bytes;
  }
  return value === null || value === undefined ? 4 : stringBytes(JSON.stringify(value));
}

/** \b \t \n \f \r: JSON's two-character escapes; other controls take six (\u0001). */
const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function stringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x22 || unit === 0x5c) bytes += 2;
    else if (unit < 0x20) bytes += SHORT_ESCAPES.has(unit) ? 2 : 6;
    else if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff)
      bytes += 6; // a lone surrogate: a \uXXXX escape
    else bytes += 3;
  }
  return bytes;
}

/** The payload queued on a request context since its last sync, and the syncs that keep it under the limit. */
export class RequestBudget {
  private queued = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly budget = REQUEST_BUDGET_BYTES,
  ) {}

  /** Room for one small action (a format, a chart, a bold row) of `bytes` of data. */
  async action(bytes = 0): Promise<void> {
    const size = bytes + ACTION_BYTES;
    if (this.queued > 0 && this.queued + size > this.budget) await this.sync();
    this.queued += size;
  }

  /**
   * Queues `rows` through `write(offset, piece)` in pieces that each fit the current request,
   * syncing between pieces; the last piece stays queued for the caller's own sync.
   */
  async rows<T>(rows: readonly T[][], write: (offset: number, piece: T[][]) => void, progress?: Progress): Promise<void> {
    let start = 0;
    let pieceBytes = ACTION_BYTES + 2;
    for (let i = 0; i < rows.length; i++) {
      const rowBytes = jsonBytes(rows[i]) + 1;
      if (this.queued + pieceBytes + rowBytes > this.budget) {
        if (i > start) {
          write(start, rows.slice(start, i));
          this.queued += pieceBytes;
          start = i;
          pieceBytes = ACTION_BYTES + 2;
        }
        if (this.queued > 0) {
          await this.sync();
          progress?.(i, rows.length);
        }
      }
      pieceBytes += rowBytes;
    }
    if (start < rows.length) {
      write(start, start === 0 ? (rows as T[][]) : rows.slice(start));
      this.queued += pieceBytes;
    }
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }
}
