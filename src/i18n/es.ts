import type { Translations } from './en.js';
import { inbox } from './es/inbox.js';
import { common } from './es/common.js';
import { messageView } from './es/message-view.js';
import { composer } from './es/composer.js';
import { links } from './es/links.js';
import { settings } from './es/settings.js';

export const es: Translations = {
  ...common,
  ...settings,
  ...inbox,
  ...composer,
  ...links,
  ...messageView,
};
