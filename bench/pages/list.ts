// list.first-rows.100k, list.dom-rows.100k and list.jump-middle.100k: <mail-message-list> over a 100,000-message
// inbox held in memory (MemoryMailBackend, no HTTP): the time from opening the folder to the first rows painted,
// how many rows are in the DOM once all 100,000 are loaded, and the time to show rows after jumping to the middle.
import '../../src/define/mail-message-list.js';
import type { MailMessageList } from '../../src/elements/mail-message-list/mail-message-list.js';
import { MemoryMailBackend } from '../../src/mock/index.js';
import { expose, round } from '../kit.js';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const rows = (list: MailMessageList) => list.shadowRoot!.querySelectorAll('[role="option"]');

/** Resolves at the first frame after `ready()` holds: the rows are painted by then. */
async function painted(ready: () => boolean): Promise<void> {
  while (!ready()) await frame();
  await frame();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)]!);
}

function mount(backend: MemoryMailBackend, pageSize: number): MailMessageList {
  const list = document.createElement('mail-message-list');
  list.backend = backend;
  list.pageSize = pageSize;
  list.style.cssText = 'display:flex;height:800px;width:700px';
  document.body.append(list);
  return list;
}

expose(async () => {
  const backend = new MemoryMailBackend({ seed: 'bench', messages: 100_000 });
  const inbox = (await backend.listFolders()).items.find((folder) => folder.role === 'inbox')!;
  const archive = (await backend.listFolders()).items.find((folder) => folder.role === 'archive')!;

  // Opening the folder: from setting `folder` to the frame after the first rows exist. Alternates with another
  // folder so that every run opens the inbox afresh.
  const list = mount(backend, 50);
  const opens: number[] = [];
  for (let run = 0; run < 9; run++) {
    list.folder = archive.id;
    await painted(() => list.messages.length > 0 && list.messages[0]!.folderId === archive.id);
    const start = performance.now();
    list.folder = inbox.id;
    await painted(() => list.messages[0]?.folderId === inbox.id && rows(list).length > 0);
    opens.push(performance.now() - start);
  }
  list.remove();

  // The whole folder loaded, 200 rows a page by cursor, then the rows in the DOM counted.
  const full = mount(backend, 200);
  full.folder = inbox.id;
  await painted(() => rows(full).length > 0);
  while (await full.loadMore()) {
    // keep paging
  }
  if (full.messages.length < 100_000) throw new Error(`only ${full.messages.length} rows loaded`);
  await frame();
  let domRows = rows(full).length;

  // Jumping to the middle (and back to the top between runs).
  const jumps: number[] = [];
  const middle = Math.floor(full.messages.length / 2);
  for (let run = 0; run < 9; run++) {
    full.scrollToIndex(0);
    await painted(() => rows(full)[0]?.getAttribute('data-index') === '0');
    const target = middle + run * 37;
    const start = performance.now();
    full.scrollToIndex(target);
    await painted(() => [...rows(full)].some((row) => Math.abs(Number(row.getAttribute('data-index')) - target) <= 2));
    jumps.push(performance.now() - start);
    domRows = Math.max(domRows, rows(full).length);
  }
  full.remove();

  return {
    'list.first-rows.100k': { value: median(opens), unit: 'ms' },
    'list.dom-rows.100k': { value: domRows, unit: 'count' },
    'list.jump-middle.100k': { value: median(jumps), unit: 'ms' },
  };
});
