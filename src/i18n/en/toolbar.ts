/** English strings of <mail-toolbar-button>. */
export const toolbar = {
  // <mail-toolbar-button>
  'settings.toolbar.open': 'Mail',
  'settings.toolbar.open-unread': (count: number) => (count === 1 ? 'Mail, 1 unread' : `Mail, ${count} unread`),
  'settings.toolbar.enable': 'Enable mail options',
  'settings.toolbar.enabling': 'Enabling…',
  'settings.toolbar.enable-hint': 'Turns the webmail module on for every user of this application.',
};
