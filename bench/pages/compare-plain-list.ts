// compare.plain-list.first-rows.100k and compare.plain-list.dom-rows.100k: the side-by-side counterpart of list.ts, a
// plain Lit element rendering every one of the same 100,000 messages (no virtualization) with the rows' content shape
// of <mail-message-list> (check, sender, date, subject, marks with their icons, snippet; one cached date format, which
// favours it). Timed from handing it the messages to the first frame after its rows exist, and its rows counted.
// The runner divides these by list.first-rows.100k and list.dom-rows.100k measured in the same run.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { MessageSummary } from '../../src/core/index.js';
import { icon, linkIcon, paperclipIcon, replyIcon, starIcon } from '../../src/elements/base/icons.js';
import { MemoryMailBackend } from '../../src/mock/index.js';
import { collectGarbage, expose, frame, percentile, round } from '../kit.js';

const MESSAGES = 100_000;
const RUNS = 3;

const dates = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });

/** The plain list: one row element per message, all in the DOM. */
class PlainMessageList extends LitElement {
  static override properties = { messages: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
      overflow: auto;
      font:
        14px system-ui,
        sans-serif;
    }
    [role='option'] {
      display: grid;
      grid-template-columns: 20px 1fr auto;
      gap: 2px 8px;
      height: 68px;
      padding: 8px 12px;
      box-sizing: border-box;
      border-bottom: 1px solid #e5e7eb;
    }
    [part='subject'],
    [part='snippet'] {
      grid-column: 2 / 4;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
  `;

  messages: MessageSummary[] = [];

  protected override render(): TemplateResult {
    return html`<div role="listbox" aria-label="Messages">
      ${this.messages.map((message, index) => this.renderRow(message, index))}
    </div>`;
  }

  private renderRow(message: MessageSummary, index: number): TemplateResult {
    const marks = [
      message.flags.flagged && icon(starIcon, 14),
      message.hasAttachments && icon(paperclipIcon, 14),
      message.flags.answered && icon(replyIcon, 14),
      message.linked && icon(linkIcon, 14),
    ];
    return html`<div
      role="option"
      data-id=${message.id}
      data-index=${index}
      aria-selected="false"
      aria-posinset=${index + 1}
      aria-setsize=${this.messages.length}
    >
      <span part="check" aria-hidden="true"></span>
      <span part="sender">${message.from?.name || message.from?.address}</span>
      <span part="date"><time datetime=${message.date}>${dates.format(new Date(message.date))}</time></span>
      <span part="subject">${message.subject}</span>
      <span part="marks">${marks.map((mark) => (mark ? html`<span part="mark">${mark}</span>` : nothing))}</span>
      <span part="snippet">${message.snippet}</span>
    </div>`;
  }
}
customElements.define('plain-message-list', PlainMessageList);

async function allMessages(backend: MemoryMailBackend): Promise<MessageSummary[]> {
  const inbox = (await backend.listFolders()).items.find((folder) => folder.role === 'inbox')!;
  const messages: MessageSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await backend.listMessages({ folderId: inbox.id, limit: 200, ...(cursor ? { cursor } : {}) });
    messages.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return messages;
}

expose(async () => {
  const messages = (await allMessages(new MemoryMailBackend({ seed: 'bench', messages: MESSAGES }))).slice(0, MESSAGES);
  if (messages.length < MESSAGES) throw new Error(`only ${messages.length} messages`);
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    await collectGarbage();
    const list = document.createElement('plain-message-list') as PlainMessageList;
    list.style.cssText = 'height:800px;width:700px';
    document.body.append(list);
    await frame();
    const start = performance.now();
    list.messages = messages;
    await list.updateComplete;
    await frame();
    times.push(performance.now() - start);
    rows = list.shadowRoot!.querySelectorAll('[role="option"]').length;
    list.remove();
  }
  return {
    'compare.plain-list.first-rows.100k': { value: round(percentile(times, 0.5), 1), unit: 'ms' },
    'compare.plain-list.dom-rows.100k': { value: rows, unit: 'count' },
  };
});
