// The Sheets sidebar: the same pane as Excel's, over the Sheets server through google.script.run.
import { Pane } from '../src/pane/app';
import { callServer, SidebarWorkbook } from './sidebarWorkbook';

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const [today, language] = await Promise.all([callServer('AgeBucket_today'), callServer('AgeBucket_language')]);
  const initialTab = document.body.dataset.initialTab === 'dunning' ? 'dunning' : 'ageing';
  const pane = new Pane({ workbook: new SidebarWorkbook(), root, today: () => today, displayLanguage: language, initialTab });
  await pane.start();
}

main().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `AgeBucket could not start: ${error instanceof Error ? error.message : String(error)}`;
});
