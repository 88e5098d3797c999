// The .eml draft, read back by a small MIME reader written here (headers, boundaries, base64 and
// RFC 2047 words decoded with Node's Buffer), independent of the writer.

import { lettersToDocx } from '../../src/letters/docx';
import { emlFileName, letterToEml } from '../../src/letters/eml';
import { buildLetter } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { parseTextDate } from '../../src/primitives/dates';
import { options, plan } from './sample';

interface Part {
  headers: Map<string, string>;
  body: string;
}

function parsePart(text: string): Part {
  const at = text.indexOf('\r\n\r\n');
  const head = text.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(at + 4) };
}

function parts(part: Part): Part[] {
  const boundary = /boundary="([^"]+)"/.exec(part.headers.get('content-type') ?? '')?.[1];
  if (!boundary) return [part];
  const pieces = part.body.split(`--${boundary}`);
  // Before the first delimiter: the preamble; after the closing one ("--"): the epilogue.
  return pieces
    .slice(1, -1)
    .map((piece) => parsePart(piece.replace(/^\r\n/, '')))
    .flatMap(parts);
}

const decodeWords = (value: string) =>
  value.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
const decodeBody = (part: Part) => Buffer.from(part.body.replace(/\s+/g, ''), 'base64');

// The account with the longest letter of the sample: the one a mailto: link could not carry.
const letters = plan.actions.map((account) => buildLetter(account, options));
const longest = letters.reduce((a, b) => (letterToText(b).length > letterToText(a).length ? b : a));

test('a letter too long for a mailto: link is a draft with its text and HTML bodies', () => {
  expect(encodeURIComponent(letterToText(longest)).length).toBeGreaterThan(2000);
  const eml = letterToEml(longest, { asOf: parseTextDate('2025-11-28'), from: 'compta@ateliers.example' });
  // 7-bit lines of at most 78 characters, CRLF only (RFC 5322 §2.1.1, §2.3).
  expect(eml.split('\r\n').every((line) => line.length <= 78 && /^[\x20-\x7e\t]*$/.test(line))).toBe(true);
  expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const message = parsePart(eml);
  expect(message.headers.get('x-unsent')).toBe('1');
  // 28 November 2025 was a Friday.
  expect(message.headers.get('date')).toBe('Fri, 28 Nov 2025 00:00:00 +0000');
  expect(message.headers.get('from')).toBe('compta@ateliers.example');
  expect(message.headers.get('to')).toBe(longest.email);
  expect(decodeWords(message.headers.get('subject') ?? '')).toBe(longest.subject);
  const [text, html] = parts(message);
  expect(text?.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
  expect(decodeBody(text as Part).toString('utf8')).toBe(letterToText(longest).replace(/\n/g, '\r\n'));
  expect(html?.headers.get('content-type')).toBe('text/html; charset=UTF-8');
  expect(decodeBody(html as Part).toString('utf8')).toContain(longest.subject.replace(/&/g, '&amp;').slice(0, 20));
});

test('with the .docx attached, and a name in any script', async () => {
  const docx = await lettersToDocx([longest], 'Relance');
  const eml = letterToEml(longest, {
    asOf: parseTextDate('2025-11-28'),
    attachment: {
      name: 'Relance Électricité Gauthier.docx',
      bytes: docx,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  });
  const message = parsePart(eml);
  expect(message.headers.has('from')).toBe(false);
  const all = parts(message);
  expect(all.map((part) => part.headers.get('content-type')?.split(';')[0])).toEqual([
    'text/plain',
    'text/html',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ]);
  const attached = all[2] as Part;
  expect(attached.headers.get('content-disposition')).toContain(
    "filename*=UTF-8''Relance%20%C3%89lectricit%C3%A9%20Gauthier.docx",
  );
  expect(Buffer.compare(decodeBody(attached), Buffer.from(docx))).toBe(0);
});

test('a header cannot be injected through the customer’s email cell or the subject', () => {
  const eml = letterToEml(
    { ...longest, email: 'a@b.fr\r\nBcc: x@evil.example', subject: 'Relance\r\nBcc: y@evil.example' },
    { asOf: 0 },
  );
  const names = [...parsePart(eml).headers.keys()];
  expect(names).not.toContain('bcc');
  expect(emlFileName('Relance', 'A/B: "C"', 'EUR')).toBe('Relance A B C EUR.eml');
});
