/**
 * Plain-text mail as HTML: every character escaped, http(s)/mailto/www links made clickable, and quoted blocks
 * (lines starting with ">") folded in <details>. The result still goes through the sanitizer like any HTML mail.
 */

export interface TextStrings {
  /** The summary of a folded quote; `lines` is how many lines it holds. */
  quoted: (lines: number) => string;
}

export const DEFAULT_TEXT_STRINGS: TextStrings = {
  quoted: (lines) => (lines === 1 ? 'Quoted text (1 line)' : `Quoted text (${lines} lines)`),
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

export function escapeHtml(text: string): string {
  // Most lines of a mail have nothing to escape: testing first avoids building a new string for them.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (char) => ESCAPES[char]!) : text;
}

/**
 * Candidates: a scheme URL or a `www.` host, up to the next space, quote or angle bracket. Each is escaped as a
 * whole when written, in the text and in `href` alike, so no character of a URL can open an attribute or a tag.
 * One character class after a fixed prefix: the engine never backtracks into it, so a line is scanned once.
 */
const LINK = /\b(?:https?:\/\/|mailto:|www\.)[^\s<>"'`\u00a0\u2028\u2029]+/gi;

/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '_', '~']);
const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Trailing punctuation belongs to the sentence, and a closing bracket only when it has no opening one. One count of
 * the brackets, then one walk back from the end: linear in the candidate, however it is made.
 */
function trimLink(candidate: string): string {
  const counts: Record<string, number> = { '(': 0, ')': 0, '[': 0, ']': 0, '{': 0, '}': 0 };
  for (let index = 0; index < candidate.length; index++) {
    const char = candidate[index]!;
    if (char in counts) counts[char]!++;
  }
  let end = candidate.length;
  while (end > 0) {
    const char = candidate[end - 1]!;
    const opener = OPENER[char];
    if (TRAILING.has(char)) end--;
    else if (opener && counts[char]! > counts[opener]!) {
      counts[char]!--;
      end--;
    } else break;
  }
  return candidate.slice(0, end);
}

function hrefOf(link: string): string | null {
  const href = /^www\./i.test(link) ? `https://${link}` : link;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

const LOCAL_PART = /[A-Za-z0-9._%+-]/;
const DOMAIN_PART = /[A-Za-z0-9.-]/;
/** A domain of at least two labels, each of letters, digits and inner hyphens, the last of letters. */
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * Text with its bare e-mail addresses as mailto: links, escaped. Each "@" is grown to the left and to the right by
 * plain loops (never by a regex that could retry from every position), and never back over what an earlier address
 * took: linear in the text.
 */
function linkEmails(text: string): string {
  let out = '';
  let last = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > last && LOCAL_PART.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_PART.test(text[end]!)) end++;
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    while (start < at && text[start] === '.') start++;
    const domain = text.slice(at + 1, end);
    if (start === at || !DOMAIN.test(domain)) continue;
    const address = text.slice(start, end);
    out += escapeHtml(text.slice(last, start)) + `<a href="mailto:${escapeHtml(address)}">${escapeHtml(address)}</a>`;
    last = end;
    at = end - 1;
  }
  return out + escapeHtml(text.slice(last));
}

/** Plain text between links: escaped, with its e-mail addresses linked. */
function plain(text: string): string {
  return text.includes('@') ? linkEmails(text) : escapeHtml(text);
}

/** One line with its links: URLs, `www.` hosts and e-mail addresses. */
export function linkify(line: string): string {
  // Most lines hold no link: one search of the line, no iterator, no copies.
  if (!/\b(?:https?:\/\/|mailto:|www\.)/i.test(line)) return plain(line);
  let out = '';
  let last = 0;
  LINK.lastIndex = 0;
  for (let match = LINK.exec(line); match; match = LINK.exec(line)) {
    const link = trimLink(match[0]);
    const href = link.length < 5 ? null : hrefOf(link);
    if (!href) continue;
    out += plain(line.slice(last, match.index)) + `<a href="${escapeHtml(href)}">${escapeHtml(link)}</a>`;
    last = match.index + link.length;
  }
  return out + plain(line.slice(last));
}

/** A quote level starts with ">"; depth beyond this is shown as text, so a crafted mail cannot nest without end. */
const MAX_DEPTH = 20;

/**
 * Appends the HTML of `lines[from..to)` at quote `depth` to `out`. Quote levels are folded one inside another: each
 * level strips one ">" (and the space after it). Lines are never copied: a level reads them through an offset.
 */
function renderLines(
  lines: readonly string[],
  from: number,
  to: number,
  depth: number,
  strings: TextStrings,
  out: string[],
): void {
  let index = from;
  while (index < to) {
    if (index > from) out.push('\n');
    if (!isQuoted(lines[index]!, depth) || depth >= MAX_DEPTH) {
      out.push(linkify(strip(lines[index]!, depth)));
      index++;
      continue;
    }
    let end = index;
    while (end < to && isQuoted(lines[end]!, depth)) end++;
    out.push(`<details class="quote"><summary>${escapeHtml(strings.quoted(end - index))}</summary><blockquote>`);
    renderLines(lines, index, end, depth + 1, strings, out);
    out.push('</blockquote></details>');
    index = end;
  }
}

/** Whether a line, seen `depth` levels deep, starts another level of quote. */
function isQuoted(line: string, depth: number): boolean {
  return line.charCodeAt(quoteOffset(line, depth)) === 0x3e;
}

/** Where the text of a line begins once `depth` levels of "> " are taken off it. */
function quoteOffset(line: string, depth: number): number {
  let offset = 0;
  for (let level = 0; level < depth; level++) {
    offset++; // the ">" the level was recognised by
    if (line.charCodeAt(offset) === 0x20) offset++;
  }
  return offset;
}

function strip(line: string, depth: number): string {
  return depth ? line.slice(quoteOffset(line, depth)) : line;
}

/**
 * At most `at` characters of `text`, cut at the end of a line when one is in the second half (a quote or a sentence
 * is then not split), otherwise at `at`, never inside a surrogate pair. 0 or less keeps everything.
 */
export function clipText(text: string, at: number): string {
  if (at <= 0 || text.length <= at) return text;
  let end = text.lastIndexOf('\n', at);
  if (end < at / 2) {
    end = at;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
  }
  return text.slice(0, end);
}

/** The HTML of a plain-text body, in one `<div class="text-body">` whose white space is kept by the base styles. */
export function textToHtml(text: string, strings: TextStrings = DEFAULT_TEXT_STRINGS): string {
  // Trailing blank lines would show as empty space under the mail. trimEnd, not a regex: linear on any input.
  const lines = text.replace(/\r\n?/g, '\n').trimEnd().split('\n');
  const out = ['<div class="text-body">'];
  renderLines(lines, 0, lines.length, 0, strings, out);
  out.push('</div>');
  return out.join('');
}
