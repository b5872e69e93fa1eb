/** Registers `<mail-record-picker>` (once, even with two copies of the library) and exports its class. */
import { MailRecordPicker } from '../elements/mail-record-picker/mail-record-picker.js';

MailRecordPicker.define('mail-record-picker');

export { MailRecordPicker };

declare global {
  interface HTMLElementTagNameMap {
    'mail-record-picker': MailRecordPicker;
  }
}
