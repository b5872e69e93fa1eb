import type { Translations } from './en.js';
import { inbox } from './es/inbox.js';
import { common } from './es/common.js';
import { messageView } from './es/message-view.js';
import { composer } from './es/composer.js';
import { links } from './es/links.js';
import { settings } from './es/settings.js';
import { settingsApps } from './es/settings-apps.js';
import { settingsHelp } from './es/settings-help.js';
import { settingsChecks } from './es/settings-checks.js';
import { settingsTest } from './es/settings-test.js';
import { settingsOAuth } from './es/settings-oauth.js';
import { toolbar } from './es/toolbar.js';

export const es: Translations = {
  ...common,
  ...settings,
  ...settingsApps,
  ...settingsHelp,
  ...settingsChecks,
  ...settingsTest,
  ...settingsOAuth,
  ...toolbar,
  ...inbox,
  ...composer,
  ...links,
  ...messageView,
};
