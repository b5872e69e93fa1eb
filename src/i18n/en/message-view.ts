/** Strings of <mail-message-view>. */
export const messageView = {
  'message.label': 'Message',
  'message.empty': 'Select a message to read it.',
  'message.from': 'From',
  'message.to': 'To',
  'message.cc': 'Cc',
  'message.bcc': 'Bcc',
  'message.reply-to': 'Reply to',
  'message.date': 'Date',
  'message.details-show': 'Show details',
  'message.details-hide': 'Hide details',
  'message.actions': 'Message actions',
  'message.reply': 'Reply',
  'message.reply-all': 'Reply all',
  'message.forward': 'Forward',
  'message.print': 'Print',
  'message.source': 'Download source (.eml)',
  'message.link': 'Link to record',
  'message.linked-to': 'Linked to',
  'message.unlink': 'Unlink',
  'message.unlinked': (title: string) => `Unlinked from ${title}.`,
  'message.body': 'Message body',
  'message.attachments': (count: number) => (count === 1 ? '1 attachment' : `${count} attachments`),
  /** On the icon of a file of no known kind and no extension: at most five capitals, to fit the icon. */
  'message.file-kind': 'FILE',
  'message.download': (name: string) => `Download ${name}`,
  'message.remote-blocked': (count: number) =>
    count === 1
      ? '1 remote item was blocked to protect your privacy.'
      : `${count} remote items were blocked to protect your privacy.`,
  'message.remote-allow-once': 'Show once',
  'message.remote-allow-always': (sender: string) => `Always show from ${sender}`,
  'message.remote-allowed': (sender: string) => `Remote content is always shown for mail from ${sender}.`,
  'message.remote-revoke': 'Stop showing',
  'message.quoted': (lines: number) => (lines === 1 ? 'Quoted text (1 line)' : `Quoted text (${lines} lines)`),
  'message.clipped': (size: string) => `This message is large (${size}): only its first part is shown.`,
  'message.show-whole': 'Show the entire message',
};
