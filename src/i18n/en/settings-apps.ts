/** English strings of the OAuth app registration and the application settings: <mail-account-endpoint>,
 * <mail-app-settings> and <mail-oauth-callback>. */
export const settingsApps = {
  'settings.copy.button': 'Copy',
  'settings.copy.done': 'Copied to the clipboard.',
  'settings.copy.failed': 'Could not copy: select the text and copy it by hand.',
  'settings.copy.redirect': 'Copy the redirect URL',
  'settings.copy.scopes': 'Copy the permissions',
  // <mail-app-settings>
  'settings.app.title': 'Application address',
  'settings.app.intro':
    'Microsoft and Google send users back to this application after they sign in. The redirect URL is built from this address.',
  'settings.app.base-url': 'Application base URL',
  'settings.app.base-url-hint': (origin: string) =>
    `The public address of this application. Leave it empty to use this page’s address (${origin}).`,
  'settings.app.redirect-path': 'Redirect page path',
  'settings.app.redirect-path-hint':
    'The page that hosts <mail-oauth-callback>; change it only if your server uses another one.',
  'settings.app.redirect-url': 'Redirect URL',
  // <mail-account-endpoint>
  'settings.endpoint.title-microsoft': 'Microsoft 365 OAuth app',
  'settings.endpoint.title-google': 'Google OAuth app',
  'settings.endpoint.intro-microsoft':
    'Register this application in Microsoft Entra ID so that Microsoft 365 mailboxes sign in with OAuth 2.0 instead of a password.',
  'settings.endpoint.intro-google':
    'Register this application in Google Cloud so that Gmail and Google Workspace mailboxes sign in with OAuth 2.0.',
  'settings.endpoint.default-name-microsoft': 'Microsoft 365',
  'settings.endpoint.default-name-google': 'Google',
  'settings.endpoint.app-legend': 'App registration',
  'settings.endpoint.name': 'Name',
  'settings.endpoint.name-hint': 'For administrators, to tell apps apart.',
  'settings.endpoint.client-id-microsoft': 'Application (client) ID',
  'settings.endpoint.client-id-google': 'Client ID',
  'settings.endpoint.tenant-id': 'Directory (tenant) ID',
  'settings.endpoint.tenant-hint':
    'The GUID from the app’s Overview page; or organizations (any work account), common (work and personal) or consumers.',
  'settings.endpoint.secret': 'Client secret',
  'settings.endpoint.secret-new': 'New client secret',
  'settings.endpoint.secret-set': 'A client secret is saved.',
  'settings.endpoint.secret-change': 'Change secret',
  'settings.endpoint.secret-keep': 'Keep the saved one',
  'settings.endpoint.secret-write-only': 'For your security the saved secret is never shown.',
  'settings.endpoint.secret-hint-microsoft':
    'The secret’s Value (not its Secret ID), shown once when you create it under Certificates & secrets.',
  'settings.endpoint.secret-hint-google': 'From the OAuth client’s page, or imported from its JSON file.',
  'settings.endpoint.redirect-url': 'Redirect URL to register',
  'settings.endpoint.redirect-hint-microsoft':
    'Add it under Authentication › Add a platform › Web (not “Single-page application”).',
  'settings.endpoint.redirect-hint-google': 'Add it under the OAuth client’s Authorized redirect URIs.',
  'settings.endpoint.scopes-title-microsoft': 'Delegated permissions to grant (Microsoft Graph)',
  'settings.endpoint.scopes-title-google': 'Scopes to add to the consent screen',
  'settings.endpoint.scopes-requested': 'Requested at sign-in:',
  'settings.import.button': 'Import Google JSON file',
  'settings.import.hint': 'The file Google offers to download after you create a Web application OAuth client.',
  'settings.import.done': (file: string) => `Client ID and secret read from ${file}. Save to keep them.`,
  'settings.import.redirect-missing': (url: string) =>
    `Its authorized redirect URIs do not include ${url}: add it in Google Cloud, or sign-in fails with redirect_uri_mismatch.`,
  'settings.import.malformed': (file: string) => `${file} is not valid JSON. Download the file from Google again.`,
  'settings.import.installed': (file: string) =>
    `${file} is for a desktop app. Create an OAuth client of type “Web application” and download its JSON.`,
  'settings.import.service-account': (file: string) =>
    `${file} is a service-account key, not an OAuth client. Create an OAuth client ID of type “Web application”.`,
  'settings.import.wrong-kind': (file: string) =>
    `${file} is not an OAuth client file from Google. Download it from Credentials › OAuth 2.0 Client IDs.`,
  'settings.import.incomplete': (file: string) => `${file} has no client ID or client secret.`,
  'settings.import.too-large': (file: string) => `${file} is too large to be a Google OAuth client file.`,
  // The checklist's steps are help texts (settings-help), loaded after the form; these show at once.
  'settings.checklist.title': 'Setup checklist',
  'settings.checklist.loading': 'Loading the setup steps…',
  'settings.status.title': 'Authorization',
  'settings.status.not-authorized': 'No mailbox is authorized with this app yet.',
  'settings.status.authorized': 'A mailbox is authorized.',
  'settings.status.authorized-as': (account: string) => `Authorized as ${account}.`,
  'settings.status.expires': (date: string) => `Access token valid until ${date}; it is renewed automatically.`,
  'settings.status.expired': 'The authorization expired. Authorize again to keep the mailbox syncing.',
  'settings.status.failed': 'The last authorization failed.',
  'settings.status.authorize': 'Authorize',
  'settings.status.reauthorize': 'Authorize again',
  'settings.status.waiting': 'Waiting for sign-in…',
  'settings.status.waiting-hint': 'Finish signing in in the window that opened.',
  'settings.status.revoke': 'Revoke',
  'settings.status.revoke-confirm': 'Revoke access? The mailbox stops syncing until authorized again.',
  'settings.status.cancel': 'Cancel',
  'settings.status.save-first': 'Authorize saves the app registration first.',
  // <mail-oauth-callback>
  'settings.callback.working': 'Finishing sign-in…',
  'settings.callback.done-title': 'Mailbox authorized',
  'settings.callback.done': 'The mailbox is authorized.',
  'settings.callback.done-account': (account: string) => `${account} is authorized.`,
  'settings.callback.closing': 'This window closes by itself.',
  'settings.callback.failed-title': 'Authorization failed',
  'settings.callback.idle-title': 'Mail sign-in',
  'settings.callback.idle': 'This page finishes signing a mailbox in. Start from Authorize in the mail settings.',
  'settings.callback.state-invalid':
    'This sign-in answer is unknown, expired or was already used. Start the authorization again from the settings.',
  'settings.callback.details': 'Details from the provider',
  'settings.callback.close': 'Close window',
  'settings.callback.back': 'Back to the settings',
  'settings.https-warning':
    'This address is not https. Microsoft and Google accept plain http only for localhost: set the application base URL to the https address your users reach.',
};
