//! A sheet's cells through `calamine`, converted as a CSV export would
//! write them: numbers as Excel shows them, date cells as `YYYY-MM-DD`, text
//! composed (NFC). Only cells that hold something are kept, so a sheet whose
//! few cells lie far apart costs what its cells cost, not its area.

use super::super::cells::Cell;
use super::super::{DataError, norm};
use super::{Book, Cells};
use crate::diag::DataFail;
use calamine::{Data, DataRef, ExcelDateTime, Reader};
use std::fmt::Display;
use std::fs::File;
use std::io::BufReader;

type Rs = BufReader<File>;

/// The name of the sheet read and its rows that are not blank, in order:
/// each with its sheet row (0 is row 1) and its cells.
pub fn load(book: &Book) -> Result<(String, Vec<(u32, Cells)>), DataError> {
    let cannot = |e: std::io::Error| DataError(DataFail::cannot_read(&book.file, &e));
    let mut file = crate::files::open_regular(&book.file).map_err(cannot)?;
    let ext = book.file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if ext != "xls" && !super::zipped::has_directory(&mut file).map_err(cannot)? {
        return Err(damaged(book, "no zip directory at its end"));
    }
    // A damaged file must not end the run: a fault inside the reader is a
    // file that cannot be read, as any other.
    let read =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load_from(book, BufReader::new(file))));
    let (name, rows) = read.unwrap_or_else(|_| Err(damaged(book, "the reader failed")))?;
    if ext == "ods" && super::zipped::ods_has_errors(book, &name) {
        let (file, sheet) = (book.file.display().to_string(), name);
        return Err(DataError(DataFail::OdsFormulaErrors { file, sheet }));
    }
    Ok((name, rows))
}

fn load_from(book: &Book, rs: Rs) -> Result<(String, Vec<(u32, Cells)>), DataError> {
    let ext = book.file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let mut rows = Rows::default();
    let name = match ext.as_str() {
        "xls" => dense(book, calamine::open_workbook_from_rs::<calamine::Xls<Rs>, Rs>(rs), &mut rows)?,
        "ods" => dense(book, calamine::open_workbook_from_rs::<calamine::Ods<Rs>, Rs>(rs), &mut rows)?,
        "xlsb" => {
            let mut wb: calamine::Xlsb<Rs> =
                calamine::open_workbook_from_rs(rs).map_err(|e| damaged(book, e))?;
            let name = choose(book, wb.sheets_metadata())?;
            let mut cells = wb.worksheet_cells_reader(&name).map_err(|e| damaged(book, e))?;
            stream(book, || cells.next_cell(), &mut rows)?;
            name
        }
        _ => {
            let mut wb: calamine::Xlsx<Rs> =
                calamine::open_workbook_from_rs(rs).map_err(|e| damaged(book, e))?;
            let name = choose(book, wb.sheets_metadata())?;
            let mut cells = wb.worksheet_cells_reader(&name).map_err(|e| damaged(book, e))?;
            stream(book, || cells.next_cell(), &mut rows)?;
            name
        }
    };
    Ok((name, rows.done()))
}

/// Cells gathered row by row (they arrive in order, row after row).
#[derive(Default)]
struct Rows {
    rows: Vec<(u32, Cells)>,
}

impl Rows {
    fn add(&mut self, (row, col): (u32, u32), data: Data) {
        let Some(cell) = convert(data).filter(|c| !c.is_empty()) else { return };
        match self.rows.last_mut() {
            Some((r, cells)) if *r == row => cells.push((col, cell)),
            _ => self.rows.push((row, vec![(col, cell)])),
        }
    }

    /// The rows in sheet order, each row's cells in column order.
    fn done(mut self) -> Vec<(u32, Cells)> {
        let sorted = self.rows.windows(2).all(|w| w[0].0 < w[1].0);
        if !sorted {
            // Rows written out of order: gather each row's cells in one.
            self.rows.sort_by_key(|(r, _)| *r);
            self.rows.dedup_by(|later, first| {
                let same = later.0 == first.0;
                if same {
                    first.1.append(&mut later.1);
                }
                same
            });
        }
        for (_, cells) in &mut self.rows {
            cells.sort_by_key(|(c, _)| *c);
        }
        self.rows
    }
}

/// A workbook read whole by `calamine` (`.xls`, `.ods`): its used cells.
fn dense<R: Reader<Rs>>(book: &Book, wb: Result<R, R::Error>, rows: &mut Rows) -> Result<String, DataError>
where
    R::Error: Display,
{
    let mut wb = wb.map_err(|e| damaged(book, e))?;
    let name = choose(book, wb.sheets_metadata())?;
    let range = wb.worksheet_range(&name).map_err(|e| damaged(book, e))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    for (r, c, data) in range.used_cells() {
        rows.add((top + r as u32, left + c as u32), data.clone());
    }
    Ok(name)
}

/// A workbook whose sheet `calamine` reads cell by cell (`.xlsx`, `.xlsb`).
fn stream<'a, E: Display>(
    book: &Book,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
    rows: &mut Rows,
) -> Result<(), DataError> {
    while let Some(cell) = next().map_err(|e| damaged(book, e))? {
        rows.add(cell.get_position(), Data::from(cell.get_value().clone()));
    }
    Ok(())
}

