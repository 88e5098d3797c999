// The part of papaparse's API the ledger reader uses. Its DefinitelyTyped package pulls Node's
// types into every file that imports it, which would let Node globals into the core.
declare module 'papaparse' {
  export interface ParseError {
    readonly type: string;
    readonly code: string;
    readonly message: string;
    readonly row?: number;
    readonly index?: number;
  }
  export interface ParseResult {
    readonly data: string[][];
    readonly errors: ParseError[];
  }
  export interface ParseConfig {
    readonly delimiter?: string;
    readonly quoteChar?: string;
    readonly skipEmptyLines?: boolean;
  }
  const Papa: { parse(input: string, config: ParseConfig): ParseResult };
  export default Papa;
}
