// Registers the strings of this area: English at once, Spanish when first shown in Spanish.
import { inbox } from '../en/inbox.js';
import { defineStrings } from '../localize.js';

defineStrings('inbox', inbox, { es: () => import('../es/inbox.js').then((module) => module.inbox) });
