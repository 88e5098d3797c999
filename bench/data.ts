// The benchmark's rows: deterministic, shaped like a real ledger (10,000 customers, due dates
// over two years, amounts with cents), the same for every contender.
import { seededRandom } from '../scripts/generatedLedger';

export const ROWS = 1_000_000;
export const CUSTOMERS = 10_000;
export const AS_OF_SERIAL = 45989; // 2025-11-28

export interface BenchLedger {
  customers: string[];
  dueSerials: number[];
  amounts: number[];
}

export function benchLedger(rows = ROWS): BenchLedger {
  const rand = seededRandom(42);
  const names = Array.from({ length: CUSTOMERS }, (_, i) => `Customer ${String(i).padStart(5, '0')}`);
  const customers = new Array<string>(rows);
  const dueSerials = new Array<number>(rows);
  const amounts = new Array<number>(rows);
  for (let i = 0; i < rows; i++) {
    customers[i] = names[Math.floor(rand() * CUSTOMERS)] as string;
    dueSerials[i] = AS_OF_SERIAL + 60 - Math.floor(rand() * 730);
    const cents = Math.floor(rand() * 5_000_000) - (rand() < 0.05 ? 2_500_000 : 0);
    amounts[i] = cents / 100;
  }
  return { customers, dueSerials, amounts };
}
