import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { FOLDER_ROLES, MailError, type Folder } from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import { icon } from '../base/icons.js';
import { folderTreeStyles } from './mail-folder-tree.styles.js';

/** Detail of `mail-folder-select`. */
export interface FolderSelectDetail {
  folder: Folder;
}

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

/**
 * @tagname mail-folder-tree
 * @summary The folder tree: role folders first (Inbox, Drafts, Sent, Archive, Junk, Trash), then custom folders
 * nested, with unread counts. An ARIA tree, usable by keyboard.
 *
 * @event mail-folder-select - A folder was chosen. `detail.folder` is the folder.
 * @event mail-error - Loading the folders failed.
 *
 * @csspart tree - The tree list.
 * @csspart folder - One folder row (also `folder selected` when selected).
 * @csspart folder-name - A folder's name.
 * @csspart unread-count - The unread badge.
 * @csspart error - The error message region.
 * @csspart retry-button - The error's retry button.
 */
export class MailFolderTree extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, folderTreeStyles];

  /** The id of the selected folder. */
  @property({ reflect: true })
  selected = '';

  @state() private collapsed = new Set<string>();
  @state() private focusedId = '';
  @state() private revision = 0;

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

  protected override render() {
    return this.folders.render({
      pending: () => (this.folders.value ? this.renderTree(this.folders.value) : this.renderSkeleton()),
      complete: (folders) => this.renderTree(folders),
      error: (error) => renderError(this.localize, MailError.from(error), () => this.refresh()),
    });
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
    const name = folder.role ? this.localize.term(`role.${folder.role}`) : folder.name;
    return html`<li
        part=${selected ? 'folder selected' : 'folder'}
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
      >
        <span class="toggle" aria-hidden="true">${children.length ? icon('chevron', 14) : nothing}</span>
        <span part="folder-name" title=${folder.path}>${name}</span>
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
  }
}
