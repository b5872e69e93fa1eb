// Registers the strings of this area: English at once, Spanish when first shown in Spanish.
import { messageView } from '../en/message-view.js';
import { defineStrings } from '../localize.js';

defineStrings('message-view', messageView, {
  es: () => import('../es/message-view.js').then((module) => module.messageView),
});
