import type { LogEntry } from '../../src/dunning/log';
import type { LedgerItem } from '../../src/ledger/ledger';

export function invoice(overrides: Partial<LedgerItem> & Pick<LedgerItem, 'customer' | 'dueDay' | 'amount'>): LedgerItem {
  return {
    row: 2,
    customerCode: null,
    invoiceNumber: `INV-${overrides.dueDay}-${overrides.amount}`,
    invoiceDay: overrides.dueDay - 30,
    invoiceAmount: overrides.amount,
    currency: 'EUR',
    disputed: false,
    disputeReason: null,
    promiseDay: null,
    owner: 'Claire Petit',
    email: 'compta@example.fr',
    phone: '+33 1 23 45 67 89',
    address: '1 rue de la Paix, 75002 Paris',
    language: 'fr',
    ...overrides,
  };
}

export function logged(customer: string, stageIndex: number, day: number, invoices: string[] = []): LogEntry {
  return { day, customer, currency: 'EUR', stageIndex, stageText: '', channel: '', amount: null, invoices, owner: '', note: '' };
}
