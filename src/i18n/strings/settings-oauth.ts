// Registers the strings of this area: English at once, Spanish when first shown in Spanish. The element registers
// them itself when its part loads (`registerPartStrings` in `mail-settings/settings-form.ts`); this module is for a
// page that wants them up front.
import { settingsOAuth } from '../en/settings-oauth.js';
import { defineStrings } from '../localize.js';

defineStrings('settings-oauth', settingsOAuth, {
  es: () => import('../es/settings-oauth.js').then((module) => module.settingsOAuth),
});
