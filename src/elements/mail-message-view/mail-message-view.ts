import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { Task } from '@lit/task';
import type { Address, Attachment, MailBackend, Message, RemoteContentPolicy } from '../../core/index.js';
import { MailError } from '../../core/mail-error.js';
import { displayName, isSenderTrusted } from '../../core/text.js';
import type * as Renderer from '../../render/document.js';
import type { RenderedMail } from '../../render/document.js';
import { CLIP_AT, FRAME_SANDBOX } from '../../render/frame-policy.js';
import { fitFrameHeight } from '../../render/frame.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError, renderPartState } from '../base/error-view.js';
import { LazyModule } from '../base/lazy-module.js';
import { isolate, isolateEach } from '../../i18n/bidi.js';
import { messageViewStyles } from './mail-message-view.styles.js';
import type * as Save from './save.js';
import type * as Extras from './extras.js';
import type { RecordLinkEventDetail } from '../mail-object-mails/mail-object-mails.js';
import {
  fileIcon,
  fileKind,
  forwardIcon,
  icon,
  linkIcon,
  printIcon,
  replyAllIcon,
  replyIcon,
  sourceIcon,
  type FileKind,
  type IconDefinition,
} from '../base/icons.js';
import '../../i18n/strings/message-view.js';

/** Detail of `mail-reply`. */
export interface ReplyEventDetail {
  message: Message;
  mode: 'reply' | 'reply-all' | 'forward';
}

/** Detail of `mail-link-request`, `mail-print`, `mail-view-source` and `mail-message-load`. */
export interface MessageViewEventDetail {
  message: Message;
}

/** Detail of `mail-remote-content`. */
export interface RemoteContentEventDetail {
  message: Message;
  /** `once` for this message now, `always` for its sender, `revoked` when the sender is no longer trusted. */
  scope: 'once' | 'always' | 'revoked';
  sender: string;
}

interface Loaded {
  message: Message;
  /** Content-ID to the blob: URL of the inline part; revoked when the message changes or the element leaves. */
  cidUrls: Map<string, string>;
  policy: RemoteContentPolicy;
  /** The renderer (sanitizer included), loaded with the first message. */
  render: typeof Renderer.renderMessage;
}

const EMPTY_POLICY: RemoteContentPolicy = { allowedSenders: [] };
/** What `fileKind` says of a file it knows nothing about. */
const UNKNOWN_KIND = fileKind({ contentType: '', filename: '' });

/**
 * @tagname mail-message-view
 * @summary One message: headers, its body shown safely in a sandboxed frame, attachments, the remote-content bar and
 * the reply, reply all, forward, print, source and link actions. Give it a `message-id` (fetched from the backend)
 * or a whole `message` object.
 *
 * The body is sanitized (DOMPurify, configured for mail; loaded with the first message, not with the page) and shown
 * in an `<iframe sandbox>` without `allow-scripts`,
 * under a Content-Security-Policy that loads no remote content until the reader allows it, once or always for the
 * sender. `cid:` images come from the message's own parts. A very large mail is clipped, as Gmail does: its first
 * part (about 100 KB) is shown at once, and the rest only when the reader asks for it.
 *
 * @event mail-message-load - The message is shown. `detail.message` is the message.
 * @event mail-reply - Reply, reply all or forward was chosen. `detail.mode` says which.
 * @event mail-link-request - "Link to record" was chosen; the host opens its record picker.
 * @event mail-print - Print was chosen. Cancel it to print your own way; otherwise the body is printed.
 * @event mail-view-source - Source was chosen. Cancel it to show the source your own way; otherwise the `.eml` is downloaded.
 * @event mail-remote-content - Remote content was allowed (`once`, `always`) or no longer allowed (`revoked`).
 * @event mail-unlinked - The message was unlinked from a record with its "Unlink" button. `detail.ids`, `detail.record`.
 * @event mail-error - Loading, a download, a remote-content change, or listing or removing its links failed.
 *
 * @csspart message - The whole message (an `article`).
 * @csspart header - The header: subject, sender, recipients, date, details and actions.
 * @csspart subject - The subject.
 * @csspart from - The sender.
 * @csspart recipients - The To and Cc lines.
 * @csspart date - The date.
 * @csspart details-button - The button that shows or hides the details.
 * @csspart details - The details: every address, reply-to and the full date.
 * @csspart linked - The "Linked to" line: the records the message is linked to (shown when it is linked to any).
 * @csspart unlink-button - The "Unlink" button of each of those records.
 * @csspart status - The visually hidden live region that announces an unlinking.
 * @csspart actions - The action toolbar.
 * @csspart action - Each action button (also `reply`, `reply-all`, `forward`, `print`, `source`, `link`).
 * @csspart remote-bar - The bar that says remote content was blocked, or that it is allowed for the sender.
 * @csspart remote-button - The buttons of the remote-content bar.
 * @csspart body - The frame the body is shown in.
 * @csspart clip-bar - Below a large mail of which only the first part is shown: says so, with a way to show it all.
 * @csspart clip-button - The "Show the entire message" button of the clip bar.
 * @csspart attachments - The attachment list.
 * @csspart attachment - One attachment.
 * @csspart attachment-icon - The icon of its type.
 * @csspart attachment-name - Its file name.
 * @csspart attachment-size - Its size.
 * @csspart empty - Shown when there is no message to show.
 * @csspart loading - The loading state.
 * @csspart error - The error message region.
 * @csspart error-message - The text of the error region.
 * @csspart retry-button - The error's retry button.
 */
