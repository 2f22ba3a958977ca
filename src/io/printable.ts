/** C0 controls, DEL and C1 controls (ESC, CSI, BEL, CR, …): what a terminal acts on instead of printing. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from the input made safe for a terminal: control characters become visible `\xNN` escapes,
 * so a provider or code value cannot move the cursor, recolour, retitle or forge lines.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
