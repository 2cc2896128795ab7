export async function runExplore(_a: unknown): Promise<number> { return 0; }
