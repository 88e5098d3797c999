// Spilling a per-cell computation over one or more range arguments. Each argument is one
// cell or a range; ranges must share one shape and single cells apply to every cell. A cell
// that cannot be read becomes an error in that cell only; a blank input gives a blank result.

import { type CellValue, isBlank } from '../primitives/cells';
import { AgeBucketError, fail } from '../primitives/messages';
import { asMatrix, shapeOf } from './arguments';
import type { HostContext } from './context';

export interface SpillArgument {
  readonly name: string;
  readonly value: unknown;
  /** A blank cell in this argument gives a blank result (data arguments, not settings). */
  readonly blankGivesBlank: boolean;
}

export function spill(
  args: readonly SpillArgument[],
  context: HostContext,
  compute: (cells: readonly CellValue[]) => unknown,
): unknown[][] {
  const first = args[0] as SpillArgument;
  let shape = shapeOf(first.value);
  let shapeName = first.name;
  for (const arg of args) {
    const own = shapeOf(arg.value);
    if (own.rows * own.columns === 1) continue;
    if (shape.rows * shape.columns === 1) {
      shape = own;
      shapeName = arg.name;
    } else if (own.rows !== shape.rows || own.columns !== shape.columns) {
      fail('shapesDiffer', { name: arg.name, other: shapeName, rows: shape.rows, columns: shape.columns });
    }
  }
  const matrices = args.map((arg) => {
    const matrix = asMatrix(arg.value);
    const single = shapeOf(arg.value);
    return { matrix, broadcast: single.rows * single.columns === 1, blankGivesBlank: arg.blankGivesBlank };
  });
  const cells: CellValue[] = new Array(args.length);
  const out: unknown[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: unknown[] = new Array(shape.columns);
    for (let c = 0; c < shape.columns; c++) {
      let blank = false;
      for (let a = 0; a < matrices.length; a++) {
        const { matrix, broadcast, blankGivesBlank } = matrices[a] as (typeof matrices)[number];
        const cell = (broadcast ? matrix[0]?.[0] : matrix[r]?.[c]) as CellValue;
        if (blankGivesBlank && isBlank(cell)) blank = true;
        cells[a] = cell;
      }
      row[c] = blank ? '' : computeCell(compute, cells, context);
    }
    out[r] = row;
  }
  return out;
}

function computeCell(
  compute: (cells: readonly CellValue[]) => unknown,
  cells: readonly CellValue[],
  context: HostContext,
): unknown {
  try {
    return compute(cells);
  } catch (error) {
    if (error instanceof AgeBucketError) return context.cellError(error.message);
    throw error;
  }
}