/// The sheet `book` names, else the first visible worksheet (else the first
/// worksheet); an unknown name is an error that lists the sheets.
fn choose(book: &Book, sheets: &[calamine::Sheet]) -> Result<String, DataError> {
    let work = || sheets.iter().filter(|s| s.typ == calamine::SheetType::WorkSheet);
    let found = match &book.sheet {
        Some(want) => sheets
            .iter()
            .find(|s| s.name == *want)
            .or_else(|| sheets.iter().find(|s| norm(&s.name) == norm(want))),
        None => work().find(|s| s.visible == calamine::SheetVisible::Visible).or_else(|| work().next()),
    };
    if let Some(s) = found {
        return Ok(s.name.clone());
    }
    let file = book.file.display().to_string();
    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    Err(DataError(match &book.sheet {
        Some(want) if !names.is_empty() => DataFail::NoSheet { file, want: want.clone(), sheets: names },
        _ => DataFail::NoWorksheet { file },
    }))
}

fn damaged(book: &Book, e: impl Display) -> DataError {
    DataError(DataFail::Damaged {
        file: book.file.display().to_string(),
        why: e.to_string(),
        ext: book.file.extension().and_then(|e| e.to_str()).unwrap_or("xlsx").to_ascii_lowercase(),
    })
}

/// A cell as a CSV export would hold it; `None` when it is empty.
fn convert(data: Data) -> Option<Cell> {
    Some(match data {
        Data::Empty => return None,
        Data::String(s) => Cell::Text(crate::text::nfc_owned(s)),
        Data::Int(i) => Cell::Number(i.to_string()),
        Data::Float(f) => Cell::Number(number_text(f)),
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(d) => date_time(&d),
        Data::DateTimeIso(s) => {
            iso_date(&s).map_or_else(|| Cell::Text(crate::text::nfc_owned(s)), Cell::Text)
        }
        Data::DurationIso(s) => Cell::Text(s),
        Data::Error(e) => Cell::Error(e.to_string()),
    })
}

/// A date cell as `YYYY-MM-DD` (a time of day, below one day, as
/// `HH:MM:SS`); a duration as its number of days.
fn date_time(d: &ExcelDateTime) -> Cell {
    match d.as_datetime() {
        Some(t) if d.is_datetime() && d.as_f64() >= 1.0 => {
            Cell::Text(t.date().format("%Y-%m-%d").to_string())
        }
        Some(t) if d.is_datetime() => Cell::Text(t.time().format("%H:%M:%S").to_string()),
        _ => Cell::Number(number_text(d.as_f64())),
    }
}

/// The date of an OpenDocument date cell (`2024-01-05` or
/// `2024-01-05T10:00:00`), as `YYYY-MM-DD`.
fn iso_date(s: &str) -> Option<String> {
    let day = s.split('T').next()?;
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok().map(|d| d.format("%Y-%m-%d").to_string())
}

/// A number as Excel shows and exports it: rounded to 15 significant
/// digits (Excel's precision), without exponent or trailing zeros: 8.0 is
/// `8`, 8.5 is `8.5`, and a sum stored as 0.30000000000000004 is `0.3`.
pub fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    let sci = format!("{f:.14e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        return "0".into();
    }
    let mut out = String::from(if f < 0.0 { "-" } else { "" });
    // The value is 0.DIGITS × 10^point.
    let point = exp + 1;
    let len = digits.len() as i64;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits);
    } else if point >= len {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (point - len) as usize));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    #[test]
    fn numbers_read_as_excel_shows_them() {
        let cases = [
            (8.0, "8"),
            (8.5, "8.5"),
            (-8.5, "-8.5"),
            (0.1 + 0.2, "0.3"),
            (69.99999999999999, "70"),
            (8.499999999999, "8.499999999999"),
            (1e21, "1000000000000000000000"),
            (1.5e-7, "0.00000015"),
            (123456789012345.0, "123456789012345"),
            (-0.0, "0"),
            (0.0, "0"),
            (2.0 / 3.0, "0.666666666666667"),
        ];
        for (f, want) in cases {
            assert_eq!(number_text(f), want, "{f:e}");
        }
    }

    #[test]
    fn cells_convert_as_csv_cells() {
        let date = |v| Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false));
        let text = |t: &str| Some(Cell::Text(t.into()));
        assert_eq!(convert(Data::Empty), None);
        assert_eq!(convert(Data::Int(27)), Some(Cell::Number("27".into())));
        assert_eq!(convert(Data::Float(8.0)), Some(Cell::Number("8".into())));
        assert_eq!(convert(Data::Bool(true)), Some(Cell::Bool(true)));
        assert_eq!(convert(date(34196.0)), text("1993-08-15"));
        assert_eq!(convert(date(34196.75)), text("1993-08-15"));
        assert_eq!(convert(date(0.5)), text("12:00:00"));
        let duration = Data::DateTime(ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false));
        assert_eq!(convert(duration), Some(Cell::Number("1.5".into())));
        assert_eq!(convert(Data::DateTimeIso("1993-08-15".into())), text("1993-08-15"));
        assert_eq!(convert(Data::DateTimeIso("1993-08-15T10:00:00".into())), text("1993-08-15"));
        assert_eq!(convert(Data::String("Ho\u{302}\u{300}".into())), text("H\u{1ed3}"));
        assert_eq!(convert(Data::Error(CellErrorType::NA)), Some(Cell::Error("#N/A".into())));
    }

    #[test]
    fn rows_gather_in_sheet_order() {
        let mut rows = Rows::default();
        for (at, v) in
            [((3, 1), "b"), ((3, 0), "a"), ((1, 0), "t"), ((2, 0), " "), ((3, 2), ""), ((1, 4), "u")]
        {
            rows.add(at, Data::String(v.into()));
        }
        rows.add((1, 2), Data::Empty);
        let got: Vec<(u32, Vec<u32>)> = rows
            .done()
            .into_iter()
            .map(|(r, cells)| (r, cells.into_iter().map(|(c, _)| c).collect()))
            .collect();
        assert_eq!(got, [(1, vec![0, 4]), (3, vec![0, 1])]);
    }
}
