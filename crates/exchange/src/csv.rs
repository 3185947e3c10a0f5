//! The CSV writing shared by the reviewer's scores and the panel's records: RFC 4180 quoting,
//! CRLF line ends, and a guard against cells a spreadsheet would run as formulas. The callers
//! start the text with a UTF-8 byte-order mark so spreadsheets read it as UTF-8.

/// One record: cells guarded and quoted, separated by commas, ended by CRLF.
pub(crate) fn row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell.as_ref());
    }
    out.push_str("\r\n");
}

/// A cell as RFC 4180 writes it: in quotes, with quotes doubled, when it holds a comma, a quote
/// or a line break. A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) gets a leading `'` first, so it shows as text.
pub(crate) fn push_cell(out: &mut String, cell: &str) {
    let guarded;
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{cell}");
        guarded.as_str()
    } else {
        cell
    };
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Reads CSV text written here back as a spreadsheet would (RFC 4180, with the `csv` crate),
/// after checking it starts with the byte-order mark: for the tests of both CSVs.
#[cfg(test)]
pub(crate) fn parse_back(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}
