// "file, row R, column C" as the page's error shows it (row/column left out when unknown).
export function errorWhere(error) {
  return [error.file, error.row > 0 && `row ${error.row}`, error.column > 0 && `column ${error.column}`]
    .filter(Boolean).join(', ');
}
