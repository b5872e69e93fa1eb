import { common } from './en/common.js';
import { messageView } from './en/message-view.js';
import { inbox } from './en/inbox.js';
import { composer } from './en/composer.js';
import { links } from './en/links.js';
import { settings } from './en/settings.js';
import { settingsApps } from './en/settings-apps.js';
import { settingsHelp } from './en/settings-help.js';
import { toolbar } from './en/toolbar.js';

/** English strings. The source of truth for the keys: every other language is typed against this table. */
export const en = {
  ...common,
  ...settings,
  ...settingsApps,
  ...settingsHelp,
  ...toolbar,
  ...inbox,
  ...composer,
  ...links,
  ...messageView,
};

export type Translations = typeof en;
export type TranslationKey = keyof Translations;
