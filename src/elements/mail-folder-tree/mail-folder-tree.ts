import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Folder, MailboxChange } from '../../core/index.js';
import { FOLDER_ROLES } from '../../core/constants.js';
import { MailError } from '../../core/mail-error.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError, renderPartState } from '../base/error-view.js';
import { chevronIcon, composeIcon, folderPlusIcon, icon, trashIcon, type IconDefinition } from '../base/icons.js';
import { LazyModule } from '../base/lazy-module.js';
import { LiveController } from '../base/live.js';
import { MESSAGE_DRAG_TYPE, readDragPayload } from '../mail-message-list/drag.js';
import { folderTreeStyles } from './mail-folder-tree.styles.js';
import type * as FolderForms from './folder-forms.js';
import '../../i18n/strings/inbox.js';

/** Detail of `mail-folder-select`. */
export interface FolderSelectDetail {
  folder: Folder;
}

/** Detail of `mail-folder-drop`: message rows were dropped on a folder. */
export interface FolderDropDetail {
  /** The folder they were dropped on. */
  folder: Folder;
  ids: string[];
  /** The folder they came from. */
  sourceFolderId: string;
}

/** An edit in progress: a new folder (with its parent) or a rename, or a delete waiting for confirmation. */
export type Editing =
  { kind: 'create'; parentId: string | null } | { kind: 'rename'; folder: Folder } | { kind: 'delete'; folder: Folder };

interface FolderNode {
  folder: Folder;
  level: number;
  children: FolderNode[];
}

const ROLE_ORDER = new Map(['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash'].map((role, index) => [role, index]));

/** Role folders first in the usual order, then custom folders by name, each with its children nested. */
export function buildFolderTree(folders: readonly Folder[]): FolderNode[] {
  const byParent = new Map<string | null, Folder[]>();
  const ids = new Set(folders.map((folder) => folder.id));
  for (const folder of folders) {
    const parent = folder.parentId && ids.has(folder.parentId) ? folder.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), folder]);
  }
  const rank = (folder: Folder) => (folder.role ? (ROLE_ORDER.get(folder.role) ?? FOLDER_ROLES.length) : 100);
  const build = (parent: string | null, level: number): FolderNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
      .map((folder) => ({ folder, level, children: build(folder.id, level + 1) }));
  return build(null, 0);
}

/** Mail can be moved into `folder`: it holds messages and is not Drafts (moving mail into Drafts means nothing). */
function acceptsMoves(folder: Folder): boolean {
  return folder.selectable && folder.role !== 'drafts';
}

/**
 * @tagname mail-folder-tree
 * @summary The folder tree: role folders first (Inbox, Drafts, Sent, Archive, Junk, Trash), then custom folders
 * nested, with unread counts. An ARIA tree, usable by keyboard.
 *
 * Create, rename and delete custom folders from the actions above the tree (or F2 to rename and Delete to delete the
 * focused folder). Drop message rows from `<mail-message-list>` on a folder to move them. Counts follow live updates.
 *
 * @event mail-folder-select - A folder was chosen. `detail.folder` is the folder.
 * @event mail-folder-drop - Messages were dropped on a folder; cancelable. When not cancelled, the tree moves them
 * itself. `detail`: `folder`, `ids`, `sourceFolderId`.
 * @event mail-error - Loading the folders, or a folder change or move, failed.
 *
 * @csspart actions - The folder actions toolbar (new, rename, delete); each button is `action`.
 * @csspart form - The name form for a new or renamed folder.
 * @csspart name-input - Its text field.
 * @csspart name-error - Why the name cannot be used (a folder of that name is already at that level).
 * @csspart confirm - The delete confirmation.
 * @csspart action-error - The message shown when a folder change failed.
 * @csspart loading - Stands in for the name form or the confirmation while it loads (the first time only).
 * @csspart tree - The tree list.
 * @csspart folder - One folder row (also `selected` when selected, `drop-target` while rows are dragged over it).
 * @csspart folder-name - A folder's name.
 * @csspart unread-count - The unread badge.
 * @csspart error - The error message region.
 * @csspart retry-button - The error's retry button.
 *
 * @cssproperty --mail-item-height - The height of a folder row and of the action buttons (default `2rem × density`).
 * @cssproperty --mail-density - Scales the rows, the actions bar and the name form: `0.75` compact, `1` default.
 */
