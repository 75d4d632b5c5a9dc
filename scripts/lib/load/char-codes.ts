/** Character codes the load stage's hand-written scanners compare `charCodeAt` against. */
export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const BANG = 0x21;
export const QUOTE = 0x22;
export const HASH = 0x23;
export const AMPERSAND = 0x26;
export const SINGLE_QUOTE = 0x27;
export const COLON = 0x3a;
export const GREATER = 0x3e;
export const BACKSLASH = 0x5c;
export const PIPE = 0x7c;
