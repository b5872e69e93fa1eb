import type { messageView as english } from '../en/message-view.js';

/** Strings of <mail-message-view>. */
export const messageView: typeof english = {
  'message.label': 'Mensaje',
  'message.empty': 'Seleccione un mensaje para leerlo.',
  'message.from': 'De',
  'message.to': 'Para',
  'message.cc': 'CC',
  'message.bcc': 'CCO',
  'message.reply-to': 'Responder a',
  'message.date': 'Fecha',
  'message.details-show': 'Ver detalles',
  'message.details-hide': 'Ocultar detalles',
  'message.actions': 'Acciones del mensaje',
  'message.reply': 'Responder',
  'message.reply-all': 'Responder a todos',
  'message.forward': 'Reenviar',
  'message.print': 'Imprimir',
  'message.source': 'Descargar original (.eml)',
  'message.link': 'Vincular a un registro',
  'message.linked-to': 'Vinculado a',
  'message.unlink': 'Desvincular',
  'message.unlinked': (title: string) => `Desvinculado de ${title}.`,
  'message.body': 'Cuerpo del mensaje',
  'message.attachments': (count: number) => (count === 1 ? '1 adjunto' : `${count} adjuntos`),
  'message.file-kind': 'ARCH.',
  'message.download': (name: string) => `Descargar ${name}`,
  'message.remote-blocked': (count: number) =>
    count === 1
      ? 'Se ha bloqueado 1 elemento remoto para proteger su privacidad.'
      : `Se han bloqueado ${count} elementos remotos para proteger su privacidad.`,
  'message.remote-allow-once': 'Mostrar esta vez',
  'message.remote-allow-always': (sender: string) => `Mostrar siempre de ${sender}`,
  'message.remote-allowed': (sender: string) => `El contenido remoto se muestra siempre en el correo de ${sender}.`,
  'message.remote-revoke': 'Dejar de mostrar',
  'message.quoted': (lines: number) => (lines === 1 ? 'Texto citado (1 línea)' : `Texto citado (${lines} líneas)`),
  'message.clipped': (size: string) => `Este mensaje es grande (${size}): solo se muestra la primera parte.`,
  'message.show-whole': 'Mostrar el mensaje completo',
};
