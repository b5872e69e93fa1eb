// Registers the help texts shown on demand. Elements import this module dynamically when the help is first
// shown, so English arrives then too; Spanish when first shown in Spanish.
import { settingsHelp } from '../en/settings-help.js';
import { defineStrings } from '../localize.js';

defineStrings('settings-help', settingsHelp, {
  es: () => import('../es/settings-help.js').then((module) => module.settingsHelp),
});
