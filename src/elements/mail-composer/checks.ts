/** Checks made before a message is sent: pure functions over what the user wrote. */

/** Words that announce an attachment, in English and Spanish (and the usual Portuguese/Italian/French stems). */
const ATTACHMENT_WORDS =
  /(?<!\p{L})(?:attach(?:ed|ing|ment|ments|es)?|enclos(?:ed|ure|ing)|adjunt(?:o|a|os|as|ar|amos|ado|ada|ados|adas|e|é|ando)|anex(?:o|os|a|as|ado)|allegat[oi]|ci-joint|pi[eè]ces? jointes?)(?!\p{L})/iu;

/** The part of a body the user wrote: no quoted lines, nothing after a forwarded or quoted original's header. */
export function ownText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((line) =>
    /^-{5,}\s*(forwarded message|mensaje reenviado|original message|mensaje original)/i.test(line.trim()),
  );
  const own = cut === -1 ? lines : lines.slice(0, cut);
  const attribution = own.findIndex((line, index) => /:\s*$/.test(line) && own[index + 1]?.startsWith('>'));
  return (attribution === -1 ? own : own.slice(0, attribution)).filter((line) => !line.startsWith('>')).join('\n');
}

/** True when the subject or the user's own text mentions an attachment. */
export function mentionsAttachment(subject: string, text: string): boolean {
  return ATTACHMENT_WORDS.test(subject) || ATTACHMENT_WORDS.test(ownText(text));
}

/** CR, LF or NUL: never in a header. */
export function hasLineBreak(value: string): boolean {
  return /[\r\n\0]/.test(value);
}

/** The same text on one line, for a draft saved to the server while the field still shows the error. */
export function foldLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\0/g, '');
}
