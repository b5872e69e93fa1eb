// mock.page.100k and mock.search.100k: the in-memory backend answering the first page of a 100,000-message inbox, and
// a text search over it (median of repeated runs, data already generated).
import { HttpMailBackend } from '../../src/client/index.js';
import { MemoryMailBackend } from '../../src/mock/index.js';
import { createMailRouter } from '../../src/server/index.js';
import { expose, medianMs, round } from '../kit.js';

expose(async () => {
  const seedStart = performance.now();
  const backend = new MemoryMailBackend({ seed: 'bench', messages: 100_000 });
  const inbox = (await backend.listFolders()).items.find((folder) => folder.role === 'inbox')!;
  const seedMs = performance.now() - seedStart;
  const page = await medianMs(() => backend.listMessages({ folderId: inbox.id, limit: 50 }), 15, 3, 50);
  // Distinct words for every run, so no run is answered from the count cache of an earlier one.
  const words = await distinctWords(backend, inbox.id, 24);
  let query = 0;
  const search = await medianMs(
    () => backend.listMessages({ folderId: inbox.id, text: words[query++]!, limit: 50 }),
    20,
    3,
  );
  let miss = 0;
  const deepSearch = await medianMs(
    () => backend.listMessages({ folderId: inbox.id, text: `zz-no-such-word-${miss++}`, limit: 50 }),
    7,
    1,
  );
  // The same first page through the whole HTTP contract (client validation, router, output validation), in-page.
  const router = createMailRouter(backend, { basePath: '/api' });
  const http = new HttpMailBackend({
    baseUrl: 'http://bench.test/api',
    fetch: (input, init) => router.fetch(new Request(input, init)),
  });
  const httpPage = await medianMs(() => http.listMessages({ folderId: inbox.id, limit: 50 }), 15, 3, 10);
  return {
    'http.page.100k': { value: httpPage, unit: 'ms' },
    'mock.seed.100k': { value: round(seedMs), unit: 'ms' },
    'mock.page.100k': { value: page, unit: 'ms' },
    'mock.search.100k': { value: search, unit: 'ms' },
    'mock.search-miss.100k': { value: deepSearch, unit: 'ms' },
  };
});

/** Words of at least five letters from the newest subjects, each once. */
async function distinctWords(backend: MemoryMailBackend, folderId: string, count: number): Promise<string[]> {
  const page = await backend.listMessages({ folderId, limit: 200 });
  const words = new Set<string>();
  for (const item of page.items) {
    for (const word of item.subject.toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= 5) words.add(word);
  }
  const list = [...words];
  if (list.length < count) throw new Error(`only ${list.length} distinct words`);
  return list.slice(0, count);
}