export class MailFolderTree extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, folderTreeStyles];

  /** The id of the selected folder. */
  @property({ reflect: true })
  selected = '';

  /** No folder changes: no create, rename, delete or drop. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  @state() private collapsed = new Set<string>();
  @state() private focusedId = '';
  @state() private revision = 0;
  @state() private editing: Editing | undefined = undefined;
  @state() private working = false;
  @state() private actionError: MailError | undefined = undefined;
  /** Why the name in the form cannot be used (a folder of that name is already there). */
  @state() private nameError = '';
  @state() private dropTarget = '';
  @state() private announcement = '';

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /** Imports the name form and the delete confirmation; replaceable, for tests that make it fail. */
  private importForms = (): Promise<typeof FolderForms> => import('./folder-forms.js');

  /** The name form and the delete confirmation: loaded when a change is first started, or the actions pointed at. */
  private readonly forms = new LazyModule<typeof FolderForms>(this, () => this.importForms(), {
    onError: (error) => void this.reportError(error, 'loadPart'),
  });

  private readonly live = new LiveController(
    this,
    () => this.activeBackend,
    (change) => this.onChange(change),
  );

  private readonly folders = new Task(this, {
    task: async ([backend], { signal }) => {
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        return (await backend.listFolders({}, { signal })).items;
      } catch (error) {
        throw this.reportError(error, 'listFolders');
      }
    },
    args: () => [this.activeBackend, this.revision] as const,
  });

  /** Loads the folders again (after counts change). */
  refresh(): void {
    this.revision++;
  }

  /** The folders as last loaded, flat. */
  get folderList(): readonly Folder[] {
    return this.folders.value ?? [];
  }

  /** Opens the form for a new folder (inside `parentId`, or at the top level). */
  startCreate(parentId: string | null = null): void {
    if (this.readonly) return;
    this.actionError = undefined;
    this.nameError = '';
    this.editing = { kind: 'create', parentId };
    void this.focusForm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.refreshTimer);
  }

  /** Also waits for the forms while they load, so that a started change shows its form. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.forms.settled;
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.live.sync();
  }

  protected override render() {
    const body = this.folders.render({
      pending: () => (this.folders.value ? this.renderTree(this.folders.value) : this.renderSkeleton()),
      complete: (folders) => this.renderTree(folders),
      error: (error) => renderError(this.localize, MailError.from(error), () => this.refresh()),
    });
    return html`${this.readonly ? nothing : this.renderActions()}${this.renderEditing()}${
        this.actionError
          ? html`<div part="action-error" role="alert">
              ${this.localize.term(`error.${this.actionError.code}`)}${
                this.actionError.code === 'validation' && this.actionError.issues[0]
                  ? html` ${this.actionError.issues[0].message}`
                  : nothing
              }
            </div>`
          : nothing
      }${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  /** The folder the actions above the tree apply to: always the highlighted (selected) one. */
  private selectedFolder(): Folder | undefined {
    return this.folders.value?.find((folder) => folder.id === this.selected);
  }

  /** The folders under `id`, at any depth. */
  private descendants(id: string): Folder[] {
    const children = (this.folders.value ?? []).filter((folder) => folder.parentId === id);
    return children.flatMap((child) => [child, ...this.descendants(child.id)]);
  }

  private renderActions(): TemplateResult {
    const folder = this.selectedFolder();
    const editable = !!folder && !folder.role;
    const term = this.localize.term.bind(this.localize);
    const button = (name: string, label: string, glyph: IconDefinition, on: () => void, ok = true) =>
      html`<button
        class="icon-button"
        part="action action-${name}"
        type="button"
        title=${label}
        aria-label=${label}
        ?disabled=${!ok || this.working || !this.folders.value}
        @click=${on}
      >
        ${icon(glyph)}
      </button>`;
    return html`<div
      part="actions"
      role="toolbar"
      aria-label=${term('tree.actions')}
      @pointerenter=${this.preloadForms}
      @focusin=${this.preloadForms}
    >
      <span class="title">${term('folders.label')}</span>
      ${button('create', term('tree.new'), folderPlusIcon, () =>
        this.startCreate(folder && !folder.role ? folder.id : null),
      )}
      ${button('rename', term('tree.rename'), composeIcon, () => folder && this.startRename(folder), editable)}
      ${button('delete', term('tree.delete'), trashIcon, () => folder && this.startDelete(folder), editable)}
    </div>`;
  }

  private renderEditing(): TemplateResult | typeof nothing {
    const editing = this.editing;
    if (!editing) return nothing;
    const forms = this.forms;
    if (!forms.value) return renderPartState(this.localize, forms);
    const subfolders = editing.kind === 'delete' ? this.descendants(editing.folder.id) : [];
    const doomed = editing.kind === 'delete' ? [editing.folder, ...subfolders] : [];
    return forms.value.renderFolderForm({
      localize: this.localize,
      editing,
      parents: (this.folders.value ?? []).filter((folder) => folder.selectable || !folder.role),
      subfolders: subfolders.length,
      messages: doomed.reduce((sum, folder) => sum + folder.total, 0),
      nameError: this.nameError,
      working: this.working,
      onNameInput: () => (this.nameError = ''),
      onSubmit: (event) => void this.onSubmit(event),
      onCancel: () => this.cancelEdit(),
      onConfirmDelete: () => void this.confirmDelete(),
    });
  }

  private readonly preloadForms = (): void => {
    if (!this.forms.error) void this.forms.request();
  };

  private startRename(folder: Folder): void {
    if (this.readonly || folder.role) return;
    this.actionError = undefined;
    this.nameError = '';
    this.editing = { kind: 'rename', folder };
    void this.focusForm();
  }

  private startDelete(folder: Folder): void {
    if (this.readonly || folder.role) return;
    this.actionError = undefined;
    this.editing = { kind: 'delete', folder };
    void this.focusForm();
  }

  /** Loads the forms (again, after a failure: starting a change is a retry) and focuses the field or the button. */
  private async focusForm(): Promise<void> {
    void this.forms.retry();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="name-input"], [part="confirm"] .button')?.focus();
  }

  private cancelEdit(): void {
    const id = this.focusedId || this.selected;
    this.editing = undefined;
    if (id) void this.focusFolder(id);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    const backend = this.activeBackend;
    if (!editing || editing.kind === 'delete' || !backend) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    if (!name) return;
    const parentId =
      editing.kind === 'create' ? String(data.get('parent') ?? '') || null : (editing.folder.parentId ?? null);
    if (this.nameTaken(name, parentId, editing.kind === 'rename' ? editing.folder.id : undefined)) {
      this.nameError = this.localize.term('tree.name-taken', name);
      this.renderRoot.querySelector<HTMLElement>('[part="name-input"]')?.focus();
      return;
    }
    this.working = true;
    this.actionError = undefined;
    try {
      if (editing.kind === 'create') {
        const created = await backend.createFolder({ name, parentId });
        // The selection stays where it was (the actions keep acting on it); the new folder is shown and focused.
        if (parentId) this.toggle(parentId, true);
        this.focusedId = created.id;
        this.announce(this.localize.term('tree.created', created.name));
      } else {
        const renamed = await backend.renameFolder({ folderId: editing.folder.id, name });
        if (this.selected === editing.folder.id) this.selected = renamed.id;
        this.focusedId = renamed.id;
        this.announce(this.localize.term('tree.renamed', renamed.name));
      }
      this.editing = undefined;
      this.refresh();
      await this.updateComplete;
      await this.folders.taskComplete.catch(() => undefined);
      void this.focusFolder(this.focusedId);
    } catch (error) {
      this.actionError = this.reportError(error, editing.kind === 'create' ? 'createFolder' : 'renameFolder');
    } finally {
      this.working = false;
    }
  }

  /** A folder other than `except` is already called `name` (in any case) at the level of `parentId`. */
  private nameTaken(name: string, parentId: string | null, except?: string): boolean {
    const lower = name.toLocaleLowerCase();
    return (this.folders.value ?? []).some(
      (folder) =>
        (folder.parentId ?? null) === parentId && folder.id !== except && folder.name.toLocaleLowerCase() === lower,
    );
  }

  private async confirmDelete(): Promise<void> {
    const editing = this.editing;
    const backend = this.activeBackend;
    if (editing?.kind !== 'delete' || !backend) return;
    this.working = true;
    this.actionError = undefined;
    try {
      await backend.deleteFolder({ folderId: editing.folder.id });
      this.editing = undefined;
      this.announce(this.localize.term('tree.deleted', editing.folder.name));
      const wasSelected = this.selected === editing.folder.id || this.isInside(editing.folder.id, this.selected);
      this.focusedId = '';
      this.refresh();
      const inbox = this.folders.value?.find((folder) => folder.role === 'inbox');
      if (wasSelected && inbox) this.select(inbox);
    } catch (error) {
      this.actionError = this.reportError(error, 'deleteFolder');
    } finally {
      this.working = false;
    }
  }

  private isInside(ancestorId: string, id: string): boolean {
    const byId = new Map((this.folders.value ?? []).map((folder) => [folder.id, folder]));
    for (let folder = byId.get(id); folder; folder = folder.parentId ? byId.get(folder.parentId) : undefined) {
      if (folder.parentId === ancestorId) return true;
    }
    return false;
  }

  private announce(text: string): void {
    this.announcement = text === this.announcement ? `${text}\u200b` : text;
  }

  private onChange(change: MailboxChange): void {
    if (change.type === 'message-updated' || change.type === 'message-added' || change.type === 'message-removed') {
      // Counts change with every flag and move: one reload for a burst of changes.
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => this.refresh(), 150);
    } else {
      this.refresh();
    }
  }

  private onDragOver(event: DragEvent, folder: Folder): void {
    if (this.readonly || !acceptsMoves(folder) || !event.dataTransfer?.types.includes(MESSAGE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    this.dropTarget = folder.id;
  }

  private onDragLeave(event: DragEvent, folder: Folder): void {
    const to = event.relatedTarget as Node | null;
    if (this.dropTarget === folder.id && !(to && (event.currentTarget as Node).contains(to))) this.dropTarget = '';
  }

  private async onDrop(event: DragEvent, folder: Folder): Promise<void> {
    this.dropTarget = '';
    const payload = readDragPayload(event.dataTransfer);
    if (!payload || this.readonly || !acceptsMoves(folder)) return;
    event.preventDefault();
    event.stopPropagation();
    if (payload.folderId === folder.id) return;
    const detail: FolderDropDetail = { folder, ids: payload.ids, sourceFolderId: payload.folderId };
    if (!this.emit('mail-folder-drop', detail, { cancelable: true })) return;
    const backend = this.activeBackend;
    if (!backend) return;
    try {
      await backend.moveMessages({ ids: payload.ids, folderId: folder.id });
      this.announce(this.localize.term('tree.moved', payload.ids.length, this.displayName(folder)));
      this.refresh();
    } catch (error) {
      this.actionError = this.reportError(error, 'moveMessages');
    }
  }

  private displayName(folder: Folder): string {
    return folder.role ? this.localize.term(`role.${folder.role}`) : folder.name;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div aria-busy="true" aria-label=${this.localize.term('state.loading')} role="status">
      ${[70, 55, 60, 50, 65, 45].map((width) => html`<div class="skeleton" style="width:${width}%"></div>`)}
    </div>`;
  }

  private renderTree(folders: Folder[]): TemplateResult {
    if (!folders.length) return html`<div part="empty">${this.localize.term('folders.empty')}</div>`;
    const tree = buildFolderTree(folders);
    const visible = this.visibleNodes(tree);
    const focusId = visible.some((node) => node.folder.id === this.focusedId)
      ? this.focusedId
      : (visible.find((node) => node.folder.id === this.selected) ?? visible[0])?.folder.id;
    return html`<ul part="tree" role="tree" aria-label=${this.localize.term('folders.label')}>
      ${tree.map((node) => this.renderNode(node, focusId))}
    </ul>`;
  }

  private renderNode(node: FolderNode, focusId: string | undefined): TemplateResult {
    const { folder, level, children } = node;
    const expanded = children.length ? !this.collapsed.has(folder.id) : undefined;
    const selected = folder.id === this.selected;
    const name = this.displayName(folder);
    const parts = ['folder', selected && 'selected', this.dropTarget === folder.id && 'drop-target'].filter(Boolean);
    return html`<li
        part=${parts.join(' ')}
        role="treeitem"
        data-id=${folder.id}
        style="--level:${level}"
        aria-level=${level + 1}
        aria-selected=${selected ? 'true' : 'false'}
        aria-expanded=${expanded === undefined ? nothing : String(expanded)}
        aria-disabled=${folder.selectable ? nothing : 'true'}
        aria-label=${folder.unread ? `${name}, ${this.localize.term('folders.unread', folder.unread)}` : name}
        tabindex=${folder.id === focusId ? 0 : -1}
        @click=${(event: Event) => this.onClick(event, node)}
        @keydown=${this.onKeyDown}
        @dragover=${(event: DragEvent) => this.onDragOver(event, folder)}
        @dragleave=${(event: DragEvent) => this.onDragLeave(event, folder)}
        @drop=${(event: DragEvent) => this.onDrop(event, folder)}
      >
        <span class="toggle" aria-hidden="true">${children.length ? icon(chevronIcon, 14) : nothing}</span>
        <span part="folder-name" dir="auto" title=${folder.path}>${name}</span>
        ${
          folder.unread
            ? html`<span part="unread-count" aria-hidden="true">${this.localize.number(folder.unread)}</span>`
            : nothing
        }
      </li>
      ${
        children.length && expanded
          ? html`<ul role="group">
              ${children.map((child) => this.renderNode(child, focusId))}
            </ul>`
          : nothing
      }`;
  }

  private visibleNodes(tree: FolderNode[]): FolderNode[] {
    return tree.flatMap((node) => [
      node,
      ...(node.children.length && !this.collapsed.has(node.folder.id) ? this.visibleNodes(node.children) : []),
    ]);
  }

  private onClick(event: Event, node: FolderNode): void {
    event.stopPropagation();
    this.focusedId = node.folder.id;
    if (node.folder.selectable) this.select(node.folder);
    else if (node.children.length) this.toggle(node.folder.id);
  }

  private select(folder: Folder): void {
    if (!folder.selectable) return;
    this.selected = folder.id;
    this.emit('mail-folder-select', { folder });
  }

  private toggle(id: string, expand?: boolean): void {
    const collapsed = new Set(this.collapsed);
    if (expand ?? collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
    this.collapsed = collapsed;
  }

  /** WAI-ARIA tree keys: arrows move and open or close, Home and End jump, Enter and Space select. */
  private onKeyDown(event: KeyboardEvent): void {
    event.stopPropagation();
    const folders = this.folders.value;
    if (!folders) return;
    const visible = this.visibleNodes(buildFolderTree(folders));
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.id;
    const index = visible.findIndex((node) => node.folder.id === current);
    const node = visible[index];
    if (!node) return;
    const rtl = this.localize.dir === 'rtl';
    const key =
      rtl && event.key === 'ArrowLeft' ? 'ArrowRight' : rtl && event.key === 'ArrowRight' ? 'ArrowLeft' : event.key;
    let target: FolderNode | undefined;
    switch (key) {
      case 'ArrowDown':
        target = visible[index + 1];
        break;
      case 'ArrowUp':
        target = visible[index - 1];
        break;
      case 'Home':
        target = visible[0];
        break;
      case 'End':
        target = visible[visible.length - 1];
        break;
      case 'ArrowRight':
        if (node.children.length && this.collapsed.has(node.folder.id)) this.toggle(node.folder.id, true);
        else target = node.children[0];
        break;
      case 'ArrowLeft':
        if (node.children.length && !this.collapsed.has(node.folder.id)) this.toggle(node.folder.id, false);
        else target = visible.find((candidate) => candidate.folder.id === node.folder.parentId);
        break;
      case 'Enter':
      case ' ':
        this.select(node.folder);
        break;
      case 'F2':
        this.startRename(node.folder);
        break;
      case 'Delete':
        this.startDelete(node.folder);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (target) this.focusFolder(target.folder.id);
  }

  private async focusFolder(id: string): Promise<void> {
    this.focusedId = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[role="treeitem"][data-id="${CSS.escape(id)}"]`)?.focus();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-folder-select': CustomEvent<FolderSelectDetail>;
    'mail-folder-drop': CustomEvent<FolderDropDetail>;
  }
}
