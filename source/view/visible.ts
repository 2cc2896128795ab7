/**
 * Text a task prints is shown, never obeyed: control characters (an escape
 * sequence that would move the cursor or recolour the screen) are written as
 * Python writes them in a repr, `\x1b`.
 */
 
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visible(text: string): string {
	return text.replace(CONTROL, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
