// The browser's localStorage, in memory: what the Preview workbook keeps its settings in, for
// tests that run the Preview adapter outside a browser.
export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}
