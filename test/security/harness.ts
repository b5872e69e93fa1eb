/**
 * Renders hostile vectors in real sandboxed frames and observes, from the host page, whether any script ran or any
 * request reached the local probe server (scripts/probe-middleware.mjs).
 */
import type { Vector } from './vectors.js';

declare global {
  interface Window {
    __pwned?: (id: string) => void;
  }
}

export interface Observed {
  /** Vector ids whose script ran (called `top.__pwned`, posted a message, or renamed the window). */
  pwned: Set<string>;
  /** Vector ids (first path segment) that reached the probe server. */
  hits: Set<string>;
  /** Every raw hit, for messages. */
  rawHits: string[];
}

/** A namespace per test file and run, so files running side by side never read each other's hits. */
export function probeNamespace(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The vector's HTML or text with its placeholders filled in. */
export function fill(template: string, id: string, namespace: string): string {
  const hostRaw = `${location.host}/__probe/${namespace}/`;
  return template
    .replaceAll('{JS}', `top.__pwned('${id}')`)
    .replaceAll('{PHOSTRAW}', hostRaw)
    .replaceAll('{PHOST}', `${location.protocol}//${hostRaw}`)
    .replaceAll('{PATH}', `/__probe/${namespace}/${id}`)
    .replaceAll('{PR}', `//${hostRaw}${id}`)
    .replaceAll('{P}', `${location.protocol}//${hostRaw}${id}`)
    .replaceAll('{ID}', id);
}

/** Starts recording script effects; call the returned function to stop and read them. */
export function trapScripts(): () => Set<string> {
  const pwned = new Set<string>();
  const originalName = window.name;
  window.__pwned = (id) => pwned.add(String(id));
  const onMessage = (event: MessageEvent) => pwned.add(`message:${String(event.data)}`);
  window.addEventListener('message', onMessage);
  return () => {
    window.removeEventListener('message', onMessage);
    delete window.__pwned;
    if (window.name !== originalName) pwned.add(`window.name:${window.name}`);
    return pwned;
  };
}

export async function probeHits(namespace: string): Promise<string[]> {
  const response = await fetch(`/__probe-hits?ns=${encodeURIComponent(namespace)}`, { cache: 'no-store' });
  return (await response.json()) as string[];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits for a frame's first load (its srcdoc document). */
export function loaded(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    frame.addEventListener('load', done, { once: true });
    setTimeout(done, 3000);
  });
}

const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, frameset, object, embed, applet, portal, form, input, button, select, textarea, base, link, svg, math, noscript, template, audio, video, body meta, body title';
const SAFE_LINK = /^(?:https?:|mailto:|tel:|#)/i;
const SAFE_RESOURCE = /^(?:blob:|data:image\/(?:png|gif|jpe?g|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)[;,])/i;
const REMOTE_RESOURCE = /^https?:/i;

function resourceUrls(name: string, value: string): string[] {
  if (name !== 'srcset') return [value];
  return value.split(/,\s+/).map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
}

/** What must never be found in a rendered mail frame, whatever the vector. */
export function auditFrame(frame: HTMLIFrameElement, allowRemote = false): string[] {
  const problems: string[] = [];
  const doc = frame.contentDocument;
  if (!doc) return ['the frame document is not readable'];
  if (doc.URL !== 'about:srcdoc') problems.push(`the frame navigated to ${doc.URL}`);
  const csp = doc.head?.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (!csp || doc.head.children[1] !== csp) problems.push('the CSP meta is not right after the charset');
  if (doc.querySelectorAll('meta').length !== 3) problems.push('a meta element of the mail survived');
  for (const element of doc.querySelectorAll(FORBIDDEN_ELEMENTS)) problems.push(`<${element.localName}> survived`);
  for (const element of doc.body?.querySelectorAll('*') ?? []) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} on <${element.localName}> survived`);
      if (['action', 'formaction', 'ping', 'xlink:href', 'srcdoc', 'data', 'dynsrc', 'lowsrc'].includes(name))
        problems.push(`${name} on <${element.localName}> survived`);
      if (name === 'href' && !SAFE_LINK.test(attribute.value)) problems.push(`href ${attribute.value} survived`);
      if (['src', 'srcset', 'background', 'poster'].includes(name)) {
        for (const url of resourceUrls(name, attribute.value)) {
          if (!SAFE_RESOURCE.test(url) && !(allowRemote && REMOTE_RESOURCE.test(url)))
            problems.push(`${name} ${url.slice(0, 60)} survived`);
        }
      }
    }
    if (doc.defaultView?.getComputedStyle(element).position === 'fixed')
      problems.push(`<${element.localName}> is position: fixed`);
  }
  return problems;
}

export interface FrameRun {
  frames: Map<string, HTMLIFrameElement>;
  observed: Observed;
}

/**
 * Shows every vector in its own sandboxed frame (in batches, side by side), waits for timers, animations and
 * refreshes to have had their chance, then reads what ran and what reached the server.
 */
export async function runInFrames(
  list: Vector[],
  namespace: string,
  show: (vector: Vector, filled: string) => Promise<HTMLIFrameElement>,
  { batch = 40, settle = 400 } = {},
): Promise<FrameRun> {
  const stop = trapScripts();
  const frames = new Map<string, HTMLIFrameElement>();
  for (let start = 0; start < list.length; start += batch) {
    await Promise.all(
      list.slice(start, start + batch).map(async (vector) => {
        const filled = fill(vector.html ?? vector.text ?? '', vector.id, namespace);
        frames.set(vector.id, await show(vector, filled));
      }),
    );
  }
  await sleep(settle);
  const rawHits = await probeHits(namespace);
  const pwned = stop();
  const hits = new Set(rawHits.map((hit) => hit.split('/')[0] ?? hit));
  return { frames, observed: { pwned, hits, rawHits } };
}
