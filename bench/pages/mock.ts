// mock.page.100k and mock.search.100k: the in-memory backend answering the first page of a 100,000-message inbox, and
// a text search over it (median of repeated runs, data already generated).
import { MemoryMailBackend } from '../../src/mock/index.js';
import { expose, medianMs, round } from '../kit.js';

expose(async () => {
  const seedStart = performance.now();
  const backend = new MemoryMailBackend({ seed: 'bench', messages: 100_000 });
  const inbox = (await backend.listFolders()).items.find((folder) => folder.role === 'inbox')!;
  const seedMs = performance.now() - seedStart;
  const page = await medianMs(() => backend.listMessages({ folderId: inbox.id, limit: 50 }));
  let query = 0;
  const words = ['invoice', 'factura', 'meeting', 'reunión', 'project', 'pedido', 'newsletter', 'contrato'];
  const search = await medianMs(() =>
    backend.listMessages({ folderId: inbox.id, text: words[query++ % words.length], limit: 50 }),
  );
  const deepSearch = await medianMs(
    () => backend.listMessages({ folderId: inbox.id, text: 'zz-no-such-word-zz', limit: 50 }),
    5,
    1,
  );
  return {
    'mock.seed.100k': { value: round(seedMs), unit: 'ms' },
    'mock.page.100k': { value: page, unit: 'ms' },
    'mock.search.100k': { value: search, unit: 'ms' },
    'mock.search-miss.100k': { value: deepSearch, unit: 'ms' },
  };
});
