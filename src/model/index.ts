export type * from './document.js';
export type * from './findings.js';
export type * from './compare.js';
