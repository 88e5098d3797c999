// V8 passes every element of a spread call argument (`f(...values)`, `rows.push(...more)`) or
// of `f.apply(null, values)` on its stack, and overflows past about 125,000 of them: over a
// ledger's rows that stops the command. Such a call is allowed in src/ only over something
// bounded (one row's cells, a letter's address lines), said in a comment with the word
// "bounded" on the line of the call or the line above.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Spread arguments and `.apply(…)` calls in a source text, with the line each is on (1-based). */
function spreadCalls(fileName: string, text: string): Array<{ line: number; code: string }> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TSX);
  const found: Array<{ line: number; code: string }> = [];
  const visit = (node: ts.Node) => {
    const spreadArgument = ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent));
    const apply =
      ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'apply';
    if (spreadArgument || apply) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ line, code: node.getText(source).slice(0, 60) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The calls not marked bounded by a comment on their line or the line above. */
function unmarked(fileName: string, text: string): string[] {
  const lines = text.split('\n');
  return spreadCalls(fileName, text)
    .filter(({ line }) => !/\/\/.*\bbounded\b|\/\*.*\bbounded\b/i.test(`${lines[line - 2] ?? ''}\n${lines[line - 1] ?? ''}`))
    .map(({ line, code }) => `${fileName}:${line}: ${code}`);
}

test('no spread argument or apply over data in src/, unless marked bounded', () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(50);
  const problems = files.flatMap((file) => unmarked(relative(SRC, file), readFileSync(file, 'utf8')));
  expect(problems).toEqual([]);
});

test('the scan finds spread arguments and apply calls, and accepts a bounded one', () => {
  const text = [
    'const a = Math.max(...values);',
    'rows.push(...more);',
    'String.fromCharCode.apply(null, units);',
    'const b = [...values];', // an array literal: no arguments, no stack
    'const c = { ...options };',
    '// bounded: one row of cells',
    'row.push(...cells);',
  ].join('\n');
  expect(spreadCalls('x.ts', text).map((call) => call.line)).toEqual([1, 2, 3, 7]);
  expect(unmarked('x.ts', text)).toEqual([
    'x.ts:1: ...values',
    'x.ts:2: ...more',
    'x.ts:3: String.fromCharCode.apply(null, units)',
  ]);
});
