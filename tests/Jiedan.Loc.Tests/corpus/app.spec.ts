// a test file by name
const template = `
// inside a template literal
`;
const s = '/* not a comment */';
/** doc
 * comment */
export const ok = true;
