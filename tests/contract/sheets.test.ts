// The Workbook contract over the Sheets adapter, where the port is implemented: the sidebar's
// SidebarWorkbook, whose every call crosses google.script.run into the built Code.js (run here
// over the Apps Script fakes). What crosses is copied as JSON, as google.script.run copies it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { type ServerCall, SidebarWorkbook } from '../../gas/sidebarWorkbook';
import { FakeSpreadsheet, fakeServices } from '../artifacts/fakeAppsScript';
import { DIST, formatDate } from '../artifacts/harness';
import { testWorkbook, type WorkbookHarness } from './workbookContract';

const code = readFileSync(join(DIST, 'gas', 'Code.js'), 'utf8');

/** A value as google.script.run delivers it: plain data only (undefined stays undefined). */
const overTheWire = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

function sheetsHarness(): WorkbookHarness {
  const book = new FakeSpreadsheet('Europe/Paris', 'fr_FR');
  const services = fakeServices(book, formatDate, '<html></html>');
  const context = vm.createContext({ ...services.globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const call = (async (name: string, ...args: unknown[]) => {
    const server = context[name] as ((...values: unknown[]) => unknown) | undefined;
    if (typeof server !== 'function') throw new Error(`Script function not found: ${name}`);
    return overTheWire(server(...overTheWire(args)));
  }) as ServerCall;
  const model = (name: string) => {
    const sheet = book.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  };
  return {
    workbook: new SidebarWorkbook(call),
    addSheet: (name, values) => {
      book.addSheet(
        name,
        values.map((row) => [...row]),
      );
    },
    activate: (name) => {
      book.active = model(name);
    },
    typed: (name) => book.sheets.find((s) => s.name === name)?.values ?? null,
    addUserRule(sheetName, formula) {
      // Format › Conditional formatting › Add another rule puts it last.
      model(sheetName).rules.push({ formula, background: '#00FF00', ranges: [] });
    },
    ruleFormulas: (sheetName) => model(sheetName).rules.map((rule) => rule.formula),
    storeSettingsText: (text) => {
      services.properties.agebucket = text;
    },
  };
}

testWorkbook('Sheets', sheetsHarness);
