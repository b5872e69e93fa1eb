/** Registers `<mail-folder-tree>` (once, even with two copies of the library) and exports its class. */
import { MailFolderTree } from '../elements/mail-folder-tree/mail-folder-tree.js';

MailFolderTree.define('mail-folder-tree');

export { MailFolderTree };

declare global {
  interface HTMLElementTagNameMap {
    'mail-folder-tree': MailFolderTree;
  }
}
