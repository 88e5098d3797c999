// The sheet the FEC import writes, as other commands recognise it, without loading the import
// itself (its readers of spreadsheet files are too heavy for the Apps Script bundle).

/** The heading of its last column: the FEC's line each row comes from. No other import writes it. */
export const FEC_SOURCE_LINE = { en: 'Source line', fr: 'Ligne du fichier' } as const;

/**
 * Whether a header row is the one the FEC import writes. On such a sheet the due dates are not
 * the file's (a FEC has none, LPF art. A47 A-1): they were worked out from the terms given at import.
 */
export function isFecImportHeader(header: ReadonlyArray<unknown>): boolean {
  const last = [...header].reverse().find((cell) => typeof cell === 'string' && cell.trim() !== '');
  return last === FEC_SOURCE_LINE.en || last === FEC_SOURCE_LINE.fr;
}
