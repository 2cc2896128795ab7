// manager.py as a lesson: a Manager's dict and list, shared by processes.
import {KeyError, Manager, Process, print} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('manager');

export async function fill(d, l, me) {
	await d.set(me, me * 10);
	await d.set('count', await d.setdefault('seen', me));
	await l.append(me);
}

export async function main() {
	await new Manager().with(async m => {
		const d = m.dict({name: 'tickets'});
		const l = m.list([0]);
		const ps = [1, 2].map(i => new Process({target: fill, args: [d, l, i]}));
		for (const p of ps) {
			await p.start();
			await p.join();
		}
		await print(d);
		await print(l);
		await print(await d.len(), await l.len(), await d.getitem(1), await l.getitem(-1), await d.has('name'), await d.get('missing', 'none'));
		try {
			await d.getitem('missing');
		} catch (e) {
			if (e instanceof KeyError) await print('KeyError', e.message);
		}
		await l.remove(0);
		await print(await l.pop(), await l.tolist(), (await d.keys()).sort((a, b) => (String(a) < String(b) ? -1 : 1)));
		await d.delete('name');
		await print(await d.copy());
	});
}
