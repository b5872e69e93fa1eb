// Registers the strings of this area: English at once, Spanish when first shown in Spanish.
import { settingsApps } from '../en/settings-apps.js';
import { defineStrings } from '../localize.js';

defineStrings('settings-apps', settingsApps, {
  es: () => import('../es/settings-apps.js').then((module) => module.settingsApps),
});
