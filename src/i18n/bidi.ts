/**
 * Direction isolation for localized sentences that carry values (counts, dates, sizes, addresses, names).
 *
 * In a right-to-left page a left-to-right run takes its neighbours' direction: "20 nov 2026" shows as "nov 2026 20",
 * "9,2 kB" as "kB 9,2" and the `>` of "<ana@example.com>" turns into `<`. Isolating each value keeps its own order,
 * and isolating the whole sentence lets it take the direction of its own language (`dir="auto"` looks past the
 * isolated values to the first word).
 */
import { html, type TemplateResult } from 'lit';

/**
 * The parts of `sentence`, with the first occurrence of each of `values` in a `<bdi>` of its own, for an element with
 * `dir="auto"` (which looks past them to the sentence's first word). Values not found in the sentence are ignored, so
 * a translation may leave one out or move it anywhere.
 */
export function isolateValues(sentence: string, ...values: string[]): (string | TemplateResult)[] {
  const found: { at: number; value: string }[] = [];
  const taken = (at: number, length: number) =>
    found.some((other) => at < other.at + other.value.length && other.at < at + length);
  // The longest first, so that "1" is not taken out of "12" when both are there.
  for (const value of values.filter(Boolean).sort((a, b) => b.length - a.length)) {
    let at = sentence.indexOf(value);
    while (at >= 0 && taken(at, value.length)) at = sentence.indexOf(value, at + 1);
    if (at >= 0) found.push({ at, value });
  }
  const parts: (string | TemplateResult)[] = [];
  let cursor = 0;
  for (const { at, value } of found.sort((a, b) => a.at - b.at)) {
    parts.push(sentence.slice(cursor, at), html`<bdi>${value}</bdi>`);
    cursor = at + value.length;
  }
  parts.push(sentence.slice(cursor));
  return parts;
}

/** `sentence` in a `<bdi>` of its own, its `values` isolated too (see `isolateValues`), to place in any element. */
export function isolate(sentence: string, ...values: string[]): TemplateResult {
  return html`<bdi>${isolateValues(sentence, ...values)}</bdi>`;
}

/** A list of names or addresses, each isolated, joined by `separator`. */
export function isolateEach(items: readonly string[], separator = ', '): TemplateResult[] {
  return items.map((item, index) => html`${index ? separator : ''}<bdi>${item}</bdi>`);
}
