import { common } from './en/common.js';
import { messageView } from './en/message-view.js';
import { inbox } from './en/inbox.js';
import { composer } from './en/composer.js';
import { links } from './en/links.js';
import { settings } from './en/settings.js';
import { settingsApps } from './en/settings-apps.js';
import { settingsHelp } from './en/settings-help.js';
import { settingsChecks } from './en/settings-checks.js';
import { settingsTest } from './en/settings-test.js';
import { settingsOAuth } from './en/settings-oauth.js';
import { toolbar } from './en/toolbar.js';

/** English strings. The source of truth for the keys: every other language is typed against this table. */
export const en = {
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

export type Translations = typeof en;
export type TranslationKey = keyof Translations;
