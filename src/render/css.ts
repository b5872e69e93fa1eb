/**
 * CSS from mail, made safe by the browser's own CSS parser: a style attribute or a <style> block is parsed with the
 * CSSOM, and only what it understood is written back, declaration by declaration, with every URL resolved through the
 * policy. Parsing first means escapes (`u\72l(`), comments (`ur/**\/l(`) and brace tricks are already resolved the
 * way the frame will resolve them: there is no second, different reading of the text to desynchronise with.
 *
 * Dropped always: @import, @font-face, @property, @counter-style and other rules that fetch or that we do not need;
 * `expression()`, `element()`, `paint()`, `attr()` inside values; `behavior` and `-moz-binding`; `position: fixed`
 * (an overlay over the reader's own interface). Custom properties and `var()` survive unless their text names a
 * resource function, since a fallback or a substituted value is only known at computed-value time.
 */
import { countDroppedRemote, resolveResource, type UrlPolicy } from './urls.js';

/** Functions whose arguments are URLs (`url("a")`, `image-set("a" 1x)`, `image("a")`, `cross-fade("a", "b")`). */
const URL_FUNCTIONS = new Set(['url', 'src']);
const IMAGE_FUNCTIONS = new Set(['image', 'image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade']);
/** Functions that are never kept: they run code, mirror other elements, or read attributes. */
const FORBIDDEN_FUNCTIONS = /(?:^|[^\w-])(?:expression|element|-moz-element|paint|attr|-webkit-canvas)\(/;
const RESOURCE_FUNCTION =
  /(?:^|[^\w-])(?:url|src|image|image-set|-webkit-image-set|cross-fade|-webkit-cross-fade|expression|element|-moz-element|paint|attr|-webkit-canvas)\(/;
const FORBIDDEN_PROPERTIES = new Set(['behavior', '-moz-binding', '-webkit-binding']);
/** A cheap test that lets most declarations through untouched. */
const MAYBE_RESOURCE = /url|src|image|fade|element|paint|expression|attr|canvas|\\|\/\*/i;

/** Decodes CSS escapes (`\75`, `\000075 `, `\u`) so a probe sees what the tokenizer sees. */
export function unescapeCss(text: string): string {
  return text.replace(/\\(?:([\da-f]{1,6})[ \t\n\r\f]?|\r\n|([\s\S]))/gi, (_, hex: string | undefined, char = '') => {
    if (hex === undefined) return /[\n\r\f]/.test(char) || char === '' ? '' : char;
    const code = parseInt(hex, 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  });
}

/** Lower case, comments removed and escapes decoded: what to look for function names in. */
export function probeCss(text: string): string {
  return unescapeCss(text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')).toLowerCase();
}

function quoteCss(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

interface Token {
  text: string;
  end: number;
}

function readString(value: string, start: number): Token & { content: string } {
  const quote = value[start]!;
  let position = start + 1;
  let content = '';
  while (position < value.length && value[position] !== quote) {
    if (value[position] === '\\') {
      const escape = /^\\(?:[\da-f]{1,6}[ \t\n\r\f]?|[\s\S])/i.exec(value.slice(position, position + 8))![0];
      content += unescapeCss(escape);
      position += escape.length;
    } else content += value[position++];
  }
  return { text: value.slice(start, position + 1), end: position + 1, content };
}

function readUnquotedUrl(value: string, start: number): Token & { content: string } {
  let position = start;
  let raw = '';
  while (position < value.length && value[position] !== ')') raw += value[position++];
  return { text: raw, end: position, content: unescapeCss(raw.trim()) };
}

/**
 * One declaration value with every URL resolved, or `null` to drop the declaration. Works on the CSSOM's own
 * serialization, where every URL is a quoted string inside `url()` or an image function.
 */
export function cleanValue(value: string, policy: UrlPolicy): string | null {
  if (!MAYBE_RESOURCE.test(value)) return value;
  const probe = probeCss(value);
  if (!RESOURCE_FUNCTION.test(probe)) return value;
  if (FORBIDDEN_FUNCTIONS.test(probe)) return null;
  if (probe.includes('var(') || probe.includes('env(')) {
    // What var() resolves to is unknown here; a resource inside it is dropped, not guessed at.
    countDroppedRemote(policy, probe);
    return null;
  }
  const stack: string[] = [];
  let out = '';
  for (let position = 0; position < value.length;) {
    const char = value[position]!;
    const inUrl = URL_FUNCTIONS.has(stack.at(-1) ?? '') || IMAGE_FUNCTIONS.has(stack.at(-1) ?? '');
    if (char === '"' || char === "'") {
      const string = readString(value, position);
      position = string.end;
      if (!inUrl) {
        out += string.text;
        continue;
      }
      const url = resolveResource(string.content, policy);
      if (url === null) return null;
      out += quoteCss(url);
    } else if (char === '(') {
      const name = unescapeCss(/[\w\\-]*$/.exec(out)![0]).toLowerCase();
      stack.push(name);
      out += char;
      position++;
      if (URL_FUNCTIONS.has(name) && !/^\s*['"]/.test(value.slice(position))) {
        const unquoted = readUnquotedUrl(value, position);
        const url = resolveResource(unquoted.content, policy);
        if (url === null) return null;
        out += quoteCss(url);
        position = unquoted.end;
      }
    } else {
      if (char === ')') stack.pop();
      out += char;
      position++;
    }
  }
  return out;
}

/** Splits a CSSOM `cssText` of declarations at top-level semicolons. */
function splitDeclarations(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let position = 0; position < text.length; position++) {
    const char = text[position]!;
    if (char === '"' || char === "'") position = readString(text, position).end - 1;
    else if (char === '\\') position++;
    else if (char === '(' || char === '{' || char === '[') depth++;
    else if (char === ')' || char === '}' || char === ']') depth--;
    else if (char === ';' && depth === 0) {
      parts.push(text.slice(start, position));
      start = position + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** The declarations of a CSSOM `cssText` that may stay, URLs resolved, as `cssText` again. */
export function cleanDeclarationText(text: string, policy: UrlPolicy): string {
  const kept: string[] = [];
  for (const declaration of splitDeclarations(text)) {
    const colon = declaration.indexOf(':');
    if (colon < 1) continue;
    const name = declaration.slice(0, colon).trim();
    const lowerName = name.toLowerCase();
    let value = declaration.slice(colon + 1).trim();
    if (FORBIDDEN_PROPERTIES.has(lowerName)) continue;
    const important = /!\s*important$/i.test(value);
    if (important) value = value.replace(/!\s*important$/i, '').trim();
    if (lowerName === 'position' && /fixed/i.test(value)) continue;
    if (lowerName.startsWith('--') && RESOURCE_FUNCTION.test(probeCss(value))) {
      countDroppedRemote(policy, probeCss(value));
      continue;
    }
    const cleaned = cleanValue(value, policy);
    if (cleaned !== null) kept.push(`${name}: ${cleaned}${important ? ' !important' : ''}`);
  }
  return kept.join('; ');
}

let scratch: HTMLElement | undefined;

/** An element of an inert document: declarations parsed on it are never applied, so nothing is fetched. */
function scratchElement(): HTMLElement {
  scratch ??= document.implementation.createHTMLDocument('').createElement('div');
  return scratch;
}

/**
 * Text that cannot fetch, run or overlay anything: no resource function can be written without these letters, and
 * no escape or comment without `\\` or `/*`. Most style attributes of real mail pass this test and are kept as
 * written, which saves parsing them (a 500 KB newsletter has thousands).
 */
const INERT_STYLE = /^[^\\/<]*$/;
const NOT_INERT = /url|src|image|fade|element|paint|expression|attr|canvas|fixed|behavior|binding|var\(|env\(/i;

export function isInertStyle(value: string): boolean {
  return INERT_STYLE.test(value) && !NOT_INERT.test(value);
}

/** A `style` attribute made safe, or `''` when nothing is left of it. */
export function cleanStyleAttribute(value: string, policy: UrlPolicy): string {
  if (isInertStyle(value)) return value;
  const element = scratchElement();
  element.setAttribute('style', value);
  const parsed = element.style.cssText;
  element.removeAttribute('style');
  return escapeMarkup(cleanDeclarationText(parsed, policy));
}

/**
 * `<` never reaches the output: inside a <style> it could close the element when the document is parsed again.
 * `\3c ` is the same character to CSS, in strings, URLs and identifiers alike.
 */
function escapeMarkup(css: string): string {
  return css.replace(/</g, '\\3c ');
}

function block(prelude: string, body: string): string {
  return body.trim() ? `${prelude} { ${body} }` : '';
}

function cleanRule(rule: CSSRule, policy: UrlPolicy): string {
  if (rule instanceof CSSStyleRule) {
    const nested = rule.cssRules?.length ? cleanRules(rule.cssRules, policy) : '';
    return block(rule.selectorText, [cleanDeclarationText(rule.style.cssText, policy), nested].join(' ').trim());
  }
  if (typeof CSSNestedDeclarations !== 'undefined' && rule instanceof CSSNestedDeclarations) {
    return cleanDeclarationText(rule.style.cssText, policy);
  }
  if (rule instanceof CSSMediaRule) return block(`@media ${rule.media.mediaText}`, cleanRules(rule.cssRules, policy));
  if (rule instanceof CSSSupportsRule)
    return block(`@supports ${rule.conditionText}`, cleanRules(rule.cssRules, policy));
  if (rule instanceof CSSLayerBlockRule) return block(`@layer ${rule.name}`, cleanRules(rule.cssRules, policy));
  if (rule instanceof CSSLayerStatementRule) return `@layer ${rule.nameList.join(', ')};`;
  if (rule instanceof CSSKeyframesRule) {
    const frames = [...rule.cssRules]
      .map((frame) => frame as CSSKeyframeRule)
      .map((frame) => block(frame.keyText, cleanDeclarationText(frame.style.cssText, policy)));
    return `@keyframes ${CSS.escape(rule.name)} { ${frames.join(' ')} }`;
  }
  if (rule instanceof CSSPageRule)
    return block(`@page ${rule.selectorText}`, cleanDeclarationText(rule.style.cssText, policy));
  // @font-face, @property, @counter-style, @namespace and the rest: dropped. A web font is a remote request.
  if (rule instanceof CSSFontFaceRule) countDroppedRemote(policy, rule.style.getPropertyValue('src'));
  return '';
}

function cleanRules(rules: Iterable<CSSRule>, policy: UrlPolicy): string {
  let out = '';
  for (const rule of rules) {
    const text = cleanRule(rule, policy);
    if (text) out += `${text}\n`;
  }
  return out;
}

/**
 * A rule put before the mail's CSS. @import is valid only before every other rule, so the parser drops each one as
 * misplaced without a word; at the start, a constructed sheet would ignore it too, but warn in the console.
 */
const IMPORT_GUARD = ':not(*) {}';

/**
 * A <style> block made safe: parsed by a constructed (never applied) style sheet, rules kept or dropped one by one.
 * Its @import rules never reach the sheet (see `IMPORT_GUARD`); each is still counted so the reader is told.
 */
export function cleanStyleSheet(text: string, policy: UrlPolicy): string {
  const probe = probeCss(text);
  for (const match of probe.matchAll(/@import([^;]*)/g)) countDroppedRemote(policy, match[1] ?? '//');
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(`${IMPORT_GUARD}\n${text}`);
  } catch {
    return '';
  }
  return escapeMarkup(cleanRules([...sheet.cssRules].slice(1), policy));
}
