// A page to read, not to use: no JavaScript at all for a phone on a slow connection.
export const csr = false;
