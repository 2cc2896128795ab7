/**
 * The tutorials the lessons come from (/work/shared/seeds, by number), as a
 * title a student can find the post by. A lesson's `sources` start with the
 * number.
 */
export const TUTORIALS: Readonly<Record<string, string>> = {
	'000': '脚本之家: 进程互斥锁, 队列, 线程',
	'001': 'python并发编程之多进程1: 互斥锁与进程间的通信',
	'002': 'python全栈学习 day39: multiprocess模块',
	'003': 'python-进程: 在python程序中的进程操作',
	'004': 'Python 3 Concurrent Programming: process synchronization (lock)',
};

/** `002 python全栈学习 day39: multiprocess模块 (Semaphore, KTV example)` for the source `002 (Semaphore, KTV example)`. */
export function tutorialTitle(source: string): string {
	const number = /^\d{3}/.exec(source)?.[0];
	const title = number ? TUTORIALS[number] : undefined;
	return number && title ? `${number} ${title}${source.slice(3)}` : source;
}