export class MailMessageView extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, messageViewStyles];

  /** The id of the message to fetch from the backend. Ignored while `message` is set. */
  @property({ attribute: 'message-id' })
  messageId = '';

  /** A whole message to show without fetching it. Inline images and attachments still come from the backend. */
  @property({ attribute: false })
  message: Message | undefined = undefined;

  /** Hides the action toolbar. */
  @property({ type: Boolean, attribute: 'no-actions' })
  noActions = false;

  @state() private detailsOpen = false;
  /** The message whose remote content the reader allowed this once. */
  @state() private allowedOnce = '';
  /** The message the reader asked to see whole, though it is large. */
  @state() private unclipped = '';
  @state() private policy: RemoteContentPolicy | undefined = undefined;
  @state() private revision = 0;
  @state() private darkHost = false;

  private ownedUrls: string[] = [];
  private stopFitting: (() => void) | undefined;
  private rendered: { key: string; value: RenderedMail; allowRemote: boolean } | undefined;
  private renderedFor: Loaded | undefined;
  private announced: Loaded | undefined;
  private fittedFrame: HTMLIFrameElement | undefined;
  private reloadOnConnect = false;
  private readonly colorScheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  /** The renderer and DOMPurify: a chunk of their own, fetched along with the first message. */
  private readonly renderer = new LazyModule<typeof Renderer>(this, () => import('../../render/document.js'));
  /** Downloading and printing, loaded on first use. */
  private readonly save = new LazyModule<typeof Save>(this, () => import('./save.js'));
  /** The details and the "Linked to" line, in a chunk of their own: loaded when first shown. */
  private readonly extras = new LazyModule<typeof Extras>(this, () => import('./extras.js'), {
    onError: (error) => void this.reportError(error, 'loadExtras'),
  });
  private linkLine: Extras.LinkLine | undefined;

  private readonly load = new Task(this, {
    task: async ([backend, messageId, given], { signal }): Promise<Loaded | undefined> => {
      this.revokeUrls();
      if (!given && !messageId) return undefined;
      const [fetched, render] = await Promise.all([
        this.fetchMessage(backend, messageId, given, signal),
        this.loadRenderer(),
      ]);
      return { ...fetched, render };
    },
    args: () => [this.activeBackend, this.messageId, this.message, this.revision] as const,
  });

  /** Fetches the message again. */
  refresh(): void {
    this.revision++;
  }

  /** Lists again the records the message is linked to (after it was linked elsewhere); resolves once listed. */
  async refreshLinks(): Promise<void> {
    const id = this.load.value?.message.id;
    if (!id) return;
    const module = await this.extras.retry();
    this.linkLine ??=
      module && new module.LinkLine(this, this.localize, (error, operation) => this.reportError(error, operation));
    await this.linkLine?.list(id);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.colorScheme?.addEventListener('change', this.onSchemeChange);
    if (this.reloadOnConnect) {
      // The inline images' URLs were revoked on disconnect: make new ones.
      this.reloadOnConnect = false;
      this.revision++;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.colorScheme?.removeEventListener('change', this.onSchemeChange);
    this.stopFitting?.();
    this.stopFitting = undefined;
    this.fittedFrame = undefined;
    this.revokeUrls();
    this.reloadOnConnect = true;
  }

  private readonly onSchemeChange = () => this.updateScheme();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Known before the first render: rendering in the wrong scheme first would sanitize a text mail twice.
    if (!this.hasUpdated) this.updateScheme();
    if (changed.has('messageId') || changed.has('message')) {
      this.detailsOpen = false;
      this.allowedOnce = '';
      this.unclipped = '';
      this.policy = undefined;
      this.linkLine?.clear();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const loaded = this.load.value;
    if (loaded && loaded !== this.announced) {
      this.announced = loaded;
      if (loaded.message.linked) void this.refreshLinks();
      this.emit('mail-message-load', { message: loaded.message });
    }
  }

  private async fetchMessage(
    backend: MailBackend | undefined,
    messageId: string,
    given: Message | undefined,
    signal: AbortSignal,
  ): Promise<Omit<Loaded, 'render'>> {
    try {
      if (!backend && !given) throw new MailError('unsupported', this.localize.term('error.no-backend'));
      const message = given ?? (await backend!.getMessage({ id: messageId }, { signal }));
      const [cidUrls, policy] = await Promise.all([
        this.inlineUrls(backend, message, signal),
        this.remotePolicy(backend, signal),
      ]);
      if (signal.aborted) {
        for (const url of cidUrls.values()) URL.revokeObjectURL(url);
        throw new MailError('aborted', 'The request was cancelled.');
      }
      return { message, cidUrls, policy };
    } catch (error) {
      throw this.reportError(error, 'getMessage');
    }
  }

  /** The renderer, loading it on first use, or again after a failure (the error view's retry comes here). */
  private async loadRenderer(): Promise<typeof Renderer.renderMessage> {
    const renderer = await this.renderer.retry();
    if (!renderer) throw this.reportError(this.renderer.error, 'loadRenderer');
    return renderer.renderMessage;
  }

  /** The host's used colour scheme decides how plain-text mail is shown; HTML mail always stays on paper. */
  private updateScheme(): void {
    const scheme = getComputedStyle(this).colorScheme;
    const dark = /\bdark\b/.test(scheme) && (!/\blight\b/.test(scheme) || Boolean(this.colorScheme?.matches));
    if (dark !== this.darkHost) this.darkHost = dark;
  }

  private async inlineUrls(
    backend: MailBackend | undefined,
    message: Message,
    signal: AbortSignal,
  ): Promise<Map<string, string>> {
    const urls = new Map<string, string>();
    if (!backend || !message.html) return urls;
    const inline = message.attachments.filter((part) => part.contentId && message.html!.includes(part.contentId));
    await Promise.all(
      inline.map(async (part) => {
        try {
          const blob = await backend.getAttachment({ id: message.id, attachmentId: part.id }, { signal });
          // Only images become URLs: a cid: reference must never bring in a document.
          if (!blob.type.startsWith('image/') && !part.contentType.startsWith('image/')) return;
          const url = URL.createObjectURL(blob);
          this.ownedUrls.push(url);
          urls.set(part.contentId!, url);
        } catch (error) {
          this.reportError(error, 'getAttachment');
        }
      }),
    );
    return urls;
  }

  private async remotePolicy(backend: MailBackend | undefined, signal: AbortSignal): Promise<RemoteContentPolicy> {
    if (!backend) return EMPTY_POLICY;
    try {
      return await backend.getRemoteContentPolicy({}, { signal });
    } catch (error) {
      // Without the policy nothing is trusted: remote content stays blocked, which is the safe side.
      const mailError = MailError.from(error);
      if (mailError.code !== 'unsupported') this.reportError(mailError, 'getRemoteContentPolicy');
      return EMPTY_POLICY;
    }
  }

  private revokeUrls(): void {
    for (const url of this.ownedUrls) URL.revokeObjectURL(url);
    this.ownedUrls = [];
  }

  protected override render() {
    return this.load.render({
      initial: () => this.renderEmpty(),
      pending: () => this.renderLoading(),
      complete: (loaded) => (loaded ? this.renderLoaded(loaded) : this.renderEmpty()),
      error: (error) => renderError(this.localize, MailError.from(error), () => this.refresh()),
    });
  }

  private renderEmpty(): TemplateResult {
    return html`<div part="empty">${this.localize.term('message.empty')}</div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div part="loading" role="status" aria-busy="true">
      <span class="visually-hidden">${this.localize.term('state.loading')}</span>
      <div class="skeleton" style="width:60%"></div>
      <div class="skeleton" style="width:35%"></div>
      <div class="skeleton tall"></div>
    </div>`;
  }

  private senderKey(message: Message): string {
    return message.from?.address.toLowerCase() ?? '';
  }

  private trusted(loaded: Loaded): boolean {
    return isSenderTrusted(this.policy ?? loaded.policy, loaded.message.from?.address);
  }

  private body(loaded: Loaded): RenderedMail {
    const allowRemote = this.trusted(loaded) || this.allowedOnce === loaded.message.id;
    // HTML mail stays on light paper in any scheme: a change of scheme re-renders only plain text.
    const theme = this.darkHost && !loaded.message.html?.trim() ? 'dark' : 'light';
    const whole = this.unclipped === loaded.message.id;
    const key = `${allowRemote}|${theme}|${this.localize.lang}|${whole}`;
    if (this.rendered?.key === key && this.renderedFor === loaded) return this.rendered.value;
    const value = this.renderBody(loaded, { allowRemote, whole });
    this.rendered = { key, value, allowRemote };
    this.renderedFor = loaded;
    return value;
  }

  private renderBody(loaded: Loaded, { allowRemote, whole }: { allowRemote: boolean; whole: boolean }): RenderedMail {
    return loaded.render(loaded.message, {
      allowRemote,
      cidUrls: loaded.cidUrls,
      theme: this.darkHost ? 'dark' : 'light',
      lang: this.localize.lang,
      strings: { quoted: (lines) => this.localize.term('message.quoted', lines) },
      clipAt: whole ? 0 : CLIP_AT,
    });
  }

  private renderLoaded(loaded: Loaded): TemplateResult {
    const rendered = this.body(loaded);
    return html`<article part="message" aria-label=${this.localize.term('message.label')}>
      ${this.renderHeader(loaded.message)} ${this.renderRemoteBar(loaded, rendered)}
      <iframe
        part="body"
        class=${`${rendered.kind}${this.darkHost ? ' dark' : ''}`}
        title=${this.localize.term('message.body')}
        sandbox=${FRAME_SANDBOX}
        referrerpolicy="no-referrer"
        .srcdoc=${rendered.srcdoc}
        ${ref((element) => this.fitFrame(element as HTMLIFrameElement | undefined))}
      ></iframe>
      ${rendered.clipped ? this.renderClipBar(loaded) : nothing} ${this.renderAttachments(loaded.message)}
    </article>`;
  }

  private fitFrame(frame: HTMLIFrameElement | undefined): void {
    if (frame === this.fittedFrame) return;
    this.stopFitting?.();
    this.fittedFrame = frame;
    this.stopFitting = frame ? fitFrameHeight(frame) : undefined;
  }

  private renderHeader(message: Message): TemplateResult {
    const from = message.from;
    const recipients: [string, Address[]][] = [
      [this.localize.term('message.to'), message.to],
      [this.localize.term('message.cc'), message.cc],
    ];
    return html`<header part="header">
      <h2 part="subject" dir="auto">${message.subject || this.localize.term('messages.no-subject')}</h2>
      <div class="meta">
        <div part="from">
          <span class="label visually-hidden">${this.localize.term('message.from')}</span>
          <strong dir="auto">${from ? displayName(from) : this.localize.term('messages.unknown-sender')}</strong>
          ${from?.name ? html`<bdi class="address">&lt;${from.address}&gt;</bdi>` : nothing}
        </div>
        <time part="date" dir="auto" datetime=${message.date}>${this.localize.dateTime(message.date)}</time>
      </div>
      <div part="recipients">
        ${recipients
          .filter(([, list]) => list.length)
          .map(
            ([label, list]) =>
              html`<div>
                <span class="label" dir="auto">${label}:</span>
                ${isolateEach(list.map((address) => displayName(address)))}
              </div>`,
          )}
      </div>
      <button
        class="link-button"
        part="details-button"
        type="button"
        aria-expanded=${this.detailsOpen ? 'true' : 'false'}
        aria-controls="details"
        @click=${this.toggleDetails}
      >
        ${this.localize.term(this.detailsOpen ? 'message.details-hide' : 'message.details-show')}
      </button>
      ${
        this.detailsOpen
          ? (this.extras.value?.renderDetails(this.localize, message) ?? renderPartState(this.localize, this.extras))
          : nothing
      }
      ${this.linkLine?.render()} ${this.noActions ? nothing : this.renderActions(message)}
    </header>`;
  }

  private readonly toggleDetails = (): void => {
    this.detailsOpen = !this.detailsOpen;
    void this.extras.retry();
  };

  private renderActions(message: Message): TemplateResult {
    const actions: ['reply' | 'reply-all' | 'forward' | 'print' | 'source' | 'link', IconDefinition, () => void][] = [
      ['reply', replyIcon, () => this.emit('mail-reply', { message, mode: 'reply' })],
      ['reply-all', replyAllIcon, () => this.emit('mail-reply', { message, mode: 'reply-all' })],
      ['forward', forwardIcon, () => this.emit('mail-reply', { message, mode: 'forward' })],
      ['print', printIcon, () => void this.print(message)],
      ['source', sourceIcon, () => void this.viewSource(message)],
      ['link', linkIcon, () => this.emit('mail-link-request', { message })],
    ];
    return html`<div part="actions" role="toolbar" aria-label=${this.localize.term('message.actions')}>
      ${actions.map(
        ([name, glyph, run]) =>
          html`<button class="button" part="action ${name}" type="button" data-action=${name} @click=${run}>
            ${icon(glyph)} ${this.localize.term(`message.${name}`)}
          </button>`,
      )}
    </div>`;
  }

  private renderRemoteBar(loaded: Loaded, rendered: RenderedMail): TemplateResult | typeof nothing {
    const sender = this.senderKey(loaded.message);
    if (this.trusted(loaded) && rendered.remote > 0) {
      return html`<div part="remote-bar" class="trusted" role="status">
        <span>${isolate(this.localize.term('message.remote-allowed', sender), sender)}</span>
        <button
          class="button"
          part="remote-button"
          type="button"
          data-remote="revoke"
          @click=${() => this.revoke(loaded)}
        >
          ${this.localize.term('message.remote-revoke')}
        </button>
      </div>`;
    }
    if (!rendered.blocked) return nothing;
    return html`<div part="remote-bar" role="status">
      <span>${isolate(this.localize.term('message.remote-blocked', rendered.blocked), String(rendered.blocked))}</span>
      <button
        class="button"
        part="remote-button"
        type="button"
        data-remote="once"
        @click=${() => this.allowOnce(loaded)}
      >
        ${this.localize.term('message.remote-allow-once')}
      </button>
      ${
        sender
          ? html`<button
              class="button"
              part="remote-button"
              type="button"
              data-remote="always"
              @click=${() => this.allowAlways(loaded)}
            >
              ${isolate(this.localize.term('message.remote-allow-always', sender), sender)}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderClipBar(loaded: Loaded): TemplateResult {
    return html`<div part="clip-bar">
      <span>${this.renderClipText(loaded.message.size)}</span>
      <button class="button" part="clip-button" type="button" @click=${() => void this.showWhole(loaded)}>
        ${this.localize.term('message.show-whole')}
      </button>
    </div>`;
  }

  private renderClipText(size: number): TemplateResult {
    const shown = this.localize.bytes(size);
    return isolate(this.localize.term('message.clipped', shown), shown);
  }

  /**
   * Renders the rest of a clipped mail. The button goes away with the clip, so focus moves to the mail itself,
   * without scrolling: the reader stays where the first part ended, which is where the rest goes on.
   */
  private async showWhole(loaded: Loaded): Promise<void> {
    this.unclipped = loaded.message.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLIFrameElement>('iframe[part="body"]')?.focus({ preventScroll: true });
  }

  private renderAttachments(message: Message): TemplateResult | typeof nothing {
    const files = message.attachments.filter((attachment) => !attachment.inline);
    if (!files.length) return nothing;
    return html`<section class="attachments" aria-label=${this.localize.term('message.attachments', files.length)}>
      <h3 class="attachments-title">
        ${isolate(this.localize.term('message.attachments', files.length), String(files.length))}
      </h3>
      <ul part="attachments">
        ${files.map(
          (attachment) =>
            html`<li part="attachment">
              <button
                type="button"
                class="attachment-button"
                data-attachment=${attachment.id}
                title=${this.localize.term('message.download', attachment.filename || attachment.id)}
                @click=${() => this.download(message, attachment)}
              >
                <span part="attachment-icon" data-kind=${this.attachmentKind(attachment).label}
                  >${fileIcon(this.attachmentKind(attachment))}</span
                >
                <span part="attachment-name" dir="auto">${attachment.filename || attachment.id}</span>
                <span part="attachment-size" dir="auto">${this.localize.bytes(attachment.size)}</span>
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  /** The kind on an attachment's icon; a file of no known kind shows its own extension, or a word for "file". */
  private attachmentKind(attachment: Attachment): FileKind {
    const kind = fileKind(attachment);
    if (kind.label !== UNKNOWN_KIND.label) return kind;
    const extension = /\.([a-z0-9]{1,4})$/i.exec(attachment.filename)?.[1];
    return { ...kind, label: extension?.toUpperCase() ?? this.localize.term('message.file-kind') };
  }

  private allowOnce(loaded: Loaded): void {
    this.allowedOnce = loaded.message.id;
    this.emit('mail-remote-content', {
      message: loaded.message,
      scope: 'once',
      sender: this.senderKey(loaded.message),
    });
  }

  private async allowAlways(loaded: Loaded): Promise<void> {
    const sender = this.senderKey(loaded.message);
    if (!this.activeBackend || !sender) return;
    try {
      this.policy = await this.activeBackend.allowRemoteContent({ sender });
      this.emit('mail-remote-content', { message: loaded.message, scope: 'always', sender });
    } catch (error) {
      this.reportError(error, 'allowRemoteContent');
    }
  }

  private async revoke(loaded: Loaded): Promise<void> {
    const sender = this.senderKey(loaded.message);
    if (!this.activeBackend || !sender) return;
    try {
      const policy = this.policy ?? loaded.policy;
      // The sender may be trusted through its domain: revoke whichever entry trusts it.
      const domain = sender.slice(sender.lastIndexOf('@'));
      let next = policy;
      for (const entry of [sender, domain]) {
        if (next.allowedSenders.includes(entry)) next = await this.activeBackend.revokeRemoteContent({ sender: entry });
      }
      this.policy = next;
      this.allowedOnce = '';
      this.emit('mail-remote-content', { message: loaded.message, scope: 'revoked', sender });
    } catch (error) {
      this.reportError(error, 'revokeRemoteContent');
    }
  }

  /** The saving and printing helpers, loading them on first use (again after a failure, which is reported). */
  private async saveModule(operation: string): Promise<typeof Save | undefined> {
    const module = await this.save.retry();
    if (!module) this.reportError(this.save.error, operation);
    return module;
  }

  private async download(message: Message, attachment: Attachment): Promise<void> {
    if (!this.activeBackend) return;
    try {
      const [blob, save] = await Promise.all([
        this.activeBackend.getAttachment({ id: message.id, attachmentId: attachment.id }),
        this.saveModule('getAttachment'),
      ]);
      save?.saveBlob(blob, save.downloadName(attachment.filename, 'attachment'));
    } catch (error) {
      this.reportError(error, 'getAttachment');
    }
  }

  private async viewSource(message: Message): Promise<void> {
    if (!this.emit('mail-view-source', { message }, { cancelable: true }) || !this.activeBackend) return;
    try {
      const [raw, save] = await Promise.all([
        this.activeBackend.getRawMessage({ id: message.id }),
        this.saveModule('getRawMessage'),
      ]);
      save?.saveBlob(
        new Blob([raw], { type: 'message/rfc822' }),
        save.downloadName(`${message.subject || message.id}.eml`, 'message.eml'),
      );
    } catch (error) {
      this.reportError(error, 'getRawMessage');
    }
  }

  private async print(message: Message): Promise<void> {
    if (!this.emit('mail-print', { message }, { cancelable: true }) || !this.rendered) return;
    // A clipped mail is printed whole: paper has no "show the rest".
    const shown = this.rendered.value;
    const loaded = this.renderedFor;
    const srcdoc =
      shown.clipped && loaded
        ? this.renderBody(loaded, { allowRemote: this.rendered.allowRemote, whole: true }).srcdoc
        : shown.srcdoc;
    const save = await this.saveModule('print');
    save?.printDocument(this.renderRoot, srcdoc);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-message-load': CustomEvent<MessageViewEventDetail>;
    'mail-reply': CustomEvent<ReplyEventDetail>;
    'mail-link-request': CustomEvent<MessageViewEventDetail>;
    'mail-print': CustomEvent<MessageViewEventDetail>;
    'mail-view-source': CustomEvent<MessageViewEventDetail>;
    'mail-remote-content': CustomEvent<RemoteContentEventDetail>;
    'mail-unlinked': CustomEvent<RecordLinkEventDetail>;
  }
}
