export * from './schema.js';
export * from './condition.js';
export * from './duration.js';
export * from './problems.js';
export * from './load.js';
export * from './references.js';
export * from './clock-frame.js';
