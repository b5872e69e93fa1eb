import type { settings as english } from '../en/settings.js';

/** Spanish strings of the account and OAuth setup. */
type Where = (host: string, port: string, protocol: string) => string;

export const settings: typeof english = {
  // shared form
  'settings.form.save': 'Guardar',
  'settings.form.saving': 'Guardando…',
  'settings.form.saved': 'Guardado.',
  'settings.form.unsaved': 'Cambios sin guardar',
  'settings.form.discard': 'Descartar cambios',
  'settings.form.fix-fields': 'Algunos campos necesitan su atención: vea los mensajes junto a ellos.',
  'settings.invalid.required': 'Obligatorio.',
  'settings.invalid.too-long': (max: number) => `Como máximo ${max} caracteres.`,
  'settings.invalid.line-break': 'Aquí no se admiten saltos de línea.',
  'settings.invalid.text': 'No es válido aquí.',
  'settings.invalid.host': 'Escriba un nombre de servidor como mail.example.com, o una dirección IP.',
  'settings.invalid.port': 'Un puerto es un número entero del 1 al 65535.',
  'settings.invalid.email': 'Escriba una dirección de correo como nombre@example.com.',
  'settings.invalid.url': 'Escriba una dirección http o https completa, como https://erp.example.com.',
  'settings.invalid.path': 'Una ruta empieza por / y no tiene espacios, ? ni #.',
  'settings.invalid.tenant':
    'Escriba el id. de directorio (inquilino), un GUID, o un dominio verificado, o common, organizations o consumers.',
  'settings.invalid.client-id': 'Pegue el id. de cliente tal como lo muestra el portal, sin espacios.',
  'settings.invalid.choice': 'Elija una de las opciones.',
  'settings.invalid.secret': 'Escriba el secreto de cliente.',
  'settings.invalid.password': 'Escriba la contraseña.',
  'settings.invalid.endpoint': 'Elija la aplicación OAuth que inicia sesión en este buzón.',
  'settings.https-warning':
    'Esta dirección no es https. Microsoft y Google solo aceptan http para localhost: indique como URL base de la aplicación la dirección https que usan sus usuarios.',
  'settings.copy.button': 'Copiar',
  'settings.copy.done': 'Copiado al portapapeles.',
  'settings.copy.failed': 'No se ha podido copiar: seleccione el texto y cópielo a mano.',
  'settings.copy.redirect': 'Copiar la URL de redirección',
  'settings.copy.scopes': 'Copiar los permisos',
  'settings.provider.microsoft': 'Microsoft',
  'settings.provider.google': 'Google',

  // <mail-settings>
  'settings.account.title': 'Cuenta de correo',
  'settings.account.new': 'Conecte un buzón: elija su proveedor, revise los servidores y pruebe la conexión.',
  'settings.account.configured': 'El buzón desde el que esta aplicación lee y envía.',
  'settings.preset.legend': 'Proveedor',
  'settings.preset.microsoft365': 'Microsoft 365',
  'settings.preset.outlook': 'Outlook.com',
  'settings.preset.gmail': 'Gmail',
  'settings.preset.custom': 'Otro (personalizado)',
  'settings.preset.microsoft-note':
    'Microsoft ya no acepta contraseñas en la mayoría de los buzones: elija «Aplicación OAuth» abajo después de registrar una.',
  'settings.preset.gmail-note':
    'Gmail acepta una contraseña de aplicación (con la verificación en dos pasos activada) o una aplicación OAuth registrada en Google Cloud.',
  'settings.identity.legend': 'Cuenta',
  'settings.field.email': 'Dirección de correo',
  'settings.field.display-name': 'Nombre visible',
  'settings.field.user-name': 'Nombre de usuario',
  'settings.field.protocol': 'Protocolo de entrada',
  'settings.field.host': 'Servidor',
  'settings.field.port': 'Puerto',
  'settings.field.security': 'Seguridad',
  'settings.field.password': 'Contraseña',
  'settings.field.new-password': 'Nueva contraseña',
  'settings.field.endpoint': 'Aplicación OAuth',
  'settings.hint.display-name': 'El nombre que ven los destinatarios, como «Dana Ortiz» o «Ventas Acme».',
  'settings.hint.user-name': 'El nombre de inicio de sesión; normalmente, la dirección de correo.',
  'settings.incoming.legend': 'Correo entrante',
  'settings.outgoing.legend': 'Correo saliente (SMTP)',
  'settings.protocol.imap': 'IMAP',
  'settings.protocol.pop3': 'POP3',
  'settings.security.tls': 'SSL/TLS',
  'settings.security.starttls': 'STARTTLS',
  'settings.security.none': 'Ninguna (sin cifrar)',
  'settings.security.tls-hint': (port: number) => `Cifrado desde el principio. Puerto habitual: ${port}.`,
  'settings.security.starttls-hint': (port: number) => `Cifrado tras conectar. Puerto habitual: ${port}.`,
  'settings.security.none-hint': (port: number) =>
    `Las contraseñas y el correo viajan sin cifrar: solo para servidores de su propia red. Puerto habitual: ${port}.`,
  'settings.auth.legend': 'Inicio de sesión',
  'settings.auth.password': 'Contraseña',
  'settings.auth.oauth': 'Aplicación OAuth (Microsoft 365, Google)',
  'settings.auth.no-endpoints':
    'Todavía no hay ninguna aplicación OAuth registrada. Un administrador registra una para Microsoft o Google y autoriza el buzón.',
  'settings.auth.choose-endpoint': 'Elija una aplicación…',
  'settings.auth.endpoint-hint': 'La aplicación registrada en el proveedor que inicia sesión en este buzón.',
  'settings.auth.authorized': 'Autorizada.',
  'settings.auth.authorized-as': (account: string) => `Autorizada como ${account}.`,
  'settings.auth.not-authorized': 'Esta aplicación aún no ha autorizado ningún buzón: ábrala y pulse Autorizar.',
  'settings.password.set': 'Hay una contraseña guardada.',
  'settings.password.change': 'Cambiar contraseña',
  'settings.password.keep': 'Conservar la guardada',
  'settings.password.write-only': 'Por su seguridad, la contraseña guardada nunca se muestra.',
  'settings.password.app-password-hint':
    'Las cuentas con verificación en dos pasos necesitan una contraseña de aplicación creada en la configuración de seguridad de la cuenta.',
  'settings.test.button': 'Probar la conexión',
  'settings.test.running': 'Probando…',
  'settings.test.results': 'Resultados de la prueba de conexión',
  'settings.test.incoming': (protocol: string) => `Entrante (${protocol}):`,
  'settings.test.outgoing': 'Saliente (SMTP):',
  'settings.test.ok': (where: string, ms: string) => `conectado a ${where} con sesión iniciada (${ms} ms).`,
  'settings.test.failed': 'no se ha podido hacer la prueba.',
  'settings.test.details': 'Detalles para su administrador',
  'settings.failure.auth-failed-title': 'el servidor ha rechazado el inicio de sesión.',
  'settings.failure.auth-failed': ((host) =>
    `${host} ha rechazado el nombre de usuario o la contraseña. Revise ambos; las cuentas con verificación en dos pasos necesitan una contraseña de aplicación.`) as Where,
  'settings.failure.smtp-auth-disabled-title': 'el inicio de sesión SMTP está desactivado.',
  'settings.failure.smtp-auth-disabled': (() =>
    'SMTP autenticado está desactivado para este buzón o para toda la organización. En el centro de administración de Microsoft 365, abra el usuario › Correo › Administrar aplicaciones de correo y active SMTP autenticado.') as Where,
  'settings.failure.protocol-disabled-title': 'el acceso está desactivado para este buzón.',
  'settings.failure.protocol-disabled': ((_host, _port, protocol) =>
    `${protocol} está desactivado para este buzón. Actívelo en la configuración del buzón del proveedor (Microsoft 365: Administrar aplicaciones de correo; Gmail: Configuración › Reenvío y correo POP/IMAP).`) as Where,
  'settings.failure.oauth-required-title': 'el servidor ya no acepta contraseñas.',
  'settings.failure.oauth-required': (() =>
    'Cambie el inicio de sesión a «Aplicación OAuth», registre la aplicación en el proveedor y autorice el buzón.') as Where,
  'settings.failure.authorize-again-title': 'hay que volver a autorizar el buzón.',
  'settings.failure.authorize-again': (() =>
    'Falta la autorización o ha caducado. Abra la aplicación OAuth y pulse Autorizar para volver a iniciar sesión.') as Where,
  'settings.failure.certificate-title': 'el certificado del servidor no es de confianza.',
  'settings.failure.certificate': ((host) =>
    `El certificado de ${host} es autofirmado, ha caducado o es de otro nombre. Use el nombre de servidor exacto que indica su proveedor.`) as Where,
  'settings.failure.tls-title': 'no se ha podido establecer una conexión segura.',
  'settings.failure.tls': (() =>
    'La seguridad elegida no corresponde al puerto. Pruebe SSL/TLS con el puerto 993, 995 o 465, o STARTTLS con 143, 110 o 587.') as Where,
  'settings.failure.timeout-title': 'el servidor no ha respondido.',
  'settings.failure.timeout': ((host, port) =>
    `${host}:${port} no ha respondido a tiempo. Revise el nombre del servidor y el puerto, y que un cortafuegos permita la conexión.`) as Where,
  'settings.failure.host-not-found-title': 'el servidor no existe.',
  'settings.failure.host-not-found': ((host) =>
    `No hay ningún servidor llamado ${host}. Revise cómo está escrito el nombre.`) as Where,
  'settings.failure.refused-title': 'el servidor ha rechazado la conexión.',
  'settings.failure.refused': ((host, port) =>
    `${host} no acepta conexiones en el puerto ${port}. Revise el puerto y la seguridad elegida.`) as Where,
  'settings.failure.unknown-title': 'ha ocurrido algo inesperado.',
  'settings.failure.unknown': (() =>
    'El servidor ha dado una respuesta inesperada. Inténtelo más tarde o muestre los detalles a su proveedor.') as Where,

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
  'settings.checklist.ms-register':
    'En el centro de administración de Microsoft Entra, Registros de aplicaciones › Nuevo registro: registre la aplicación para las cuentas de su organización.',
  'settings.checklist.ms-redirect': (url: string) =>
    `Autenticación › Agregar una plataforma › Web, con la URL de redirección ${url}.`,
  'settings.checklist.ms-permissions': (scopes: string) =>
    `Permisos de API › Agregar un permiso › Microsoft Graph › Permisos delegados: ${scopes}.`,
  'settings.checklist.ms-consent': 'Pulse «Conceder consentimiento de administrador» para su organización.',
  'settings.checklist.ms-secret':
    'Certificados y secretos › Nuevo secreto de cliente: copie su Valor en ese momento (solo se muestra una vez) y anote cuándo caduca.',
  'settings.checklist.ms-ids':
    'En Información general de la aplicación, copie el Id. de aplicación (cliente) y el Id. de directorio (inquilino).',
  'settings.checklist.ms-modern-auth':
    'En el centro de administración de Microsoft 365, Configuración › Configuración de la organización › Autenticación moderna: active la autenticación moderna.',
  'settings.checklist.ms-mailbox':
    'Usuarios › Usuarios activos › el usuario › Correo › Administrar aplicaciones de correo: active IMAP, POP y SMTP autenticado en cada buzón.',
  'settings.checklist.ms-wait': 'Los cambios tardan de 20 a 30 minutos en aplicarse; después pulse Autorizar.',
  'settings.checklist.ms-security-defaults':
    '«Valores predeterminados de seguridad = No» y no tener directivas de acceso condicional solo hacen falta para iniciar sesión con contraseña o contraseña de aplicación, no con OAuth.',
  'settings.checklist.g-project': 'En la consola de Google Cloud, elija un proyecto o cree uno.',
  'settings.checklist.g-gmail-api': 'APIs y servicios › Biblioteca: habilite la API de Gmail.',
  'settings.checklist.g-consent':
    'Pantalla de consentimiento de OAuth: Interno (solo su organización de Google Workspace) o Externo, con la información de la aplicación.',
  'settings.checklist.g-scopes': (scopes: string) => `Añada los ámbitos ${scopes}.`,
  'settings.checklist.g-test-users':
    'Usuarios de prueba: añada cada buzón que vaya a iniciar sesión mientras la aplicación esté en Prueba.',
  'settings.checklist.g-credentials':
    'Credenciales › Crear credenciales › ID de cliente de OAuth, de tipo «Aplicación web».',
  'settings.checklist.g-redirect': (url: string) => `URI de redirección autorizados: ${url}.`,
  'settings.checklist.g-download':
    'Descargue el archivo JSON del cliente e impórtelo aquí, o copie su id. y su secreto.',
  'settings.checklist.g-testing':
    'Una aplicación Externa que se deja «En prueba» recibe tokens de actualización que caducan a los 7 días: el buzón deja de sincronizarse hasta que se vuelva a autorizar. Publique la aplicación (En producción) para evitarlo.',
  'settings.checklist.portal-microsoft': 'Centro de administración de Microsoft Entra',
  'settings.checklist.portal-m365': 'Centro de administración de Microsoft 365',
  'settings.checklist.portal-google': 'Consola de Google Cloud',
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
  'settings.oauth-error.redirect-uri':
    'La URL de redirección no coincide con la registrada en el proveedor (a menudo http frente a https, u otra ruta). Registre exactamente la URL de redirección que muestra la configuración de la aplicación OAuth, o corrija la URL base de la aplicación.',
  'settings.oauth-error.mixed-resources':
    'Una misma solicitud de token pedía permisos de dos servicios distintos. El servidor debe pedir por separado los permisos de correo y de perfil.',
  'settings.oauth-error.unknown-scope':
    'Un permiso solicitado no existe en ese servicio (a menudo por un prefijo incorrecto). Revise los permisos concedidos en el portal.',
  'settings.oauth-error.malformed-scope':
    'Los permisos se enviaron con un formato incorrecto; deben ir separados por espacios.',
  'settings.oauth-error.too-many-scopes': 'Se han pedido demasiados permisos a la vez.',
  'settings.oauth-error.bad-secret':
    'El secreto de cliente no es correcto: pegue el Valor del secreto, no su Id. de secreto, o cree un secreto nuevo.',
  'settings.oauth-error.expired-secret':
    'El secreto de cliente ha caducado. Cree uno nuevo en el portal y guárdelo aquí.',
  'settings.oauth-error.consent':
    'No se ha dado consentimiento a los permisos. Un administrador debe pulsar «Conceder consentimiento de administrador» en el portal.',
  'settings.oauth-error.wrong-tenant':
    'La cuenta o el inquilino no pertenecen al directorio de esta aplicación. Revise el id. de inquilino o inicie sesión con una cuenta de esa organización.',
  'settings.oauth-error.app-not-found':
    'El proveedor no conoce este id. de cliente en ese inquilino. Revise el id. de cliente y el id. de inquilino.',
  'settings.oauth-error.invalid-grant':
    'La autorización ya no es válida (caducada, revocada, usada dos veces, o de una aplicación de Google en Prueba tras 7 días). Vuelva a autorizar.',
  'settings.oauth-error.access-denied':
    'Se canceló el inicio de sesión o se rechazaron los permisos. Vuelva a autorizar y acéptelos.',
  'settings.oauth-error.invalid-client':
    'El proveedor ha rechazado la aplicación: revise el id. de cliente y vuelva a escribir el secreto de cliente.',
  'settings.oauth-error.unauthorized-client':
    'Esta aplicación no puede usar este tipo de inicio de sesión. Regístrela como aplicación web con la URL de redirección que muestra la configuración de la aplicación OAuth.',
  'settings.oauth-error.invalid-scope':
    'Un permiso solicitado no es válido para esta aplicación. Revise los ámbitos en el portal.',
  'settings.oauth-error.interaction':
    'La organización exige un paso más (autenticación multifactor o una directiva). Vuelva a autorizar y complételo.',
  'settings.oauth-error.provider-down':
    'El proveedor ha tenido un problema temporal. Inténtelo de nuevo en unos minutos.',
  'settings.oauth-error.unknown': 'El proveedor ha rechazado la autorización. Los detalles de abajo indican el motivo.',

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

  // <mail-toolbar-button>
  'settings.toolbar.open': 'Correo',
  'settings.toolbar.open-unread': (count: number) => (count === 1 ? 'Correo, 1 sin leer' : `Correo, ${count} sin leer`),
  'settings.toolbar.enable': 'Activar opciones de correo',
  'settings.toolbar.enabling': 'Activando…',
  'settings.toolbar.enable-hint': 'Activa el módulo de correo web para todos los usuarios de esta aplicación.',
};
