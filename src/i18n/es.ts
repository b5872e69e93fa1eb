import type { Translations } from './en.js';
import { messageView } from './es/message-view.js';
import { links } from './es/links.js';
import { composer } from './es/composer.js';
import { settings } from './es/settings.js';
import { inbox } from './es/inbox.js';

export const es: Translations = {
  ...inbox,
  ...settings,
  ...composer,
  ...links,
  ...messageView,
  'error.network': 'No se puede contactar con el servidor de correo. Compruebe la conexión.',
  'error.timeout': 'El servidor de correo ha tardado demasiado en responder.',
  'error.aborted': 'Se ha cancelado la solicitud.',
  'error.unauthorized': 'Hay que volver a autorizar la cuenta de correo.',
  'error.forbidden': 'No tiene permiso para hacer esto.',
  'error.not-found': 'Ya no existe.',
  'error.conflict': 'Se ha modificado en otro lugar. Recargue e inténtelo de nuevo.',
  'error.validation': 'Algunos datos no son válidos.',
  'error.rate-limited': 'Demasiadas solicitudes. Inténtelo de nuevo en un momento.',
  'error.unsupported': 'Esta cuenta de correo no lo admite.',
  'error.server': 'El servidor de correo ha tenido un problema.',
  'error.no-backend':
    'No hay backend de correo: envuelva el elemento en <mail-backend-provider> o asigne su propiedad backend.',
  'action.retry': 'Reintentar',
  'action.load-more': 'Cargar más',
  'state.loading': 'Cargando…',
  'folders.label': 'Carpetas',
  'folders.empty': 'No hay carpetas.',
  'folders.unread': (count: number) => (count === 1 ? '1 sin leer' : `${count} sin leer`),
  'role.inbox': 'Bandeja de entrada',
  'role.drafts': 'Borradores',
  'role.sent': 'Enviados',
  'role.archive': 'Archivo',
  'role.junk': 'Correo no deseado',
  'role.trash': 'Papelera',
  'role.all': 'Todo el correo',
  'role.flagged': 'Destacados',
  'messages.label': 'Mensajes',
  'messages.empty': 'No hay mensajes aquí.',
  'messages.no-subject': '(sin asunto)',
  'messages.unknown-sender': '(remitente desconocido)',
  'messages.to': (names: string) => `Para: ${names}`,
  'messages.count': (count: number) => (count === 1 ? '1 mensaje' : `${count} mensajes`),
  'mark.unread': 'No leído',
  'mark.flagged': 'Destacado',
  'mark.attachment': 'Con adjuntos',
  'mark.answered': 'Respondido',
  'mark.forwarded': 'Reenviado',
  'mark.linked': 'Vinculado a un registro',
};
