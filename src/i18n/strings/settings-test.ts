// Registers the strings of this area: English at once, Spanish when first shown in Spanish. The element registers
// them itself when its part loads (`registerPartStrings` in `mail-settings/settings-form.ts`); this module is for a
// page that wants them up front.
import { settingsTest } from '../en/settings-test.js';
import { defineStrings } from '../localize.js';

defineStrings('settings-test', settingsTest, {
  es: () => import('../es/settings-test.js').then((module) => module.settingsTest),
});
