import { common } from './en/common.js';
import { messageView } from './en/message-view.js';
import { inbox } from './en/inbox.js';
import { composer } from './en/composer.js';
import { links } from './en/links.js';
import { settings } from './en/settings.js';

/** English strings. The source of truth for the keys: every other language is typed against this table. */
export const en = {
  ...common,
  ...settings,
  ...inbox,
  ...composer,
  ...links,
  ...messageView,
};

export type Translations = typeof en;
export type TranslationKey = keyof Translations;
