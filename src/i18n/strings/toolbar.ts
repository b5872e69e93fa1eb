// Registers the strings of this area: English at once, Spanish when first shown in Spanish.
import { toolbar } from '../en/toolbar.js';
import { defineStrings } from '../localize.js';

defineStrings('toolbar', toolbar, { es: () => import('../es/toolbar.js').then((module) => module.toolbar) });
