// The Workbook contract over the Sheets adapter, where the port is implemented: the sidebar's
// SidebarWorkbook, whose every call crosses google.script.run into the built Code.js (run here
// over the Apps Script fakes). What crosses is copied as JSON, as google.script.run copies it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { type ServerCall, SidebarWorkbook } from '../../gas/sidebarWorkbook';
import { parseTextDate } from '../../src/primitives/dates';
import { FakeSpreadsheet, fakeServices } from '../artifacts/fakeAppsScript';
import { DIST, formatDate, offsetMinutes } from '../artifacts/harness';
import { hostValues, testWorkbook, type WorkbookHarness } from './workbookContract';

const code = readFileSync(join(DIST, 'gas', 'Code.js'), 'utf8');
// East of UTC: midnight there is the evening before in UTC, so a date read in any zone but the
// spreadsheet's would be a day early.
const ZONE = 'Europe/Paris';

/** A value as google.script.run delivers it: plain data only (undefined stays undefined). */
const overTheWire = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

function sheetsHarness(): WorkbookHarness {
  const book = new FakeSpreadsheet(ZONE, 'fr_FR');
  const services = fakeServices(book, formatDate, '<html></html>');
  const context = vm.createContext({ ...services.globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const ContextDate = vm.runInContext('Date', context) as DateConstructor;
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
        hostValues(values, ({ date }) => {
          // Sheets holds a date cell as the Date of its midnight in the spreadsheet's zone, made
          // in the script's own realm as getValues would give it.
          const utcMidnight = parseTextDate(date) * 86_400_000;
          let instant = utcMidnight - offsetMinutes(utcMidnight, ZONE) * 60_000;
          instant = utcMidnight - offsetMinutes(instant, ZONE) * 60_000;
          return new ContextDate(instant);
        }),
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
