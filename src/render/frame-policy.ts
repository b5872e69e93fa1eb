/**
 * The facts about the mail frame that its host needs before any mail is rendered: the frame's sandbox and where a
 * large mail is clipped. Kept apart from the renderer so that a reader can lay out its frame while the sanitizer
 * (DOMPurify) is still loading.
 */

/**
 * Where a large mail is clipped by default. Gmail clips at about 102 KB; a newsletter of this size is sanitized and
 * laid out in a fraction of the time of a 500 KB one, and few mails are larger.
 */
export const CLIP_AT = 100 * 1024;

/**
 * The sandbox of the frame. Never `allow-scripts` with `allow-same-origin`: together they would let the mail remove
 * its own sandbox. `allow-same-origin` alone (no script can run inside) is what lets the host measure the document's
 * height and resolve blob: URLs of inline parts; `allow-popups` with `-to-escape-sandbox` lets links open normally
 * in a new tab. No forms, no top navigation, no modals, no downloads from inside the mail.
 */
export const FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox allow-same-origin';
