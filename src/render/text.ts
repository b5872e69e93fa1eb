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

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * Candidates: a scheme URL or a `www.` host, up to the next space, quote or angle bracket. Each is escaped as a
 * whole when written, in the text and in `href` alike, so no character of a URL can open an attribute or a tag.
 */
const LINK = /\b(?:https?:\/\/|mailto:|www\.)[^\s<>"'`\u00a0\u2028\u2029]+/gi;

/** Trailing punctuation belongs to the sentence, and a closing bracket only when it has no opening one. */
function trimLink(candidate: string): string {
  let link = candidate.replace(/[.,;:!?'"*_~]+$/, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ] as const) {
    while (link.endsWith(close) && link.split(close).length > link.split(open).length) link = link.slice(0, -1);
    link = link.replace(/[.,;:!?'"*_~]+$/, '');
  }
  return link;
}

function hrefOf(link: string): string | null {
  const href = /^www\./i.test(link) ? `https://${link}` : link;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** One line with its links. */
export function linkify(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(LINK)) {
    const link = trimLink(match[0]);
    const href = hrefOf(link);
    if (!href || link.length < 5) continue;
    out += escapeHtml(line.slice(last, match.index)) + `<a href="${escapeHtml(href)}">${escapeHtml(link)}</a>`;
    last = match.index + link.length;
  }
  return out + escapeHtml(line.slice(last));
}

interface Block {
  quoted: boolean;
  lines: string[];
}

function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    const quoted = line.startsWith('>');
    const previous = blocks.at(-1);
    if (previous && previous.quoted === quoted) previous.lines.push(line);
    else blocks.push({ quoted, lines: [line] });
  }
  return blocks;
}

/** Quote levels are folded one inside another: each level strips one ">" (and the space after it). */
function renderLines(lines: string[], strings: TextStrings, depth: number): string {
  return blocksOf(lines)
    .map((block) => {
      if (!block.quoted || depth > 20) return block.lines.map(linkify).join('\n');
      const inner = block.lines.map((line) => line.replace(/^> ?/, ''));
      return (
        `<details class="quote"><summary>${escapeHtml(strings.quoted(inner.length))}</summary>` +
        `<blockquote>${renderLines(inner, strings, depth + 1)}</blockquote></details>`
      );
    })
    .join('\n');
}

/** The HTML of a plain-text body, in one `<div class="text-body">` whose white space is kept by the base styles. */
export function textToHtml(text: string, strings: TextStrings = DEFAULT_TEXT_STRINGS): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return `<div class="text-body">${renderLines(lines, strings, 0)}</div>`;
}
