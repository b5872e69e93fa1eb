// Registers the strings of this area: English at once, Spanish when first shown in Spanish.
import { composer } from '../en/composer.js';
import { defineStrings } from '../localize.js';

defineStrings('composer', composer, { es: () => import('../es/composer.js').then((module) => module.composer) });
