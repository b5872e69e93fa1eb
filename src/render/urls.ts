/**
 * URL decisions for mail content. Everything that can make the reader's browser fetch something goes through
 * `resolveResource`; links go through `resolveLink`. Both normalise a value the way the URL parser will (outer C0
 * controls and spaces trimmed, tabs and newlines removed inside) before looking at its scheme, so `java\tscript:`
 * and `&#x20;javascript:` are seen for what the browser would see.
 */

/** The state of one sanitization pass: what it may load, and what it found. */
export interface UrlPolicy {
  /** Remote http(s) content may load. */
  readonly allowRemote: boolean;
  /** `cid:` content ids (lower case, without angle brackets) to the blob: or data: URL of the message's own part. */
  readonly cid: ReadonlyMap<string, string>;
  /** Remote references found (blocked or not). */
  remote: number;
  /** Remote references removed because remote content is not allowed. */
  blocked: number;
}

/** Raster image types a `data:` URL may carry. SVG is not one: it is a document, not a picture. */
const RASTER_DATA_URL = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)(?:;[\w=.+-]*)*,/i;
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

export function createPolicy(allowRemote: boolean, cid: ReadonlyMap<string, string> = new Map()): UrlPolicy {
  return { allowRemote, cid: normaliseCidMap(cid), remote: 0, blocked: 0 };
}

/** What the URL parser keeps: no leading or trailing C0 controls or spaces, no tabs or newlines anywhere. */
export function normaliseUrl(raw: string): string {
  // eslint-disable-next-line no-control-regex -- the URL parser strips exactly these
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function schemeOf(url: string): string | undefined {
  return SCHEME.exec(url)?.[1]?.toLowerCase();
}

/** `//host/x` and `\\host\x` are remote too: they take the scheme of the base, which is the host page's. */
function isSchemeRelative(url: string): boolean {
  return /^[\\/]{2}/.test(url);
}

/** A content id as `cid:` URLs write it (RFC 2392: percent-encoded), compared without brackets and case. */
export function normaliseContentId(value: string): string {
  let id = value.trim();
  try {
    id = decodeURIComponent(id);
  } catch {
    // A stray % is not an escape; compare the text as it is.
  }
  return id.replace(/^<|>$/g, '').toLowerCase();
}

function normaliseCidMap(map: ReadonlyMap<string, string>): Map<string, string> {
  const normalised = new Map<string, string>();
  for (const [id, url] of map) {
    // Only local URLs: a cid part must never be fetched from anywhere else.
    if (/^(?:blob:|data:image\/)/i.test(url)) normalised.set(normaliseContentId(id), url);
  }
  return normalised;
}

function countRemote(policy: UrlPolicy): boolean {
  policy.remote++;
  if (!policy.allowRemote) policy.blocked++;
  return policy.allowRemote;
}

/**
 * The URL an image-like resource (src, background, poster, CSS url()) may use, or `null` to drop it: the message's
 * own part for `cid:`, a raster `data:` image, and remote http(s) only when allowed. Relative URLs are dropped: in a
 * srcdoc frame they would resolve against the host page.
 */
export function resolveResource(raw: string, policy: UrlPolicy): string | null {
  const url = normaliseUrl(raw);
  if (isSchemeRelative(url)) return countRemote(policy) ? `https:${url.replace(/\\/g, '/')}` : null;
  switch (schemeOf(url)) {
    case 'cid':
      return policy.cid.get(normaliseContentId(url.slice(4))) ?? null;
    case 'data':
      return RASTER_DATA_URL.test(url) ? url : null;
    case 'http':
    case 'https':
      return countRemote(policy) ? url : null;
    default:
      return null;
  }
}

/** Counts a reference that cannot be made safe (a remote font, an @import) without ever loading it. */
export function countDroppedRemote(policy: UrlPolicy, text: string): void {
  if (/(?:https?:)?\/\//i.test(text)) {
    policy.remote++;
    if (!policy.allowRemote) policy.blocked++;
  }
}

/** The href a link may keep: http(s), mailto, tel, or a fragment of the mail itself; `null` otherwise. */
export function resolveLink(raw: string): string | null {
  const url = normaliseUrl(raw);
  if (url.startsWith('#')) return url;
  if (isSchemeRelative(url)) return `https:${url.replace(/\\/g, '/')}`;
  const scheme = schemeOf(url);
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' || scheme === 'tel' ? url : null;
}

interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/** Splits a srcset the way the HTML parser does: a URL is a run of non-spaces, descriptors end at a comma. */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let position = 0;
  while (position < value.length) {
    while (position < value.length && /[\s,]/.test(value[position]!)) position++;
    if (position >= value.length) break;
    let end = position;
    while (end < value.length && !/\s/.test(value[end]!)) end++;
    let url = value.slice(position, end);
    position = end;
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      const start = position;
      while (position < value.length && (value[position] !== ',' || depth > 0)) {
        if (value[position] === '(') depth++;
        else if (value[position] === ')') depth--;
        position++;
      }
      descriptor = value.slice(start, position).trim();
    }
    candidates.push({ url, descriptor });
  }
  return candidates;
}

/** A srcset with every candidate resolved; candidates that may not load are dropped. `null` when none is left. */
export function resolveSrcset(value: string, policy: UrlPolicy): string | null {
  const kept: string[] = [];
  for (const candidate of parseSrcset(value)) {
    const url = resolveResource(candidate.url, policy);
    // A URL with spaces or a trailing comma would split differently when parsed again.
    if (url && !/[\s]|,$/.test(url)) kept.push(candidate.descriptor ? `${url} ${candidate.descriptor}` : url);
  }
  return kept.length ? kept.join(', ') : null;
}
