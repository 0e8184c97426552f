export type * from './document.js';
export type * from './findings.js';
