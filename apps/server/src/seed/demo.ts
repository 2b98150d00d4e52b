// STUB — the lead fills this once accounts exist.
import type { Runtime } from '../runtime.ts';

export async function seedDemo(_runtime: Runtime): Promise<void> {}
