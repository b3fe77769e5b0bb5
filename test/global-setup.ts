// The command-line tests drive the real bundled program, so build it first.
export default async function setup(): Promise<void> {
  await import('../scripts/build.mjs');
}
