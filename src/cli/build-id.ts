declare const __FIREDRILL_BUILD_ID__: string | undefined;

/**
 * A hash of the sources, data and lockfile the bundle was built from, set by
 * scripts/build.mjs. Caches of derived data (validated scenarios) are keyed
 * by it, so a rebuilt program never reads what an older one wrote. Null when
 * the sources run directly (tests): nothing is cached then.
 */
export const BUILD_ID: string | null = typeof __FIREDRILL_BUILD_ID__ === 'string' ? __FIREDRILL_BUILD_ID__ : null;
