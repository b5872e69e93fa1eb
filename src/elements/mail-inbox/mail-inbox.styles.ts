import { css } from 'lit';

// The panes are size containers: a narrow list pane (under 36rem) leaves its room to the search box, Compose showing
// only its icon, its name kept for assistive technology. (A comment inside the template would ship with the bundle.)
export const inboxStyles = css`
  :host {
    display: block;
    height: var(--mail-inbox-height, 100%);
    min-height: 0;
    background: var(--_bg);
    overflow: hidden;
  }
  .layout {
    display: grid;
    height: 100%;
    grid-template-columns:
      var(--_tree-width, var(--mail-inbox-folders-width, 232px)) 5px
      var(--_list-width, var(--mail-inbox-list-width, 420px)) 5px minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
  }
  .layout[data-layout='single'] {
    grid-template-columns: minmax(0, 1fr);
  }
  .layout[data-layout='single'] > .folders,
  .layout[data-layout='single'] > .list-pane,
  .layout[data-layout='single'] > .reader {
    display: none;
  }
  .layout[data-layout='single'][data-pane='folders'] > .folders,
  .layout[data-layout='single'][data-pane='list'] > .list-pane,
  .layout[data-layout='single'][data-pane='reader'] > .reader {
    display: flex;
  }
  .folders,
  .list-pane,
  .reader {
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
    container-type: inline-size;
  }
  .folders {
    background: var(--_surface);
  }
  mail-folder-tree {
    flex: 1;
    min-height: 0;
  }
  mail-message-list {
    flex: 1;
    min-height: 0;
  }
  .splitter {
    position: relative;
    cursor: col-resize;
    background: var(--_border);
    background-clip: content-box;
    padding-inline: 2px;
    touch-action: none;
  }
  .splitter:hover,
  .splitter:focus-visible {
    background: var(--_accent);
    background-clip: content-box;
    padding-inline: 1px;
    outline: none;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.5rem var(--_space);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .search {
    flex: 1;
    min-width: 12rem;
    display: flex;
    align-items: center;
    gap: 0.125rem;
    padding-inline-start: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
  }
  .search:focus-within {
    border-color: var(--_focus);
    box-shadow: 0 0 0 1px var(--_focus);
  }
  .search-icon {
    display: inline-grid;
    color: var(--_text-muted);
  }
  .search-input {
    flex: 1;
    min-width: 0;
    height: 2.25rem;
    padding: 0 0.375rem;
    border: 0;
    background: transparent;
    color: var(--_text);
    font: inherit;
    outline: none;
  }
  .search-input::-webkit-search-cancel-button {
    display: none;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .icon-button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    color: var(--_text);
  }
  .icon-button:disabled {
    opacity: 0.35;
    cursor: default;
  }
  .icon-button[aria-pressed='true'],
  .icon-button[aria-expanded='true'] {
    background: var(--_accent-soft);
    color: var(--_accent);
  }
  .compose {
    flex: none;
    border-radius: 999px;
    font-weight: 600;
  }
  @container (width < 36rem) {
    .compose span {
      position: absolute;
      clip-path: inset(50%);
    }
  }
  #search-error {
    margin: 0;
    padding: 0.375rem 1rem;
    color: var(--_danger);
  }
  .filters {
    display: grid;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .reader {
    background: var(--_bg);
  }
  .reader-toolbar {
    display: flex;
    align-items: center;
    gap: 0.125rem;
    min-height: 3.25rem;
    padding: 0.25rem var(--_space);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .position {
    margin-inline-start: auto;
    padding-inline: var(--_space);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  mail-message-view {
    flex: 1;
    min-height: 0;
    overflow: auto;
  }
  .reader-empty {
    flex: 1;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: var(--_space);
    color: var(--_text-muted);
    text-align: center;
    padding: calc(var(--_space) * 4);
  }
  .conversation {
    list-style: none;
    margin: 0;
    padding: 0.25rem 0;
    max-height: 30%;
    overflow: auto;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .conversation button {
    display: grid;
    grid-template-columns: minmax(6rem, 12rem) minmax(0, 1fr) auto;
    gap: var(--_space);
    width: 100%;
    padding: 0.375rem calc(var(--_space) * 1.5);
    border: 0;
    background: transparent;
    text-align: start;
    cursor: pointer;
  }
  .conversation button:hover {
    background: color-mix(in srgb, var(--_text) 6%, transparent);
  }
  .conversation button[aria-current='true'] {
    background: var(--_accent-soft);
  }
  .conversation .unread .who {
    font-weight: 650;
  }
  .conversation .who,
  .conversation .snippet {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .conversation .snippet,
  .conversation time {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  dialog {
    max-width: min(44rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 25%);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 35%);
  }
  .composer-dialog {
    width: min(48rem, calc(100vw - 2rem));
  }
  .help-dialog {
    width: min(44rem, calc(100vw - 2rem));
  }
  .dialog-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) var(--_space) var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
  }
  .dialog-head h2 {
    margin: 0;
    font-size: 1rem;
  }
  .dialog-head form {
    margin: 0;
  }
  .missing,
  .part-loading {
    padding: calc(var(--_space) * 3);
    color: var(--_text-muted);
  }
`;
