// The suites that test dist/ call this first: a build older than the sources would let them
// pass on code that no longer exists (scripts/source-hash.js stamps each build).

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleBuildReason } = require('../scripts/source-hash.js') as { staleBuildReason: () => string | null };

/** Throws, with what to do, when dist/ was not built from the sources as they are now. */
export function requireFreshBuild(): void {
  const reason = staleBuildReason();
  if (reason) throw new Error(`${reason}\nThe suites that read dist/ refuse to test a stale build.`);
}
