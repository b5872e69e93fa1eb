// Registers the strings of this area: English at once, Spanish when first shown in Spanish. The element registers
// them itself when its part loads (`registerPartStrings` in `mail-settings/settings-form.ts`); this module is for a
// page that wants them up front.
import { settingsChecks } from '../en/settings-checks.js';
import { defineStrings } from '../localize.js';

defineStrings('settings-checks', settingsChecks, {
  es: () => import('../es/settings-checks.js').then((module) => module.settingsChecks),
});
