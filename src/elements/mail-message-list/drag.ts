/** The drag-and-drop payload of message rows (JSON under `MESSAGE_DRAG_TYPE`), shared by the list and the tree. */
export const MESSAGE_DRAG_TYPE = 'application/x-mail-messages';

export interface MessageDragPayload {
  ids: string[];
  /** The folder the rows were dragged from. */
  folderId: string;
}

/** The payload of a drop, or undefined when it is not message rows (or not readable). */
export function readDragPayload(data: DataTransfer | null): MessageDragPayload | undefined {
  const raw = data?.getData(MESSAGE_DRAG_TYPE);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<MessageDragPayload>;
    if (!Array.isArray(value.ids) || typeof value.folderId !== 'string') return undefined;
    const ids = value.ids.filter((id): id is string => typeof id === 'string');
    return ids.length ? { ids, folderId: value.folderId } : undefined;
  } catch {
    return undefined;
  }
}
