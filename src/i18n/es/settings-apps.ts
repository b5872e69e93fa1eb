import type { settingsApps as english } from '../en/settings-apps.js';

/** Spanish strings of the OAuth app registration and the application settings. */
export const settingsApps: typeof english = {
  'settings.copy.button': 'Copiar',
  'settings.copy.done': 'Copiado al portapapeles.',
  'settings.copy.failed': 'No se ha podido copiar: seleccione el texto y cópielo a mano.',
  'settings.copy.redirect': 'Copiar la URL de redirección',
  'settings.copy.scopes': 'Copiar los permisos',
  // <mail-app-settings>
  'settings.app.title': 'Dirección de la aplicación',
  'settings.app.intro':
    'Microsoft y Google devuelven a los usuarios a esta aplicación después de iniciar sesión. La URL de redirección se forma con esta dirección.',
  'settings.app.base-url': 'URL base de la aplicación',
  'settings.app.base-url-hint': (origin: string) =>
    `La dirección pública de esta aplicación. Déjela vacía para usar la dirección de esta página (${origin}).`,
  'settings.app.redirect-path': 'Ruta de la página de redirección',
  'settings.app.redirect-path-hint':
    'La página que contiene <mail-oauth-callback>; cámbiela solo si su servidor usa otra.',
  'settings.app.redirect-url': 'URL de redirección',
  // <mail-account-endpoint>
  'settings.endpoint.title-microsoft': 'Aplicación OAuth de Microsoft 365',
  'settings.endpoint.title-google': 'Aplicación OAuth de Google',
  'settings.endpoint.intro-microsoft':
    'Registre esta aplicación en Microsoft Entra ID para que los buzones de Microsoft 365 inicien sesión con OAuth 2.0 en lugar de con contraseña.',
  'settings.endpoint.intro-google':
    'Registre esta aplicación en Google Cloud para que los buzones de Gmail y Google Workspace inicien sesión con OAuth 2.0.',
  'settings.endpoint.default-name-microsoft': 'Microsoft 365',
  'settings.endpoint.default-name-google': 'Google',
  'settings.endpoint.app-legend': 'Registro de la aplicación',
  'settings.endpoint.name': 'Nombre',
  'settings.endpoint.name-hint': 'Para los administradores, para distinguir las aplicaciones.',
  'settings.endpoint.client-id-microsoft': 'Id. de aplicación (cliente)',
  'settings.endpoint.client-id-google': 'Id. de cliente',
  'settings.endpoint.tenant-id': 'Id. de directorio (inquilino)',
  'settings.endpoint.tenant-hint':
    'El GUID de la página Información general de la aplicación; u organizations (cuentas profesionales), common (profesionales y personales) o consumers.',
  'settings.endpoint.secret': 'Secreto de cliente',
  'settings.endpoint.secret-new': 'Nuevo secreto de cliente',
  'settings.endpoint.secret-set': 'Hay un secreto de cliente guardado.',
  'settings.endpoint.secret-change': 'Cambiar secreto',
  'settings.endpoint.secret-keep': 'Conservar el guardado',
  'settings.endpoint.secret-write-only': 'Por su seguridad, el secreto guardado nunca se muestra.',
  'settings.endpoint.secret-hint-microsoft':
    'El Valor del secreto (no su Id. de secreto), que solo se muestra al crearlo en Certificados y secretos.',
  'settings.endpoint.secret-hint-google': 'De la página del cliente OAuth, o importado de su archivo JSON.',
  'settings.endpoint.redirect-url': 'URL de redirección que hay que registrar',
  'settings.endpoint.redirect-hint-microsoft':
    'Añádala en Autenticación › Agregar una plataforma › Web (no «Aplicación de página única»).',
  'settings.endpoint.redirect-hint-google': 'Añádala en los URI de redirección autorizados del cliente OAuth.',
  'settings.endpoint.scopes-title-microsoft': 'Permisos delegados que hay que conceder (Microsoft Graph)',
  'settings.endpoint.scopes-title-google': 'Ámbitos que hay que añadir a la pantalla de consentimiento',
  'settings.endpoint.scopes-requested': 'Solicitados al iniciar sesión:',
  'settings.import.button': 'Importar el archivo JSON de Google',
  'settings.import.hint': 'El archivo que Google ofrece descargar al crear un cliente OAuth de tipo aplicación web.',
  'settings.import.done': (file: string) => `Id. y secreto de cliente leídos de ${file}. Guarde para conservarlos.`,
  'settings.import.redirect-missing': (url: string) =>
    `Sus URI de redirección autorizados no incluyen ${url}: añádalo en Google Cloud o el inicio de sesión fallará con redirect_uri_mismatch.`,
  'settings.import.malformed': (file: string) =>
    `${file} no es un JSON válido. Vuelva a descargar el archivo de Google.`,
  'settings.import.installed': (file: string) =>
    `${file} es de una aplicación de escritorio. Cree un cliente OAuth de tipo «Aplicación web» y descargue su JSON.`,
  'settings.import.service-account': (file: string) =>
    `${file} es la clave de una cuenta de servicio, no un cliente OAuth. Cree un id. de cliente OAuth de tipo «Aplicación web».`,
  'settings.import.wrong-kind': (file: string) =>
    `${file} no es un archivo de cliente OAuth de Google. Descárguelo de Credenciales › IDs de clientes OAuth 2.0.`,
  'settings.import.incomplete': (file: string) => `${file} no tiene id. de cliente o secreto de cliente.`,
  'settings.import.too-large': (file: string) =>
    `${file} es demasiado grande para ser un archivo de cliente OAuth de Google.`,
  'settings.checklist.title': 'Lista de configuración',
  'settings.checklist.loading': 'Cargando los pasos de configuración…',
  'settings.status.title': 'Autorización',
  'settings.status.not-authorized': 'Todavía no hay ningún buzón autorizado con esta aplicación.',
  'settings.status.authorized': 'Hay un buzón autorizado.',
  'settings.status.authorized-as': (account: string) => `Autorizado como ${account}.`,
  'settings.status.expires': (date: string) => `Token de acceso válido hasta el ${date}; se renueva automáticamente.`,
  'settings.status.expired': 'La autorización ha caducado. Vuelva a autorizar para que el buzón siga sincronizándose.',
  'settings.status.failed': 'La última autorización ha fallado.',
  'settings.status.authorize': 'Autorizar',
  'settings.status.reauthorize': 'Volver a autorizar',
  'settings.status.waiting': 'Esperando el inicio de sesión…',
  'settings.status.waiting-hint': 'Termine de iniciar sesión en la ventana que se ha abierto.',
  'settings.status.revoke': 'Revocar',
  'settings.status.revoke-confirm':
    '¿Revocar el acceso? El buzón dejará de sincronizarse hasta que se vuelva a autorizar.',
  'settings.status.cancel': 'Cancelar',
  'settings.status.save-first': 'Autorizar guarda antes el registro de la aplicación.',
  // <mail-oauth-callback>
  'settings.callback.working': 'Terminando el inicio de sesión…',
  'settings.callback.done-title': 'Buzón autorizado',
  'settings.callback.done': 'El buzón está autorizado.',
  'settings.callback.done-account': (account: string) => `${account} está autorizado.`,
  'settings.callback.closing': 'Esta ventana se cierra sola.',
  'settings.callback.failed-title': 'La autorización ha fallado',
  'settings.callback.idle-title': 'Inicio de sesión del correo',
  'settings.callback.idle':
    'Esta página termina el inicio de sesión de un buzón. Empiece desde Autorizar en la configuración del correo.',
  'settings.callback.state-invalid':
    'Esta respuesta de inicio de sesión es desconocida, ha caducado o ya se ha usado. Vuelva a empezar la autorización desde la configuración.',
  'settings.callback.details': 'Detalles del proveedor',
  'settings.callback.close': 'Cerrar ventana',
  'settings.callback.back': 'Volver a la configuración',
  'settings.https-warning':
    'Esta dirección no es https. Microsoft y Google solo aceptan http para localhost: indique como URL base de la aplicación la dirección https que usan sus usuarios.',
};
