/**
 * The parts of the reader shown on request, in a chunk of their own: the details (every address and the full date),
 * and the "Linked to" line with the records a message is linked to, each with an "Unlink" button, and the live region
 * that says an unlinking was done.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Address, MailBackend, Message, MessageLink, RecordRef } from '../../core/index.js';
import { formatAddress } from '../../core/text.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { RecordLinkEventDetail } from '../mail-object-mails/mail-object-mails.js';

type Host = ReactiveControllerHost &
  HTMLElement & { readonly activeBackend: MailBackend | undefined; renderRoot: ParentNode };

/**
 * Every address and the full date, each in an isolate of its own: in a right-to-left page `<a@b.example>` keeps its
 * brackets. (As `isolateEach` does: importing it here would split the shared i18n code into a chunk of its own.)
 */
export function renderDetails(localize: LocalizeController, message: Message): TemplateResult {
  const rows: [string, Address[]][] = [
    [localize.term('message.from'), message.from ? [message.from] : []],
    [localize.term('message.reply-to'), message.replyTo],
    [localize.term('message.to'), message.to],
    [localize.term('message.cc'), message.cc],
    [localize.term('message.bcc'), message.bcc],
  ];
  // The long form, with the weekday and the time zone: the header shows the short one.
  const date = new Date(message.date).toLocaleString(localize.lang, { dateStyle: 'full', timeStyle: 'long' });
  return html`<dl part="details" id="details">
    ${rows
      .filter(([, addresses]) => addresses.length)
      .map(
        ([label, addresses]) =>
          html`<dt>${label}</dt>
            <dd>
              ${addresses.map((address, index) => html`${index ? ', ' : ''}<bdi>${formatAddress(address)}</bdi>`)}
            </dd>`,
      )}
    <dt>${localize.term('message.date')}</dt>
    <dd><time dir="auto" datetime=${message.date}>${date}</time></dd>
  </dl>`;
}

/** The records one message is linked to, listed, shown and unlinked for its `<mail-message-view>`. */
export class LinkLine {
  private records: RecordRef[] = [];
  /** The message they are listed for: a listing for another one that arrives late is dropped. */
  private messageId = '';
  private status = '';

  constructor(
    private readonly host: Host,
    private readonly localize: LocalizeController,
    private readonly report: (error: unknown, operation: string) => void,
  ) {}

  /** Forgets the records: another message is shown. */
  clear(): void {
    this.records = [];
    this.messageId = '';
  }

  /** Lists the records message `id` is linked to, with their titles. */
  async list(id: string): Promise<void> {
    const backend = this.host.activeBackend;
    this.messageId = id;
    if (!backend) return;
    try {
      const { items } = await backend.listMessageLinks({ id });
      const records = await Promise.all(items.map((link) => recordOf(backend, link)));
      if (this.messageId === id) this.records = records;
      this.host.requestUpdate();
    } catch (error) {
      this.report(error, 'listMessageLinks');
    }
  }

  /** Unlinks the message from `record`, says so, emits `mail-unlinked`, and focuses "Link to record", which stays. */
  private async unlink(record: RecordRef): Promise<void> {
    const id = this.messageId;
    try {
      await this.host.activeBackend?.unlinkMessage({ id, objectName: record.objectName, objectId: record.objectId });
      this.records = this.records.filter((each) => each !== record);
      this.status = this.localize.term('message.unlinked', record.title);
      const detail: RecordLinkEventDetail = { ids: [id], record: { ...record } };
      this.host.dispatchEvent(new CustomEvent('mail-unlinked', { detail, bubbles: true, composed: true }));
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[data-action="link"]')?.focus();
    } catch (error) {
      this.report(error, 'unlinkMessage');
    }
  }

  /** "Linked to: Acme Corporation [Unlink]", each title isolated; and the live region, there before it speaks. */
  render(): TemplateResult {
    const { localize } = this;
    return html`${
        this.records.length
          ? html`<div part="linked">
              <style>
                [part='linked'] {
                  display: flex;
                  flex-wrap: wrap;
                  align-items: baseline;
                  gap: 0.25em 0.5em;
                }
              </style>
              <span class="label">${localize.term('message.linked-to')}:</span>
              ${this.records.map(
                // "Unlink", described by the record's title: the buttons tell apart without a sentence per language.
                (record, index) =>
                  html`<bdi id=${`linked-${index}`}>${record.title}</bdi>
                    <button
                      class="link-button"
                      part="unlink-button"
                      type="button"
                      aria-describedby=${`linked-${index}`}
                      @click=${() => void this.unlink(record)}
                    >
                      ${localize.term('message.unlink')}
                    </button>`,
              )}
            </div>`
          : nothing
      }
      <div part="status" class="visually-hidden" role="status">${this.status}</div>`;
  }
}

/** A link's record, found by its id through the record search (what the picker offers); its id when not found. */
async function recordOf(backend: MailBackend, { objectName, objectId }: MessageLink): Promise<RecordRef> {
  const { items } = await backend.searchRecords({ objectName, query: objectId, limit: 50 });
  const found = items.find((record) => record.objectName === objectName && record.objectId === objectId);
  return found ?? { objectName, objectId, title: objectId, email: null };
}
