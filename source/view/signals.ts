/** A signal's name from the negative exit code it left (-15: SIGTERM), as the screen and the transcript both say it. */
export function signalName(exitcode: number): string {
	return ({15: 'SIGTERM', 9: 'SIGKILL', 2: 'SIGINT'} as Record<number, string>)[-exitcode] ?? `signal ${-exitcode}`;
}
