// A letter as an email draft file (.eml): an Internet message (RFC 5322) with MIME parts
// (RFC 2045-2047), the letter as text and as HTML, and optionally the .docx attached. The header
// `X-Unsent: 1` marks it as a message never sent (Microsoft's urn:schemas:mailheader:x-unsent,
// from Outlook Express), so that Outlook opens it as a draft to send, where a mailto: link is
// cut at about 2,000 characters.

import { calendarFromDay, type DayNumber } from '../primitives/dates';
import type { Letter } from './letter';
import { letterToHtml, letterToText } from './render';

export interface EmlOptions {
  /** The letter's date: the Date header (a draft needs one to be an RFC 5322 message). */
  readonly asOf: DayNumber;
  /** The sender, when the company's email is known; the mail program fills it in otherwise. */
  readonly from?: string;
  readonly attachment?: { readonly name: string; readonly bytes: Uint8Array; readonly mimeType: string };
}

const CRLF = '\r\n';
const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// "=_" cannot occur in base64 text: a boundary that starts with it never appears in a part.
const MIXED = '=_agebucket_mixed';
const ALTERNATIVE = '=_agebucket_alternative';

/** The .eml file's text (CRLF line ends, 7-bit: every non-ASCII byte is encoded). */
export function letterToEml(letter: Letter, options: EmlOptions): string {
  const headers = [
    'X-Unsent: 1',
    `Date: ${rfc5322Date(options.asOf)}`,
    ...(options.from ? [`From: ${address(options.from)}`] : []),
    `To: ${address(letter.email ?? '')}`,
    `Subject: ${encodedWords(letter.subject)}`,
    'MIME-Version: 1.0',
  ];
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${letterToHtml(letter)}</body></html>`;
  const alternative = [
    `--${ALTERNATIVE}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(utf8(letterToText(letter).replace(/\r?\n/g, CRLF))),
    `--${ALTERNATIVE}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(utf8(html)),
    `--${ALTERNATIVE}--`,
  ];
  const attachment = options.attachment;
  if (!attachment) {
    return [...headers, `Content-Type: multipart/alternative; boundary="${ALTERNATIVE}"`, '', ...alternative, ''].join(CRLF);
  }
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${MIXED}"`,
    '',
    `--${MIXED}`,
    `Content-Type: multipart/alternative; boundary="${ALTERNATIVE}"`,
    '',
    ...alternative,
    `--${MIXED}`,
    `Content-Type: ${attachment.mimeType}; name="${asciiName(attachment.name)}"`,
    `Content-Disposition: attachment; filename="${asciiName(attachment.name)}"; filename*=UTF-8''${percentEncode(attachment.name)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(attachment.bytes),
    `--${MIXED}--`,
    '',
  ].join(CRLF);
}

/** A safe file name for the customer's draft: "Relance Dupont SA.eml". */
export function emlFileName(prefix: string, customer: string, currency: string): string {
  const name = [...`${prefix} ${customer} ${currency}`]
    .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ');
  return `${name.trim().slice(0, 120)}.eml`;
}

function rfc5322Date(day: DayNumber): string {
  const { year, month, day: date } = calendarFromDay(day);
  // 1970-01-01 (day 0) was a Thursday.
  const weekday = DAYS[((day % 7) + 7) % 7];
  return `${weekday}, ${String(date).padStart(2, '0')} ${MONTHS[month - 1]} ${year} 00:00:00 +0000`;
}

/** An address from a cell: line breaks and angle brackets removed, so no header can be injected. */
function address(text: string): string {
  return text.replace(/[\r\n<>"]/g, '').trim();
}

/** A header value as RFC 2047 encoded-words, each line at most 76 characters. */
function encodedWords(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean) && clean.length <= 60) return clean;
  const words: string[] = [];
  let chunk = '';
  for (const char of clean) {
    // 39 bytes of UTF-8 make 52 base64 characters: with "Subject: =?UTF-8?B?" and "?=", 73 in all.
    if (utf8(chunk + char).length > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${base64(utf8(word))}?=`).join(`${CRLF} `);
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}

function percentEncode(name: string): string {
  return [...utf8(name)]
    .map((byte) =>
      /[A-Za-z0-9._-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** UTF-8 bytes of a string (the core has no TextEncoder); a lone surrogate becomes U+FFFD. */
export function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}

/** Base64 in lines of 76 characters, as MIME requires (RFC 2045 §6.8). */
function base64Lines(bytes: Uint8Array): string {
  const text = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join(CRLF);
}
