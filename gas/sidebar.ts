// The Sheets sidebar: the same pane as Excel's, over the Sheets server through google.script.run.
import { startPane } from '../src/pane/App';
import { callServer, SidebarWorkbook } from './sidebarWorkbook';

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  document.body.classList.add('theme-sheets');
  const [today, language] = await Promise.all([callServer('AgeBucket_today'), callServer('AgeBucket_language')]);
  const initialTab = document.body.dataset.initialTab === 'dunning' ? 'dunning' : 'ageing';
  startPane(root, { workbook: new SidebarWorkbook(), today: () => today, displayLanguage: language, initialTab });
}

main().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `AgeBucket could not start: ${error instanceof Error ? error.message : String(error)}`;
});
