/**
 * A Server-Sent Events parser (the WHATWG "event stream interpretation", reduced to what we need): it takes text
 * in chunks of any size and calls `onData` with the joined `data:` lines of each default (`message`) event.
 */

/** A line longer than this is not an event of ours: the stream is broken or hostile. */
const MAX_LINE_CHARS = 1024 * 1024;

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';

  constructor(private readonly onData: (data: string) => void) {}

  /** Feeds decoded text; throws when a line grows past the limit. */
  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end === -1) break;
      // A CR at the very end may be the first half of CRLF: wait for the next chunk to tell.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, end);
      const width = this.buffer.startsWith('\r\n', end) ? 2 : 1;
      this.buffer = this.buffer.slice(end + width);
      this.line(line);
    }
    if (this.buffer.length > MAX_LINE_CHARS) throw new RangeError('An event stream line is too long.');
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return; // a comment: heartbeats
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
  }

  private dispatch(): void {
    const data = this.data;
    const event = this.event;
    this.data = [];
    this.event = '';
    if (data.length && (event === '' || event === 'message')) this.onData(data.join('\n'));
  }
}
