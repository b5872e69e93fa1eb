// Registers the strings of this area: English at once, Spanish when first shown in Spanish.
import { links } from '../en/links.js';
import { defineStrings } from '../localize.js';

defineStrings('links', links, { es: () => import('../es/links.js').then((module) => module.links) });
