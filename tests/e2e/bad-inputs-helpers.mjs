// "file, row R, column C" (or "line L (the header)") as the page's error shows it: the library's formatter.
export { errorWhere } from '../../src/js/errors.js';
