//! Exports as CSV: the rule that keeps a cell from being read as a formula
//! when a spreadsheet opens the file (CSV injection). Customers write some
//! of the text exported (comments, names through orders), so any cell may
//! start with `=`, `+`, `-` or `@`.

use std::borrow::Cow;

/// Characters that make a spreadsheet read a cell as a formula (tab and
/// carriage return too: some programs drop them and read what follows).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as text a spreadsheet shows as it is: a cell starting like a
/// formula gets a leading `'`, every other cell (a plain number such as
/// `-1` too) is unchanged.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let number = cell.parse::<i64>().is_ok();
    if cell.starts_with(FORMULA_STARTS) && !number {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_starting_like_a_formula_is_shown_as_text() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+31 6"), "'+31 6");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\t=1"), "'\t=1");
    }

    #[test]
    fn other_cells_are_left_alone() {
        assert_eq!(neutralise("too small"), "too small");
        assert_eq!(neutralise("-1"), "-1");
        assert_eq!(neutralise("a=b"), "a=b");
        assert_eq!(neutralise(""), "");
        assert!(matches!(neutralise("1999"), Cow::Borrowed(_)));
    }
}
