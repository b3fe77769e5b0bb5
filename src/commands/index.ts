export * from './command.js';
export * from './parse.js';
export * from './verbs.js';
