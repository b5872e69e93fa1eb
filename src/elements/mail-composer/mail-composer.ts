import { html, nothing, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import { Task } from '@lit/task';
import {
  MailError,
  htmlToPlainText,
  type Address,
  type Capabilities,
  type Draft,
  type LinkContext,
  type MailBackend,
  type SavedDraft,
  type SendResult,
  type UploadedAttachment,
} from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import {
  bulletsIcon,
  clearFormatIcon,
  closeIcon,
  icon,
  linkIcon,
  numbersIcon,
  paperclipIcon,
  quoteIcon,
  retryIcon,
  sendIcon,
  textIcon,
  trashIcon,
} from '../base/icons.js';
import type { MailAddressInput } from '../mail-address-input/mail-address-input.js';
import { foldLine, hasLineBreak, mentionsAttachment } from './checks.js';
import { readLocalDraft, removeLocalDraft, writeLocalDraft, type LocalDraft } from './local-drafts.js';
import type * as RichEditorModule from './rich-editor.js';
import type { EditorCommand, RichEditor } from './rich-editor.js';
import { composerStyles } from './mail-composer.styles.js';
import '../../i18n/strings/composer.js';

type EditorModule = typeof RichEditorModule;

/** `new`, or the kind of answer to the message `source-id`. */
export type ComposeModeName = 'new' | 'reply' | 'reply-all' | 'forward';

/** Detail of `mail-before-send` (cancelable) and `mail-sent`. */
export interface ComposerSendDetail {
  draft: Draft;
}
export interface ComposerSentDetail extends ComposerSendDetail {
  result: SendResult;
}
/** Detail of `mail-draft-saved`. */
export interface DraftSavedDetail {
  draft: Draft;
  saved: SavedDraft;
}
/** Detail of `mail-discard` and `mail-compose-close`: the server draft's id, if it had one. */
export interface ComposerCloseDetail {
  draftId?: string;
}
/** Detail of `mail-authorize-request`: the account must be authorized again before `operation` can work. */
export interface AuthorizeRequestDetail {
  operation: string;
}

interface AttachmentItem {
  key: string;
  filename: string;
  size: number;
  contentType: string;
  inline: boolean;
  cid?: string;
  /** A `blob:` URL showing an inline image before and after upload. */
  url?: string;
  status: 'uploading' | 'done' | 'failed' | 'too-large';
  loaded: number;
  uploaded?: UploadedAttachment;
  controller?: AbortController;
  error?: string;
  file?: Blob;
}

type Field = 'to' | 'cc' | 'bcc' | 'subject' | 'attachments';
/** Which backend draft a start writes to: none until its first save. */
interface DraftIdentity {
  id?: string;
}
type Dialog =
  | { kind: 'discard' }
  | { kind: 'plain' }
  | { kind: 'checks'; warnings: string[] }
  | { kind: 'link'; url: string; text: string; error: string; existing: boolean };

interface SendFailure {
  message: string;
  code: string;
  authorize: boolean;
}

type ToolbarState = ReturnType<RichEditor['state']>;
type ToolLabel =
  | 'composer.bold'
  | 'composer.italic'
  | 'composer.underline'
  | 'composer.bullets'
  | 'composer.numbers'
  | 'composer.link'
  | 'composer.quote'
  | 'composer.clear'
  | 'composer.plain-text';
interface Tool {
  command: EditorCommand | 'link' | 'plain';
  label: ToolLabel;
  glyph: TemplateResult | SVGTemplateResult;
  pressed?: boolean;
}

const LOCAL_SAVE_DELAY_MS = 1000;
const EMPTY_TOOLBAR: ToolbarState = {
  bold: false,
  italic: false,
  underline: false,
  bullets: false,
  numbers: false,
  quote: false,
};
const LINK_URL = /^(?:https?:\/\/[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$/i;

let editorModule: Promise<EditorModule> | undefined;
/** The editor and DOMPurify arrive only when a rich body is first shown. */
function loadEditor(): Promise<EditorModule> {
  editorModule ??= import('./rich-editor.js');
  return editorModule;
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * @tagname mail-composer
 * @summary Writes a new message, a reply, a reply to all or a forward: From (when the account has several
 * identities), To, Cc and Bcc as address chips with suggestions, subject, a rich or plain-text body, attachments with
 * progress, drafts that are never lost, and sending with checks and an undo window.
 *
 * Drafts are kept on this device within a second of typing (`localStorage`, under `draft-key`) and offered back
 * when a composer with the same key opens after a reload or a crash; they are saved to the backend every
 * `save-seconds` and when the composer closes. A failed send keeps the draft and says why.
 *
 * Keys: Ctrl+Enter (⌘+Enter) sends, Ctrl+S saves the draft, Ctrl+K inserts a link, Ctrl+B/I/U format.
 *
 * @event mail-before-send - About to send (after the checks, before the undo window). Cancelable; `detail.draft`.
 * @event mail-sent - The message was sent. `detail.result` has its Message-ID; `detail.draft` what was sent.
 * @event mail-draft-saved - The draft was saved to the backend. `detail.saved.id` is its id.
 * @event mail-discard - The user discarded the draft (after confirming).
 * @event mail-compose-close - The user closed the composer; the draft was saved first.
 * @event mail-authorize-request - A send failed because the account must be authorized again; the host opens it.
 * @event mail-error - Loading, uploading, saving or sending failed. `detail.operation` says which.
 *
 * @csspart form - The whole form.
 * @csspart header - The title bar with the close button.
 * @csspart title - The title.
 * @csspart close-button - The close button.
 * @csspart loading - Shown while the draft to answer or open is loading.
 * @csspart restore - The bar offering back a draft kept on this device.
 * @csspart restore-button - Its button that restores the draft.
 * @csspart from - The From select.
 * @csspart to - The To field (a `mail-address-input`); also `cc` and `bcc`.
 * @csspart subject - The subject field.
 * @csspart field-error - A field's message.
 * @csspart toolbar - The formatting toolbar.
 * @csspart tool - Each toolbar button.
 * @csspart body - The rich body (contenteditable) or the plain-text area.
 * @csspart attachments - The list of attachments.
 * @csspart attachment - One attachment (also `attachment failed`).
 * @csspart attachment-remove - An attachment's remove (or cancel upload) button.
 * @csspart progress - An upload's progress bar.
 * @csspart footer - The bar with Send, Attach, the save status and Discard.
 * @csspart send-button - The Send button.
 * @csspart attach-button - The Attach button.
 * @csspart discard-button - The Discard button.
 * @csspart status - The draft's save status.
 * @csspart undo - The bar of the undo window.
 * @csspart undo-button - Its Undo button.
 * @csspart sent - Shown once the message is sent.
 * @csspart error - A send failure, with retry.
 * @csspart error-message - The text of the error region.
 * @csspart retry-button - Its retry button.
 * @csspart dialog - The confirmation and link dialogs.
 * @csspart dropzone - The overlay shown while files are dragged over.
 *
 * @cssproperty --mail-label-width - Width of the field labels. Default `4.5rem`.
 * @cssproperty --mail-composer-body-height - Minimum height of the body. Default `14rem`.
 */
export class MailComposer extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, composerStyles];

  /** `new`, `reply`, `reply-all` or `forward` (the last three answer `source-id`). */
  @property({ reflect: true })
  mode: ComposeModeName = 'new';

  /** The message answered or forwarded. */
  @property({ attribute: 'source-id' })
  sourceId = '';

  /** The host record's object name, carried into the draft's `link` (the sent mail is linked to it). */
  @property({ attribute: 'object-name' })
  objectName = '';

  /** The host record's primary key, with `object-name`. */
  @property({ attribute: 'object-id' })
  objectId = '';

  /** Opens this draft from the backend. */
  @property({ attribute: 'draft-id' })
  draftId = '';

  /** A draft to start from (takes precedence over `draft-id` and `mode`). */
  @property({ attribute: false })
  draft: Draft | undefined = undefined;

  /** Seconds during which a sent message can still be taken back; 0 sends at once. */
  @property({ type: Number, attribute: 'undo-seconds' })
  undoSeconds = 5;

  /** Seconds between saves of a changed draft to the backend. */
  @property({ type: Number, attribute: 'save-seconds' })
  saveSeconds = 30;

  /**
   * The key of the copy kept on this device. Default: derived from `draft-id`, `mode` and `source-id`, or the
   * record (`object-name`, `object-id`), else `new`. Two composers open at once need different keys.
   */
  @property({ attribute: 'draft-key' })
  draftKey = '';

  /** `html` (rich text) or `text` (plain text) body. */
  @property({ reflect: true })
  format: 'html' | 'text' = 'html';

  @state() private phase: 'loading' | 'editing' | 'undo' | 'sending' | 'sent' = 'loading';
  @state() private from: Address | undefined = undefined;
  @state() private subject = '';
  @state() private bodyText = '';
  @state() private attachments: AttachmentItem[] = [];
  @state() private showCc = false;
  @state() private showBcc = false;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private failure: SendFailure | undefined = undefined;
  @state() private recovered: LocalDraft | undefined = undefined;
  @state() private saveStatus: { kind: 'saving' | 'saved' | 'local' | 'failed'; at: Date } | undefined = undefined;
  @state() private dialog: Dialog | undefined = undefined;
  @state() private countdown = 0;
  @state() private editorReady = false;
  @state() private toolbar: ToolbarState = EMPTY_TOOLBAR;
  @state() private dragging = false;
  @state() private toolFocus = 0;

  @query('dialog') private dialogElement?: HTMLDialogElement;

  /** The body exactly as in the editor (rich mode). Not a state: the editor owns its DOM. */
  private bodyHtml = '';
  private editor: RichEditor | undefined;
  private editorElement: HTMLElement | undefined;
  /** The draft being written: a new object for each start, so that a late save can only name its own draft. */
  private identity: DraftIdentity = {};
  private meta: Pick<Draft, 'inReplyTo' | 'references' | 'sourceId' | 'sourceMode' | 'link'> = {};
  private startFields = { to: [] as Address[], cc: [] as Address[], bcc: [] as Address[] };
  private dirty = false;
  private serverDirty = false;
  private localTimer: ReturnType<typeof setTimeout> | undefined;
  private serverTimer: ReturnType<typeof setInterval> | undefined;
  private undoTimer: ReturnType<typeof setInterval> | undefined;
  private idempotencyKey: string | undefined;
  private saving: Promise<SavedDraft | undefined> = Promise.resolve(undefined);
  private capabilitiesPromise: Promise<Capabilities | undefined> | undefined;
  private capabilitiesBackend: MailBackend | undefined;
  private checksAccepted = false;
  private restoreFocus: HTMLElement | undefined;
  private localKey = '';
  private finished = false;
  private appliedFields: LocalDraft['fields'] | undefined;

  private readonly start = new Task(this, {
    task: async ([backend, mode, sourceId, draftId, draft, objectName, objectId], { signal }) => {
      const link: LinkContext | undefined = objectName && objectId ? { objectName, objectId } : undefined;
      try {
        if (draft) return structuredClone(draft);
        if (draftId || (mode !== 'new' && sourceId)) {
          if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
          if (draftId) return await backend.getDraft({ id: draftId }, { signal });
          return await backend.prefillDraft(
            {
              id: sourceId,
              mode: mode as Exclude<ComposeModeName, 'new'>,
              locale: this.localize.lang,
              ...(link ? { link } : {}),
            },
            { signal },
          );
        }
        return { to: [], cc: [], bcc: [], subject: '', attachments: [], ...(link ? { link } : {}) } satisfies Draft;
      } catch (error) {
        throw this.reportError(error, draftId ? 'getDraft' : 'prefillDraft');
      }
    },
    args: () =>
      [this.activeBackend, this.mode, this.sourceId, this.draftId, this.draft, this.objectName, this.objectId] as const,
    onComplete: (draft) => void this.applyStart(draft),
  });

  private readonly identities = new Task(this, {
    task: async ([backend], { signal }) => {
      if (!backend) return [];
      try {
        return (await backend.listIdentities({}, { signal })).items;
      } catch (error) {
        this.reportError(error, 'listIdentities');
        return [];
      }
    },
    args: () => [this.activeBackend] as const,
  });

  // ---------------------------------------------------------------------------------------------------------------
  // public methods

  /** Runs the checks and sends (after the undo window). */
  async send(): Promise<void> {
    if (this.phase !== 'editing') return;
    this.commitAddresses();
    if (!(await this.validate())) return;
    const warnings = this.warnings();
    if (warnings.length && !this.checksAccepted) {
      this.openDialog({ kind: 'checks', warnings });
      return;
    }
    await this.queueSend();
  }

  /** Takes back a message during the undo window and returns to editing. */
  undoSend(): void {
    if (this.phase !== 'undo') return;
    clearInterval(this.undoTimer);
    this.phase = 'editing';
    this.checksAccepted = false;
    void this.updateComplete.then(() => this.focusBody());
  }

  /** Saves the draft to the backend now (it also happens every `save-seconds` and on close). */
  saveDraft(): Promise<SavedDraft | undefined> {
    // What is on screen now is what gets saved, even when an earlier save delays it or a new start follows.
    const identity = this.identity;
    const content = this.activeBackend && this.hasContent() && this.phase !== 'sent' ? this.buildDraft() : undefined;
    if (content) this.serverDirty = false;
    this.saving = this.saving.then(() => this.saveToServer(identity, content));
    return this.saving;
  }

  /** The draft as it would be saved now (readable recipients, finished uploads, sanitized HTML and its text). */
  async getDraft(): Promise<Draft> {
    return this.buildDraft();
  }

  /** Asks, then discards the draft (here and on the backend). */
  discard(): void {
    if (this.phase === 'editing') this.openDialog({ kind: 'discard' });
  }

  /** Keeps the draft (on this device and the backend) and tells the host to close the composer. */
  async close(): Promise<void> {
    this.saveLocalNow();
    if (!this.hasContent()) removeLocalDraft(this.localKey);
    else if (this.phase === 'editing') {
      if (this.serverDirty || !this.identity.id) await this.saveDraft();
      if (!this.serverDirty && !this.recovered) removeLocalDraft(this.localKey);
    }
    this.finished = true;
    const draftId = this.identity.id;
    this.emit('mail-compose-close', draftId ? { draftId } : {});
  }

  // ---------------------------------------------------------------------------------------------------------------
  // lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.finished = false;
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onPageHide);
    document.addEventListener('selectionchange', this.onSelectionChange);
    this.restartServerTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onPageHide);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    clearInterval(this.serverTimer);
    clearInterval(this.undoTimer);
    if (this.phase === 'undo') this.phase = 'editing';
    if (this.finished || this.phase === 'sent' || this.phase === 'loading') return;
    this.saveLocalNow();
    if (this.serverDirty && this.hasContent()) void this.saveDraft();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('saveSeconds')) this.restartServerTimer();
    if (changed.has('format') && this.format === 'html' && !this.editorReady) void this.ensureEditor();
    const restarts = ['draft', 'draftId', 'mode', 'sourceId', 'objectName', 'objectId'].some((key) =>
      changed.has(key as keyof MailComposer),
    );
    if (restarts && this.hasUpdated) this.leaveDraft();
    if (restarts || changed.has('draftKey')) this.localKey = this.computeKey();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('dialog' as keyof MailComposer)) {
      const dialog = this.dialogElement;
      if (this.dialog && dialog && !dialog.open) {
        dialog.showModal();
        dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
      }
    }
  }

  /**
   * A new start is on its way (the host changed what to write): the draft on screen is kept, on this device under
   * its own key and on the backend under its own id, and the next draft starts without an id.
   */
  private leaveDraft(): void {
    if (this.phase === 'editing' && !this.finished) {
      this.saveLocalNow();
      if (this.serverDirty && this.hasContent()) void this.saveDraft();
    }
    clearTimeout(this.localTimer);
    this.localTimer = undefined;
    this.identity = {};
    this.finished = false;
    this.phase = 'loading';
  }

  private computeKey(): string {
    if (this.draftKey) return this.draftKey;
    if (this.draftId) return `draft-${this.draftId}`;
    if (this.mode !== 'new' && this.sourceId) return `${this.mode}-${this.sourceId}`;
    if (this.objectName && this.objectId) return `new-${this.objectName}-${this.objectId}`;
    return 'new';
  }

  private restartServerTimer(): void {
    clearInterval(this.serverTimer);
    if (!this.isConnected || !(this.saveSeconds > 0)) return;
    this.serverTimer = setInterval(() => {
      if (this.serverDirty && this.phase === 'editing' && this.hasContent()) void this.saveDraft();
    }, this.saveSeconds * 1000);
  }

  private readonly onPageHide = (): void => {
    if (document.visibilityState === 'hidden' || !document.hasFocus()) this.saveLocalNow();
  };

  // ---------------------------------------------------------------------------------------------------------------
  // starting content

  private async applyStart(draft: Draft): Promise<void> {
    this.resetState();
    this.identity = { id: draft.id ?? (this.draftId || undefined) };
    this.from = draft.from;
    this.subject = draft.subject;
    this.meta = {
      inReplyTo: draft.inReplyTo,
      references: draft.references,
      sourceId: draft.sourceId,
      sourceMode: draft.sourceMode,
      link: draft.link,
    };
    this.startFields = { to: draft.to, cc: draft.cc, bcc: draft.bcc };
    this.appliedFields = undefined;
    this.showCc = draft.cc.length > 0;
    this.showBcc = draft.bcc.length > 0;
    this.attachments = draft.attachments.map((attachment) => this.itemOf(attachment));
    await this.setBody(draft, this.format);
    this.phase = 'editing';
    await this.updateComplete;
    this.applyFields();
    const local = readLocalDraft(this.localKey);
    if (local && this.differsFromScreen(local)) this.recovered = local;
    // An answer starts above the quote; a forward starts at its (empty) To field. A new message starts at To too,
    // unless the page has put the focus elsewhere: a composer that is merely shown on a page does not take it.
    if (this.mode !== 'new' || this.draftId) {
      if (draft.to.length || draft.cc.length) this.focusBody(true);
      else this.addressInput('to')?.focus();
    } else if (this.focusIsFree()) {
      this.addressInput('to')?.focus();
    }
  }

  /** True when nothing has the focus, or what has it holds this composer (the dialog opened for it, say). */
  private focusIsFree(): boolean {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body || this.shadowRoot?.activeElement) return true;
    for (let node = this.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
      if (node === active) return true;
    }
    return false;
  }

  private resetState(): void {
    for (const item of this.attachments) {
      item.controller?.abort();
      if (item.url) URL.revokeObjectURL(item.url);
    }
    clearInterval(this.undoTimer);
    this.fieldErrors = {};
    this.failure = undefined;
    this.recovered = undefined;
    this.saveStatus = undefined;
    this.dialog = undefined;
    this.dirty = false;
    this.serverDirty = false;
    this.idempotencyKey = undefined;
    this.checksAccepted = false;
    this.bodyText = '';
    this.bodyHtml = '';
  }

  private itemOf(attachment: UploadedAttachment): AttachmentItem {
    return {
      key: randomId(),
      filename: attachment.filename,
      size: attachment.size,
      contentType: attachment.contentType,
      inline: attachment.inline ?? false,
      ...(attachment.contentId ? { cid: attachment.contentId } : {}),
      status: 'done',
      loaded: attachment.size,
      uploaded: attachment,
    };
  }

  /** Puts a draft's body in the editor or the text area, converting between HTML and text as needed. */
  private async setBody(draft: Pick<Draft, 'html' | 'text'>, format: 'html' | 'text', own = false): Promise<void> {
    if (format === 'text') {
      this.bodyText = draft.text ?? (draft.html ? htmlToPlainText(draft.html) : '');
      return;
    }
    const module = await this.ensureEditor();
    this.bodyHtml = draft.html
      ? module.editorHtml(draft.html, this.cidUrls(), !own)
      : module.textToHtml(draft.text ?? '');
    this.editor?.setHtml(this.bodyHtml, this.cidUrls());
  }

  private async ensureEditor(): Promise<EditorModule> {
    const module = await loadEditor();
    this.editorReady = true;
    return module;
  }

  private cidUrls(): Map<string, string> {
    return new Map(this.attachments.flatMap((item) => (item.cid && item.url ? [[item.cid, item.url]] : [])));
  }

  private applyFields(): void {
    for (const field of ['to', 'cc', 'bcc'] as const) {
      const input = this.addressInput(field);
      if (!input) continue;
      if (this.appliedFields) input.setEntries(this.appliedFields[field]);
      else input.value = this.startFields[field];
    }
  }

  private addressInput(field: 'to' | 'cc' | 'bcc'): MailAddressInput | null {
    return this.renderRoot.querySelector<MailAddressInput>(`mail-address-input[data-field="${field}"]`);
  }

  private fieldTexts(field: 'to' | 'cc' | 'bcc'): string[] {
    const input = this.addressInput(field);
    if (!input) return (this.appliedFields?.[field] ?? this.startFields[field].map((a) => a.address)).slice();
    return input.allEntries.map((entry) => entry.text);
  }

  private addresses(field: 'to' | 'cc' | 'bcc'): Address[] {
    const input = this.addressInput(field);
    return input ? input.allEntries.flatMap((entry) => (entry.address ? [entry.address] : [])) : [];
  }

  // ---------------------------------------------------------------------------------------------------------------
  // local drafts

  private changed(field?: Field): void {
    this.dirty = true;
    this.serverDirty = true;
    this.idempotencyKey = undefined;
    this.checksAccepted = false;
    if (field && this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    // Throttled, not debounced: continuous typing still reaches storage within a second.
    this.localTimer ??= setTimeout(() => {
      this.localTimer = undefined;
      this.saveLocalNow();
    }, LOCAL_SAVE_DELAY_MS);
  }

  private snapshot(): LocalDraft {
    return {
      v: 1,
      savedAt: new Date().toISOString(),
      format: this.format,
      draft: this.draftFields(),
      fields: { to: this.fieldTexts('to'), cc: this.fieldTexts('cc'), bcc: this.fieldTexts('bcc') },
      body: this.format === 'html' ? (this.editor?.html ?? this.bodyHtml) : this.bodyText,
    };
  }

  private saveLocalNow(): void {
    clearTimeout(this.localTimer);
    this.localTimer = undefined;
    // While an older copy is offered back, it is not overwritten: the user has not chosen yet.
    if (!this.dirty || this.recovered || this.phase === 'loading' || this.phase === 'sent') return;
    if (writeLocalDraft(this.localKey, this.snapshot())) this.saveStatus = { kind: 'local', at: new Date() };
  }

  private differsFromScreen(local: LocalDraft): boolean {
    const now = this.snapshot();
    const plain = (value: LocalDraft) =>
      JSON.stringify([
        value.fields,
        value.draft.subject,
        value.format === 'html' ? htmlToPlainText(value.body) : value.body.trim(),
        value.draft.attachments.map((a) => a.id),
      ]);
    return plain(local) !== plain(now);
  }

  private async restoreRecovered(): Promise<void> {
    const local = this.recovered;
    if (!local) return;
    this.recovered = undefined;
    const draft = local.draft;
    this.identity.id = draft.id ?? this.identity.id;
    this.from = draft.from ?? this.from;
    this.subject = draft.subject;
    this.meta = {
      inReplyTo: draft.inReplyTo,
      references: draft.references,
      sourceId: draft.sourceId,
      sourceMode: draft.sourceMode,
      link: draft.link,
    };
    this.attachments = draft.attachments.map((attachment) => this.itemOf(attachment));
    this.appliedFields = local.fields;
    this.showCc = this.showCc || local.fields.cc.length > 0;
    this.showBcc = this.showBcc || local.fields.bcc.length > 0;
    this.format = local.format;
    await this.updateComplete;
    if (local.format === 'html') await this.setBody({ html: local.body }, 'html', true);
    else this.bodyText = local.body;
    await this.updateComplete;
    this.applyFields();
    this.changed();
    this.focusBody();
  }

  private dismissRecovered(): void {
    this.recovered = undefined;
    removeLocalDraft(this.localKey);
    if (this.dirty) this.saveLocalNow();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // building drafts

  private draftFields(): Draft {
    const attachments = this.attachments.flatMap((item) =>
      item.status === 'done' && item.uploaded
        ? [{ ...item.uploaded, ...(item.cid ? { contentId: item.cid, inline: item.inline } : {}) }]
        : [],
    );
    const draft: Draft = {
      to: this.addresses('to'),
      cc: this.addresses('cc'),
      bcc: this.addresses('bcc'),
      subject: this.subject,
      attachments,
    };
    if (this.identity.id) draft.id = this.identity.id;
    if (this.from) draft.from = this.from;
    for (const [key, value] of Object.entries(this.meta)) {
      if (value !== undefined) (draft as Record<string, unknown>)[key] = value;
    }
    return draft;
  }

  /** The draft for the backend: sanitized HTML and its text alternative, one-line subject, live inline images. */
  private async buildDraft(): Promise<Draft> {
    const draft = this.draftFields();
    draft.subject = foldLine(draft.subject);
    if (this.format === 'text') {
      draft.text = this.bodyText;
      draft.attachments = draft.attachments.filter((attachment) => !attachment.inline);
      return draft;
    }
    const raw = this.editor?.html ?? this.bodyHtml;
    const module = await loadEditor();
    const used = module.inlineCids(raw);
    draft.attachments = draft.attachments.filter(
      (attachment) => !attachment.inline || (attachment.contentId && used.has(attachment.contentId)),
    );
    draft.html = module.outgoingHtml(raw);
    draft.text = module.htmlToText(raw);
    return draft;
  }

  private hasContent(): boolean {
    const body = this.format === 'html' ? htmlToPlainText(this.editor?.html ?? this.bodyHtml) : this.bodyText;
    return (
      !!this.subject.trim() ||
      !!body.trim() ||
      this.attachments.length > 0 ||
      (['to', 'cc', 'bcc'] as const).some((field) => this.fieldTexts(field).length > 0)
    );
  }

  /** Saves `content` as the draft of `identity`; the screen hears of it only while that draft is still the one shown. */
  private async saveToServer(
    identity: DraftIdentity,
    content: Promise<Draft> | undefined,
  ): Promise<SavedDraft | undefined> {
    const backend = this.activeBackend;
    if (!backend || !content) return undefined;
    const current = () => identity === this.identity;
    if (current()) this.saveStatus = { kind: 'saving', at: new Date() };
    try {
      const draft = await content;
      // An earlier save of this draft may have learned its id since the content was taken.
      if (identity.id) draft.id = identity.id;
      const saved = await backend.saveDraft(draft);
      identity.id = saved.id;
      if (!current()) return saved;
      this.saveStatus = { kind: 'saved', at: new Date(saved.savedAt) };
      // The copy on this device learns the server's id, so a reload replaces that draft instead of adding one.
      if (readLocalDraft(this.localKey) && !this.recovered) writeLocalDraft(this.localKey, this.snapshot());
      this.emit('mail-draft-saved', { draft: { ...draft, id: saved.id }, saved });
      return saved;
    } catch (error) {
      if (current()) {
        this.serverDirty = true;
        this.saveStatus = { kind: 'failed', at: new Date() };
      }
      this.reportError(error, 'saveDraft');
      return undefined;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // sending

  private commitAddresses(): void {
    for (const field of ['to', 'cc', 'bcc'] as const) this.addressInput(field)?.commit();
  }

  private async validate(): Promise<boolean> {
    const errors: Partial<Record<Field, string>> = {};
    for (const field of ['to', 'cc', 'bcc'] as const) {
      if (this.addressInput(field)?.invalid.length) errors[field] = this.localize.term('composer.fix-addresses');
    }
    if (!errors.to && !(['to', 'cc', 'bcc'] as const).some((field) => this.addresses(field).length)) {
      errors.to = this.localize.term('composer.no-recipient');
    }
    if (hasLineBreak(this.subject)) errors.subject = this.localize.term('composer.no-breaks');
    if (this.attachments.some((item) => item.status === 'uploading')) {
      errors.attachments = this.localize.term('composer.uploads-pending');
    } else {
      const capabilities = await this.capabilities();
      const size = this.attachments.reduce((sum, item) => sum + (item.status === 'done' ? item.size : 0), 0);
      const estimate = Math.ceil(size * 1.37) + (this.bodyText.length + this.bodyHtml.length) * 2;
      if (capabilities && estimate > capabilities.maxMessageBytes) {
        errors.attachments = this.localize.term(
          'composer.message-too-large',
          this.localize.bytes(estimate),
          this.localize.bytes(capabilities.maxMessageBytes),
        );
      }
    }
    this.fieldErrors = errors;
    const first = (['to', 'cc', 'bcc', 'subject', 'attachments'] as const).find((field) => errors[field]);
    if (!first) return true;
    if (first === 'cc') this.showCc = true;
    if (first === 'bcc') this.showBcc = true;
    await this.updateComplete;
    this.focusField(first);
    return false;
  }

  private warnings(): string[] {
    const warnings: string[] = [];
    if (!this.subject.trim()) warnings.push(this.localize.term('composer.no-subject'));
    const text = this.format === 'html' ? htmlToPlainText(this.editor?.html ?? this.bodyHtml) : this.bodyText;
    const attached = this.attachments.some((item) => !item.inline && item.status === 'done');
    if (!attached && mentionsAttachment(this.subject, this.format === 'html' ? this.quotedAsText(text) : text)) {
      warnings.push(this.localize.term('composer.missing-attachment'));
    }
    return warnings;
  }

  /** In rich mode quotes are blockquotes, not "> " lines: take them out before looking for attachment words. */
  private quotedAsText(fallback: string): string {
    const element = this.editorElement;
    if (!element) return fallback;
    const copy = element.cloneNode(true) as HTMLElement;
    for (const quote of copy.querySelectorAll('blockquote')) quote.remove();
    return htmlToPlainText(copy.innerHTML);
  }

  private async queueSend(): Promise<void> {
    const draft = await this.buildDraft();
    if (!this.emit('mail-before-send', { draft }, { cancelable: true })) return;
    this.failure = undefined;
    this.dirty = true;
    this.saveLocalNow();
    const seconds = Math.max(0, Math.floor(this.undoSeconds || 0));
    if (!seconds) {
      await this.deliver(draft);
      return;
    }
    this.phase = 'undo';
    this.countdown = seconds;
    clearInterval(this.undoTimer);
    this.undoTimer = setInterval(() => {
      this.countdown--;
      if (this.countdown > 0) return;
      clearInterval(this.undoTimer);
      void this.deliver(draft);
    }, 1000);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="undo-button"]')?.focus();
  }

  private async deliver(draft: Draft): Promise<void> {
    const backend = this.activeBackend;
    this.phase = 'sending';
    this.idempotencyKey ??= randomId();
    try {
      if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
      const result = await backend.sendMessage({ draft, idempotencyKey: this.idempotencyKey });
      this.phase = 'sent';
      this.finished = true;
      clearTimeout(this.localTimer);
      removeLocalDraft(this.localKey);
      this.emit('mail-sent', { draft, result });
    } catch (error) {
      const mailError = this.reportError(error, 'sendMessage');
      this.phase = 'editing';
      this.failure = this.describeFailure(mailError);
      this.saveLocalNow();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="retry-button"]')?.focus();
    }
  }

  private describeFailure(error: MailError): SendFailure {
    const term = this.localize;
    const base = { code: error.code, authorize: false };
    if (error.code === 'unauthorized') {
      return { ...base, authorize: true, message: term.term('composer.failed-unauthorized') };
    }
    if (error.code === 'network' || error.code === 'timeout') {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      return { ...base, message: term.term(offline ? 'composer.failed-offline' : 'composer.failed-network') };
    }
    if (error.code === 'validation') {
      const issue = error.issues[0];
      const reason = issue?.message ?? error.message;
      const field = issue?.path.find((key) => key === 'to' || key === 'cc' || key === 'bcc' || key === 'from');
      if (field === 'to' || field === 'cc' || field === 'bcc') {
        this.fieldErrors = { ...this.fieldErrors, [field]: reason };
        return { ...base, message: term.term('composer.failed-recipient', reason) };
      }
      if (issue?.path.includes('attachments') || /too large|at most|size/i.test(reason)) {
        this.fieldErrors = { ...this.fieldErrors, attachments: reason };
        return { ...base, message: term.term('composer.failed-too-large', reason) };
      }
      return { ...base, message: term.term('composer.failed-other', reason) };
    }
    return { ...base, message: term.term('composer.failed-other', term.term(`error.${error.code}`)) };
  }

  private retrySend(): void {
    this.checksAccepted = true;
    void this.send();
  }

  private startNew(): void {
    this.finished = false;
    this.identity = {};
    this.draft = undefined;
    this.draftId = '';
    this.mode = 'new';
    this.sourceId = '';
    this.phase = 'loading';
    void this.start.run();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // attachments

  private capabilities(): Promise<Capabilities | undefined> {
    const backend = this.activeBackend;
    if (!this.capabilitiesPromise || this.capabilitiesBackend !== backend) {
      this.capabilitiesBackend = backend;
      this.capabilitiesPromise = backend
        ? backend.getCapabilities().catch((error: unknown) => {
            this.reportError(error, 'getCapabilities');
            this.capabilitiesPromise = undefined;
            return undefined;
          })
        : Promise.resolve(undefined);
    }
    return this.capabilitiesPromise;
  }

  /** Attaches files (from the picker, a drop or a paste). */
  async addFiles(files: readonly File[]): Promise<void> {
    if (!files.length) return;
    const capabilities = await this.capabilities();
    const max = capabilities?.maxAttachmentBytes ?? Infinity;
    for (const file of files) {
      const item: AttachmentItem = {
        key: randomId(),
        filename: file.name || 'attachment',
        size: file.size,
        contentType: file.type || 'application/octet-stream',
        inline: false,
        status: file.size > max ? 'too-large' : 'uploading',
        loaded: 0,
        file,
      };
      if (item.status === 'too-large') {
        item.error = this.localize.term('composer.too-large', this.localize.bytes(file.size), this.localize.bytes(max));
      }
      this.attachments = [...this.attachments, item];
      if (item.status === 'uploading') void this.upload(item);
    }
    this.changed('attachments');
  }

  private addInlineImage(image: Blob, filename: string): { cid: string; url: string } {
    const cid = `${randomId()}@mail-elements`;
    const url = URL.createObjectURL(image);
    const item: AttachmentItem = {
      key: randomId(),
      filename,
      size: image.size,
      contentType: image.type || 'image/png',
      inline: true,
      cid,
      url,
      status: 'uploading',
      loaded: 0,
      file: image,
    };
    this.attachments = [...this.attachments, item];
    void this.capabilities().then((capabilities) => {
      const max = capabilities?.maxAttachmentBytes ?? Infinity;
      if (image.size > max) {
        this.patchItem(item.key, {
          status: 'too-large',
          error: this.localize.term('composer.too-large', this.localize.bytes(image.size), this.localize.bytes(max)),
        });
      } else void this.upload(item);
    });
    return { cid, url };
  }

  private patchItem(key: string, patch: Partial<AttachmentItem>): void {
    this.attachments = this.attachments.map((item) => (item.key === key ? { ...item, ...patch } : item));
  }

  private async upload(item: AttachmentItem): Promise<void> {
    const backend = this.activeBackend;
    const file = item.file;
    if (!file) return;
    const controller = new AbortController();
    this.patchItem(item.key, { status: 'uploading', loaded: 0, controller, error: undefined });
    try {
      if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
      const uploaded = await backend.uploadAttachment(
        { file, filename: item.filename },
        {
          signal: controller.signal,
          onProgress: ({ loaded }) => this.patchItem(item.key, { loaded }),
        },
      );
      if (!this.attachments.some((known) => known.key === item.key)) return;
      this.patchItem(item.key, {
        status: 'done',
        loaded: item.size,
        uploaded,
        controller: undefined,
        file: item.inline ? file : undefined,
      });
      this.changed('attachments');
    } catch (error) {
      const mailError = MailError.from(error);
      if (mailError.code === 'aborted') return;
      this.reportError(mailError, 'uploadAttachment');
      const detail = mailError.code === 'validation' ? (mailError.issues[0]?.message ?? mailError.message) : '';
      this.patchItem(item.key, {
        status: 'failed',
        controller: undefined,
        error: detail || this.localize.term(`error.${mailError.code}`),
      });
    }
  }

  private removeAttachment(item: AttachmentItem): void {
    item.controller?.abort();
    if (item.url && !item.inline) URL.revokeObjectURL(item.url);
    this.attachments = this.attachments.filter((known) => known.key !== item.key);
    this.changed('attachments');
    this.renderRoot.querySelector<HTMLElement>('[part~="attach-button"]')?.focus();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // dialogs

  private openDialog(dialog: Dialog): void {
    this.restoreFocus = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | undefined;
    this.dialog = dialog;
  }

  private closeDialog(): void {
    this.dialogElement?.close();
    this.dialog = undefined;
    const target = this.restoreFocus;
    this.restoreFocus = undefined;
    if (target?.isConnected) target.focus();
  }

  private async confirmDiscard(): Promise<void> {
    this.closeDialog();
    for (const item of this.attachments) item.controller?.abort();
    clearTimeout(this.localTimer);
    removeLocalDraft(this.localKey);
    this.finished = true;
    const draftId = this.identity.id;
    this.serverDirty = false;
    if (draftId && this.activeBackend) {
      try {
        await this.activeBackend.deleteDraft({ id: draftId });
      } catch (error) {
        this.reportError(error, 'deleteDraft');
      }
    }
    this.emit('mail-discard', draftId ? { draftId } : {});
  }

  private async confirmPlain(): Promise<void> {
    this.closeDialog();
    await this.switchFormat('text');
  }

  private async switchFormat(format: 'html' | 'text'): Promise<void> {
    if (format === this.format) return;
    if (format === 'text') {
      const module = await loadEditor();
      const raw = this.editor?.html ?? this.bodyHtml;
      this.bodyText = module.htmlToText(raw);
      this.attachments = this.attachments.filter((item) => !item.inline);
      this.format = 'text';
    } else {
      const module = await this.ensureEditor();
      this.bodyHtml = module.textToHtml(this.bodyText);
      this.format = 'html';
      await this.updateComplete;
      this.editor?.setHtml(this.bodyHtml, this.cidUrls());
    }
    this.changed();
    await this.updateComplete;
    this.focusBody();
  }

  private async togglePlain(): Promise<void> {
    if (this.format === 'text') return this.switchFormat('html');
    const module = await loadEditor();
    if (module.hasFormatting(this.editor?.html ?? this.bodyHtml)) this.openDialog({ kind: 'plain' });
    else await this.switchFormat('text');
  }

  private openLinkDialog(): void {
    const editor = this.editor;
    if (!editor) return;
    editor.saveSelection();
    const link = editor.currentLink();
    this.openDialog({
      kind: 'link',
      url: link?.getAttribute('href') ?? '',
      text: link?.textContent ?? editor.selectedText(),
      error: '',
      existing: !!link,
    });
  }

  private insertLink(event: Event): void {
    event.preventDefault();
    const dialog = this.dialog;
    if (dialog?.kind !== 'link') return;
    let url = dialog.url.trim();
    if (/^[^\s@/:]+@[^\s@]+\.[^\s@]+$/.test(url)) url = `mailto:${url}`;
    else if (/^www\./i.test(url)) url = `https://${url}`;
    if (!LINK_URL.test(url)) {
      this.dialog = { ...dialog, error: this.localize.term('composer.link-invalid') };
      this.dialogElement?.querySelector<HTMLInputElement>('#link-url')?.focus();
      return;
    }
    this.dialogElement?.close();
    this.dialog = undefined;
    this.restoreFocus = undefined;
    this.editor?.insertLink(url, dialog.text.trim());
  }

  private removeLink(): void {
    this.dialogElement?.close();
    this.dialog = undefined;
    this.restoreFocus = undefined;
    this.editor?.removeLink();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // editor wiring

  private readonly onEditorElement = (element: Element | undefined): void => {
    if (element === this.editorElement) return;
    if (this.editor) this.bodyHtml = this.editor.html;
    this.editor?.detach();
    this.editor = undefined;
    this.editorElement = element as HTMLElement | undefined;
    if (!element) return;
    void loadEditor().then((module) => {
      if (this.editorElement !== element) return;
      this.editor = new module.RichEditor(element as HTMLElement, {
        addInlineImage: (image, filename) => this.addInlineImage(image, filename),
      });
      this.editor.setHtml(this.bodyHtml, this.cidUrls());
    });
  };

  private onEditorInput(): void {
    if (this.editor) this.bodyHtml = this.editor.html;
    this.changed();
    this.updateToolbar();
  }

  private updateToolbar(): void {
    const next = this.editor?.state() ?? EMPTY_TOOLBAR;
    if (JSON.stringify(next) !== JSON.stringify(this.toolbar)) this.toolbar = next;
  }

  private readonly onSelectionChange = (): void => this.updateToolbar();

  private runTool(command: EditorCommand): void {
    this.editor?.exec(command);
    this.updateToolbar();
  }

  private focusBody(atStart = false): void {
    const body = this.renderRoot.querySelector<HTMLElement>('[part~="body"]');
    if (!body) return;
    body.focus();
    if (atStart && body instanceof HTMLTextAreaElement) body.setSelectionRange(0, 0);
  }

  private focusField(field: Field): void {
    if (field === 'to' || field === 'cc' || field === 'bcc') this.addressInput(field)?.focus();
    else if (field === 'subject') this.renderRoot.querySelector<HTMLElement>('#subject')?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~="attach-button"]')?.focus();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // events from the template

  private onKeyDown(event: KeyboardEvent): void {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || this.dialog) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.send();
    } else if (event.key === 's' || event.key === 'S') {
      event.preventDefault();
      this.saveLocalNow();
      void this.saveDraft();
    } else if ((event.key === 'k' || event.key === 'K') && this.format === 'html') {
      event.preventDefault();
      this.openLinkDialog();
    }
  }

  private onSubjectInput(event: Event): void {
    this.subject = (event.target as HTMLInputElement).value;
    this.changed('subject');
    if (hasLineBreak(this.subject))
      this.fieldErrors = { ...this.fieldErrors, subject: this.localize.term('composer.no-breaks') };
  }

  private onFromChange(event: Event): void {
    const index = Number((event.target as HTMLSelectElement).value);
    this.from = this.identities.value?.[index];
    this.changed();
  }

  private onFilePicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.addFiles(files);
  }

  private onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files') || this.phase !== 'editing') return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDragLeave(event: DragEvent): void {
    if (!this.contains(event.relatedTarget as Node) && !this.renderRoot.contains(event.relatedTarget as Node)) {
      this.dragging = false;
    }
  }

  private onDrop(event: DragEvent): void {
    this.dragging = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!files.length || this.phase !== 'editing') return;
    event.preventDefault();
    void this.addFiles(files);
  }

  private onToolbarKeyDown(event: KeyboardEvent): void {
    const tools = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="tool"]')];
    const index = tools.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const rtl = this.localize.dir === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number;
    if (step) next = (index + step + tools.length) % tools.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tools.length - 1;
    else return;
    event.preventDefault();
    this.toolFocus = next;
    tools[next]?.focus();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // rendering

  protected override render(): TemplateResult {
    if (this.phase === 'loading') {
      return this.start.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => this.renderLoading(),
        error: (error) => renderError(this.localize, MailError.from(error), () => void this.start.run()),
      });
    }
    if (this.phase === 'sent') {
      return html`<div part="sent" role="status">
        <p>${this.localize.term('composer.sent')}</p>
        <button class="button" type="button" @click=${this.startNew}>${this.localize.term('composer.new')}</button>
      </div>`;
    }
    const locked = this.phase !== 'editing';
    // A saved draft says what it was begun as: a reply opened from Drafts is still a reply.
    const mode = this.meta.sourceMode ?? this.mode;
    const title = this.localize.term(
      mode === 'forward' ? 'composer.label-forward' : mode === 'new' ? 'composer.label' : 'composer.label-reply',
    );
    return html`
      <form
        part="form"
        aria-label=${title}
        novalidate
        ?inert=${locked}
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.send();
        }}
        @keydown=${this.onKeyDown}
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <div part="header">
          <h2 part="title">${title}</h2>
          ${this.renderLink()}
          <button
            type="button"
            class="icon-button"
            part="close-button"
            aria-label=${this.localize.term('composer.close')}
            title=${this.localize.term('composer.close')}
            @click=${() => void this.close()}
          >
            ${icon(closeIcon)}
          </button>
        </div>
        ${this.renderRecovered()} ${this.renderFailure()}
        <div class="fields">
          ${this.renderFrom()} ${this.renderAddressField('to')} ${this.showCc ? this.renderAddressField('cc') : nothing}
          ${this.showBcc ? this.renderAddressField('bcc') : nothing} ${this.renderSubject()}
        </div>
        ${this.renderToolbar()} ${this.renderBody()} ${this.renderAttachments()} ${this.renderFooter()}
        ${this.dragging ? html`<div part="dropzone">${this.localize.term('composer.drop')}</div>` : nothing}
      </form>
      ${this.phase === 'undo' || this.phase === 'sending' ? this.renderUndo() : nothing} ${this.renderDialog()}
    `;
  }

  private renderLoading(): TemplateResult {
    return html`<div part="loading" role="status" aria-busy="true">${this.localize.term('composer.loading')}</div>`;
  }

  private renderLink(): TemplateResult | typeof nothing {
    const link = this.meta.link;
    if (!link) return nothing;
    return html`<span class="link-context"
      >${icon(linkIcon, 14)} ${this.localize.term('composer.linked', `${link.objectName} ${link.objectId}`)}</span
    >`;
  }

  private renderRecovered(): TemplateResult | typeof nothing {
    const local = this.recovered;
    if (!local) return nothing;
    return html`<div part="restore" role="status">
      <span>${this.localize.term('composer.restore-text', this.localize.dateTime(local.savedAt))}</span>
      <span class="actions">
        <button class="button primary" type="button" part="restore-button" @click=${this.restoreRecovered}>
          ${this.localize.term('composer.restore')}
        </button>
        <button class="button" type="button" @click=${this.dismissRecovered}>
          ${this.localize.term('composer.restore-dismiss')}
        </button>
      </span>
    </div>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    return html`<div part="error" role="alert" data-code=${failure.code}>
      <span part="error-message">${failure.message}</span>
      <span class="actions">
        ${
          failure.authorize
            ? html`<button
                class="button"
                type="button"
                @click=${() => this.emit('mail-authorize-request', { operation: 'sendMessage' })}
              >
                ${this.localize.term('composer.authorize')}
              </button>`
            : nothing
        }
        <button class="button" part="retry-button" type="button" @click=${this.retrySend}>
          ${this.localize.term('action.retry')}
        </button>
      </span>
    </div>`;
  }

  private renderFrom(): TemplateResult | typeof nothing {
    const identities = this.identities.value ?? [];
    if (identities.length < 2) return nothing;
    const current = identities.findIndex(
      (identity) => identity.address.toLowerCase() === this.from?.address.toLowerCase(),
    );
    return html`<div class="row">
      <label for="from">${this.localize.term('composer.from')}</label>
      <select id="from" part="from" @change=${this.onFromChange}>
        ${identities.map(
          (identity, index) =>
            html`<option value=${index} ?selected=${index === Math.max(0, current)}>
              ${identity.name ? `${identity.name} <${identity.address}>` : identity.address}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private renderAddressField(field: 'to' | 'cc' | 'bcc'): TemplateResult {
    const others = (['to', 'cc', 'bcc'] as const).filter((other) => other !== field);
    return html`<div class="row address-row">
      <mail-address-input
        part=${field}
        data-field=${field}
        label=${this.localize.term(`composer.${field}`)}
        .backend=${this.activeBackend}
        .error=${this.fieldErrors[field] ?? ''}
        .exclude=${others.flatMap((other) => this.addresses(other))}
        @change=${() => this.changed(field)}
        @input=${() => this.changed(field)}
      ></mail-address-input>
      ${
        field === 'to'
          ? html`<span class="cc-toggles">
              ${
                this.showCc
                  ? nothing
                  : html`<button
                      type="button"
                      class="link-button"
                      aria-label=${this.localize.term('composer.show-cc')}
                      @click=${() => this.revealField('cc')}
                    >
                      ${this.localize.term('composer.cc')}
                    </button>`
              }
              ${
                this.showBcc
                  ? nothing
                  : html`<button
                      type="button"
                      class="link-button"
                      aria-label=${this.localize.term('composer.show-bcc')}
                      @click=${() => this.revealField('bcc')}
                    >
                      ${this.localize.term('composer.bcc')}
                    </button>`
              }
            </span>`
          : nothing
      }
    </div>`;
  }

  private async revealField(field: 'cc' | 'bcc'): Promise<void> {
    if (field === 'cc') this.showCc = true;
    else this.showBcc = true;
    await this.updateComplete;
    this.addressInput(field)?.focus();
  }

  private renderSubject(): TemplateResult {
    const error = this.fieldErrors.subject;
    return html`<div class="row subject-row">
      <label for="subject">${this.localize.term('composer.subject')}</label>
      <input
        id="subject"
        part="subject"
        type="text"
        maxlength="998"
        autocomplete="off"
        .value=${live(this.subject)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'subject-error' : nothing}
        @input=${this.onSubjectInput}
      />
      ${error ? html`<div id="subject-error" part="field-error" role="alert">${error}</div>` : nothing}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const rich = this.format === 'html';
    const tool = (command: Tool['command'], label: ToolLabel, glyph: Tool['glyph'], pressed?: boolean): Tool => ({
      command,
      label,
      glyph,
      ...(pressed === undefined ? {} : { pressed }),
    });
    const state = this.toolbar;
    const tools: Tool[] = [
      ...(rich
        ? [
            tool('bold', 'composer.bold', html`<b>B</b>`, state.bold),
            tool('italic', 'composer.italic', html`<i>I</i>`, state.italic),
            tool('underline', 'composer.underline', html`<u>U</u>`, state.underline),
            tool('bullets', 'composer.bullets', icon(bulletsIcon), state.bullets),
            tool('numbers', 'composer.numbers', icon(numbersIcon), state.numbers),
            tool('link', 'composer.link', icon(linkIcon)),
            tool('quote', 'composer.quote', icon(quoteIcon), state.quote),
            tool('clear', 'composer.clear', icon(clearFormatIcon)),
          ]
        : []),
      tool('plain', 'composer.plain-text', icon(textIcon), !rich),
    ];
    const focus = Math.min(this.toolFocus, tools.length - 1);
    return html`<div
      part="toolbar"
      role="toolbar"
      aria-label=${this.localize.term('composer.toolbar')}
      aria-controls="body"
      @keydown=${this.onToolbarKeyDown}
    >
      ${tools.map(
        (tool, index) =>
          html`<button
            type="button"
            part="tool"
            class=${tool.command === 'plain' ? 'tool plain' : 'tool'}
            tabindex=${index === focus ? 0 : -1}
            aria-label=${this.localize.term(tool.label)}
            title=${this.localize.term(tool.label)}
            aria-pressed=${tool.pressed === undefined ? nothing : tool.pressed ? 'true' : 'false'}
            ?disabled=${rich && !this.editorReady && tool.command !== 'plain'}
            @mousedown=${(event: Event) => tool.command !== 'plain' && event.preventDefault()}
            @click=${() => {
              this.toolFocus = index;
              if (tool.command === 'plain') void this.togglePlain();
              else if (tool.command === 'link') this.openLinkDialog();
              else this.runTool(tool.command);
            }}
          >
            ${tool.glyph}${tool.command === 'plain' ? html`<span>${this.localize.term(tool.label)}</span>` : nothing}
          </button>`,
      )}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const label = this.localize.term('composer.body');
    if (this.format === 'text') {
      return html`<textarea
        id="body"
        part="body"
        class="body plain"
        aria-label=${label}
        .value=${live(this.bodyText)}
        @input=${(event: Event) => {
          this.bodyText = (event.target as HTMLTextAreaElement).value;
          this.changed();
        }}
      ></textarea>`;
    }
    if (!this.editorReady) {
      return html`<div part="body" class="body" aria-busy="true" aria-label=${label} role="textbox"></div>`;
    }
    return html`<div
      id="body"
      part="body"
      class="body rich"
      contenteditable="true"
      role="textbox"
      aria-multiline="true"
      aria-label=${label}
      spellcheck="true"
      ${ref(this.onEditorElement)}
      @input=${this.onEditorInput}
      @keyup=${this.updateToolbar}
      @mouseup=${this.updateToolbar}
    ></div>`;
  }

  private renderAttachments(): TemplateResult | typeof nothing {
    const shown = this.attachments.filter((item) => !item.inline || item.status !== 'done');
    const error = this.fieldErrors.attachments;
    if (!shown.length && !error) return nothing;
    return html`<div class="attachments-area">
      ${
        shown.length
          ? html`<ul part="attachments" aria-label=${this.localize.term('composer.attachments')}>
              ${shown.map((item) => this.renderAttachment(item))}
            </ul>`
          : nothing
      }
      ${error ? html`<div part="field-error" role="alert">${error}</div>` : nothing}
    </div>`;
  }

  private renderAttachment(item: AttachmentItem): TemplateResult {
    const failed = item.status === 'failed' || item.status === 'too-large';
    const percent = item.size ? Math.min(100, Math.round((item.loaded / item.size) * 100)) : 100;
    const name = item.inline ? `${this.localize.term('composer.inline-image')}: ${item.filename}` : item.filename;
    return html`<li part=${failed ? 'attachment failed' : 'attachment'} data-status=${item.status}>
      <span class="attachment-icon">${icon(paperclipIcon, 14)}</span>
      <span class="attachment-name" title=${item.filename}>${name}</span>
      <span class="attachment-size">${this.localize.bytes(item.size)}</span>
      ${
        item.status === 'uploading'
          ? html`<progress
              part="progress"
              max="100"
              .value=${percent}
              aria-label=${this.localize.term('composer.uploading', item.filename, percent)}
            ></progress>`
          : nothing
      }
      ${failed ? html`<span class="attachment-error">${item.error ?? this.localize.term('composer.upload-failed')}</span>` : nothing}
      ${
        item.status === 'failed' && item.file
          ? html`<button
              type="button"
              class="icon-button"
              aria-label=${this.localize.term('composer.upload-retry', item.filename)}
              title=${this.localize.term('action.retry')}
              @click=${() => void this.upload(item)}
            >
              ${icon(retryIcon, 14)}
            </button>`
          : nothing
      }
      <button
        type="button"
        class="icon-button"
        part="attachment-remove"
        aria-label=${this.localize.term(
          item.status === 'uploading' ? 'composer.upload-cancel' : 'composer.attachment-remove',
          item.filename,
        )}
        title=${
          item.status === 'uploading'
            ? this.localize.term('composer.cancel')
            : this.localize.term('composer.attachment-remove', item.filename)
        }
        @click=${() => this.removeAttachment(item)}
      >
        ${icon(closeIcon, 14)}
      </button>
    </li>`;
  }

  private renderFooter(): TemplateResult {
    return html`<div part="footer">
      <button class="button primary" part="send-button" type="submit">
        ${icon(sendIcon)}<span>${this.localize.term('composer.send')}</span>
      </button>
      <button class="button" part="attach-button" type="button" @click=${this.pickFiles}>
        ${icon(paperclipIcon)}<span>${this.localize.term('composer.attach')}</span>
      </button>
      <input
        type="file"
        multiple
        hidden
        aria-label=${this.localize.term('composer.attach')}
        @change=${this.onFilePicked}
      />
      <span part="status" role="status">${this.renderStatus()}</span>
      <button class="button" part="discard-button" type="button" @click=${this.discard}>
        ${icon(trashIcon)}<span>${this.localize.term('composer.discard')}</span>
      </button>
    </div>`;
  }

  private pickFiles(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  }

  private renderStatus(): string {
    const status = this.saveStatus;
    if (!status) return '';
    const time = new Intl.DateTimeFormat(this.localize.lang, { hour: '2-digit', minute: '2-digit' }).format(status.at);
    switch (status.kind) {
      case 'saving':
        return this.localize.term('composer.saving');
      case 'saved':
        return this.localize.term('composer.saved', time);
      case 'local':
        return this.localize.term('composer.saved-locally', time);
      case 'failed':
        return this.localize.term('composer.save-failed');
    }
  }

  private renderUndo(): TemplateResult {
    const sending = this.phase === 'sending';
    return html`<div part="undo" role="status">
      <span
        >${sending ? this.localize.term('composer.sending') : this.localize.term('composer.send-in', this.countdown)}</span
      >
      ${
        sending
          ? nothing
          : html`<button class="button" part="undo-button" type="button" @click=${this.undoSend}>
              ${this.localize.term('composer.undo')}
            </button>`
      }
    </div>`;
  }

  private renderDialog(): TemplateResult {
    const dialog = this.dialog;
    return html`<dialog
      part="dialog"
      aria-labelledby="dialog-title"
      aria-describedby=${dialog && dialog.kind !== 'link' ? 'dialog-text' : nothing}
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.closeDialog();
      }}
    >
      ${dialog ? this.renderDialogContent(dialog) : nothing}
    </dialog>`;
  }

  private renderDialogContent(dialog: Dialog): TemplateResult {
    const term = this.localize;
    const cancel = (label: string, autofocus = false) =>
      html`<button class="button" type="button" ?data-autofocus=${autofocus} @click=${this.closeDialog}>
        ${label}
      </button>`;
    switch (dialog.kind) {
      case 'discard':
        return html`<h2 id="dialog-title">${term.term('composer.discard-title')}</h2>
          <p id="dialog-text">${term.term('composer.discard-text')}</p>
          <div class="dialog-actions">
            ${cancel(term.term('composer.cancel'), true)}
            <button class="button danger" type="button" @click=${this.confirmDiscard}>
              ${term.term('composer.discard-confirm')}
            </button>
          </div>`;
      case 'plain':
        return html`<h2 id="dialog-title">${term.term('composer.to-plain-title')}</h2>
          <p id="dialog-text">${term.term('composer.to-plain-text')}</p>
          <div class="dialog-actions">
            ${cancel(term.term('composer.cancel'), true)}
            <button class="button primary" type="button" @click=${this.confirmPlain}>
              ${term.term('composer.to-plain-confirm')}
            </button>
          </div>`;
      case 'checks':
        return html`<h2 id="dialog-title">${term.term('composer.check-title')}</h2>
          <ul id="dialog-text" class="warnings">
            ${dialog.warnings.map((warning) => html`<li>${warning}</li>`)}
          </ul>
          <div class="dialog-actions">
            ${cancel(term.term('composer.keep-editing'), true)}
            <button
              class="button primary"
              type="button"
              @click=${() => {
                this.closeDialog();
                this.checksAccepted = true;
                void this.send();
              }}
            >
              ${term.term('composer.send-anyway')}
            </button>
          </div>`;
      case 'link':
        return html`<form @submit=${this.insertLink} novalidate>
          <h2 id="dialog-title">${term.term('composer.link-title')}</h2>
          <label for="link-url">${term.term('composer.link-url')}</label>
          <input
            id="link-url"
            type="url"
            data-autofocus
            .value=${live(dialog.url)}
            placeholder="https://"
            aria-invalid=${dialog.error ? 'true' : 'false'}
            aria-describedby=${dialog.error ? 'link-error' : nothing}
            @input=${(event: Event) =>
              (this.dialog = { ...dialog, url: (event.target as HTMLInputElement).value, error: '' })}
          />
          ${dialog.error ? html`<div id="link-error" part="field-error" role="alert">${dialog.error}</div>` : nothing}
          <label for="link-text">${term.term('composer.link-text')}</label>
          <input
            id="link-text"
            type="text"
            .value=${live(dialog.text)}
            @input=${(event: Event) => (this.dialog = { ...dialog, text: (event.target as HTMLInputElement).value })}
          />
          <div class="dialog-actions">
            ${
              dialog.existing
                ? html`<button class="button" type="button" @click=${this.removeLink}>
                    ${term.term('composer.link-remove')}
                  </button>`
                : nothing
            }
            ${cancel(term.term('composer.cancel'))}
            <button class="button primary" type="submit">${term.term('composer.link-insert')}</button>
          </div>
        </form>`;
    }
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-before-send': CustomEvent<ComposerSendDetail>;
    'mail-sent': CustomEvent<ComposerSentDetail>;
    'mail-draft-saved': CustomEvent<DraftSavedDetail>;
    'mail-discard': CustomEvent<ComposerCloseDetail>;
    'mail-compose-close': CustomEvent<ComposerCloseDetail>;
    'mail-authorize-request': CustomEvent<AuthorizeRequestDetail>;
  }
}
