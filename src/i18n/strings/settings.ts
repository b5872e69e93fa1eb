// Registers the strings of this area: English at once, Spanish when first shown in Spanish.
import { settings } from '../en/settings.js';
import { defineStrings } from '../localize.js';

defineStrings('settings', settings, { es: () => import('../es/settings.js').then((module) => module.settings) });
