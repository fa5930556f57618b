//! Reading back what [`super::render`] drew: an independent Code 128 decoder
//! for the barcode of a label PDF.
//!
//! It exists so tests (and support tooling) can prove that the printed bars
//! really encode the tracking number, without trusting the encoder: it works
//! from the geometry in the PDF alone — rectangle positions and widths — and
//! its own copy of the Code 128 pattern table.
//!
//! Only what `render_pdf` produces is supported: uncompressed content streams
//! (no `/Filter`; `lopdf` and `flate2` are not dependencies of the library)
//! in which the bars are `x y w h re` operators inside a `/Barcode BMC … EMC`
//! (or `BDC`) marked-content section. Anything else yields `None`.

use super::render::BARCODE_TAG;

/// The text encoded by the Code 128 barcode of a label PDF, if one is found.
///
/// Scans the PDF's uncompressed streams for the `/Barcode` marked-content
/// section, turns its rectangles into bar and space widths, rounds them to
/// modules relative to the narrowest element, splits them into 11-module
/// symbols plus the 13-module stop pattern, looks the symbols up in the
/// Code 128 table, verifies the modulo-103 check symbol and decodes the
/// values with code set A/B/C switching and shifts. Returns `None` when no
/// barcode is found or anything about it is malformed (bad widths, unknown
/// patterns, wrong check symbol, missing stop, FNC4 extended characters).
pub fn code128_in_pdf(pdf: &[u8]) -> Option<String> {
    let rects = uncompressed_streams(pdf)
        .into_iter()
        .find_map(barcode_rects)?;
    let modules = element_modules(&rects)?;
    let values = symbol_values(&modules)?;
    decode_values(&values)
}

/// Whitespace as defined by the PDF specification.
fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Delimiter characters as defined by the PDF specification.
fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The data of every stream without a `/Filter`, in file order.
///
/// Streams are found by their `stream` keyword, which must follow a
/// dictionary's `>>` and be followed by an end-of-line; the data length is
/// taken from a direct `/Length` (falling back to the `endstream` keyword)
/// and the scan continues after the data, so bytes inside a stream are never
/// mistaken for structure.
fn uncompressed_streams(pdf: &[u8]) -> Vec<&[u8]> {
    let mut streams = Vec::new();
    let mut pos = 0;
    while let Some(found) = pdf.get(pos..).and_then(|rest| find(rest, b"stream")) {
        let keyword = pos + found;
        let after = keyword + b"stream".len();
        pos = after;
        let data_start = match pdf.get(after..) {
            Some([b'\r', b'\n', ..]) => after + 2,
            Some([b'\n', ..]) => after + 1,
            _ => continue,
        };
        let Some(dict) = dictionary_before(pdf, keyword) else {
            continue;
        };
        let length = direct_length(dict).or_else(|| {
            let rest = pdf.get(data_start..)?;
            let end = find(rest, b"endstream")?;
            // The EOL before `endstream` is not part of the data.
            let data = rest.get(..end)?;
            Some(data.len() - trailing_eol(data))
        });
        let Some(data) = length.and_then(|len| pdf.get(data_start..data_start.checked_add(len)?))
        else {
            continue;
        };
        if find(dict, b"/Filter").is_none() {
            streams.push(data);
        }
        pos = data_start + data.len();
    }
    streams
}

/// Length of the end-of-line marker at the end of `data`.
fn trailing_eol(data: &[u8]) -> usize {
    match data {
        [.., b'\r', b'\n'] => 2,
        [.., b'\n'] | [.., b'\r'] => 1,
        _ => 0,
    }
}

/// The dictionary (`<< … >>`) that ends right before the `stream` keyword at
/// `keyword`, found by matching the `>>` backwards to its `<<`.
fn dictionary_before(pdf: &[u8], keyword: usize) -> Option<&[u8]> {
    let head = pdf.get(..keyword)?;
    let end = head.iter().rposition(|&b| !is_white(b))? + 1;
    if !head.get(..end)?.ends_with(b">>") {
        return None;
    }
    let mut depth = 0usize;
    let mut i = end;
    while i >= 2 {
        match head.get(i - 2..i)? {
            b">>" => {
                depth += 1;
                i -= 2;
            }
            b"<<" => {
                depth = depth.checked_sub(1)?;
                i -= 2;
                if depth == 0 {
                    return head.get(i..end);
                }
            }
            _ => i -= 1,
        }
    }
    None
}

/// The value of a direct `/Length N` entry (not an indirect `N 0 R`).
fn direct_length(dict: &[u8]) -> Option<usize> {
    let at = find(dict, b"/Length")? + b"/Length".len();
    let rest = dict.get(at..)?;
    let rest = rest.get(rest.iter().position(|&b| !is_white(b))?..)?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let number: usize = std::str::from_utf8(rest.get(..digits)?)
        .ok()?
        .parse()
        .ok()?;
    // An indirect reference continues with a generation number and `R`.
    let tail = rest.get(digits..)?;
    let mut words = tail
        .split(|&b| is_white(b) || b == b'/' || b == b'>')
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (Some(generation), Some(b"R")) if generation.iter().all(u8::is_ascii_digit) => None,
        _ => Some(number),
    }
}

/// A content stream token; only what the barcode search needs is kept.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    Number(f64),
    Name(&'a [u8]),
    Operator(&'a [u8]),
    /// Strings, arrays, dictionaries: operands we never interpret.
    Other,
}

/// Splits a content stream into tokens, skipping comments and the contents
/// of strings (so text such as `(/Barcode BMC)` is never taken for an
/// operator).
fn tokenize(data: &[u8]) -> Option<Vec<Token<'_>>> {
    let mut tokens = Vec::with_capacity(data.len() / 4);
    let mut i = 0;
    while let Some(&b) = data.get(i) {
        match b {
            _ if is_white(b) => i += 1,
            b'%' => {
                while data.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'(' => {
                i = skip_literal_string(data, i)?;
                tokens.push(Token::Other);
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                i += 2;
                tokens.push(Token::Other);
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                i += 2;
                tokens.push(Token::Other);
            }
            b'<' => {
                i += data.get(i..)?.iter().position(|&c| c == b'>')? + 1;
                tokens.push(Token::Other);
            }
            b'[' | b']' | b'{' | b'}' | b')' | b'>' => {
                i += 1;
                tokens.push(Token::Other);
            }
            b'/' => {
                let start = i + 1;
                i = start + regular_run(data.get(start..)?);
                tokens.push(Token::Name(data.get(start..i)?));
            }
            _ => {
                let start = i;
                i += regular_run(data.get(start..)?).max(1);
                let word = data.get(start..i)?;
                let number = match word.first() {
                    Some(b'0'..=b'9' | b'+' | b'-' | b'.') => std::str::from_utf8(word)
                        .ok()
                        .and_then(|s| s.parse::<f64>().ok()),
                    _ => None,
                };
                tokens.push(number.map_or(Token::Operator(word), Token::Number));
            }
        }
    }
    Some(tokens)
}

/// Length of the run of regular (non-white, non-delimiter) bytes.
fn regular_run(data: &[u8]) -> usize {
    data.iter()
        .take_while(|&&b| !is_white(b) && !is_delimiter(b))
        .count()
}

/// Index just past the literal string starting at `start` (an opening
/// parenthesis), honouring nesting and backslash escapes.
fn skip_literal_string(data: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        match *data.get(i)? {
            b'\\' => i += 2,
            b'(' => {
                depth += 1;
                i += 1;
            }
            b')' => {
                depth = depth.checked_sub(1)?;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
}

/// An axis-aligned rectangle from an `re` operator, normalised to positive
/// width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bar {
    x: f64,
    width: f64,
}

/// The rectangles inside the first `/Barcode` marked-content section of a
/// content stream, or `None` if the stream has none.
fn barcode_rects(stream: &[u8]) -> Option<Vec<Bar>> {
    let tokens = tokenize(stream)?;
    let mut operands: Vec<Token<'_>> = Vec::with_capacity(8);
    // Marked-content depth inside the barcode section (0 = not inside).
    let mut depth = 0usize;
    let mut bars = Vec::new();
    for token in tokens {
        let Token::Operator(op) = token else {
            operands.push(token);
            continue;
        };
        match op {
            b"BMC" | b"BDC" if depth > 0 => depth += 1,
            b"BMC" | b"BDC" if operands.first() == Some(&Token::Name(BARCODE_TAG.as_bytes())) => {
                depth = 1;
            }
            b"EMC" if depth == 1 => return Some(bars),
            b"EMC" if depth > 1 => depth -= 1,
            b"re" if depth > 0 => {
                let [
                    Token::Number(x),
                    Token::Number(_y),
                    Token::Number(w),
                    Token::Number(h),
                ] = operands.as_slice()
                else {
                    return None;
                };
                if !(x.is_finite() && w.is_finite() && h.is_finite()) || *w == 0.0 || *h == 0.0 {
                    return None;
                }
                let (x, width) = if *w < 0.0 { (x + w, -w) } else { (*x, *w) };
                bars.push(Bar { x, width });
            }
            _ => {}
        }
        operands.clear();
    }
    // A section that never ends is malformed.
    None
}

/// Widths of the alternating bars and spaces, first bar to last, in modules.
fn element_modules(rects: &[Bar]) -> Option<Vec<u8>> {
    let mut bars = rects.to_vec();
    bars.sort_by(|a, b| a.x.total_cmp(&b.x));
    let narrowest_bar = bars.iter().map(|b| b.width).fold(f64::INFINITY, f64::min);
    if !narrowest_bar.is_finite() {
        return None;
    }

    // Widths of bar, space, bar, …; bars that touch or overlap (a producer
    // that draws one rectangle per module) are merged into one.
    let mut widths: Vec<f64> = Vec::with_capacity(bars.len() * 2);
    let mut current = *bars.first()?;
    for bar in bars.iter().skip(1) {
        let gap = bar.x - (current.x + current.width);
        if gap < 0.2 * narrowest_bar {
            let end = (bar.x + bar.width).max(current.x + current.width);
            current.width = end - current.x;
        } else {
            widths.push(current.width);
            widths.push(gap);
            current = *bar;
        }
    }
    widths.push(current.width);

    // First estimate: the narrowest element is one module. Then refine with
    // the whole symbol's width, which averages out rounding in the file.
    let narrowest = widths.iter().copied().fold(f64::INFINITY, f64::min);
    let first = to_modules(&widths, narrowest)?;
    let total_width: f64 = widths.iter().sum();
    let total_modules: u32 = first.iter().map(|&m| u32::from(m)).sum();
    to_modules(&widths, total_width / f64::from(total_modules))
}

/// Each width rounded to whole modules; every element must be 1 to 4 wide.
fn to_modules(widths: &[f64], module: f64) -> Option<Vec<u8>> {
    if !(module.is_finite() && module > 0.0) {
        return None;
    }
    widths
        .iter()
        .map(|w| {
            let m = (w / module).round();
            (1.0..=4.0).contains(&m).then_some(m as u8)
        })
        .collect()
}

/// Code 128 element widths (bar, space, bar, space, bar, space) for symbol
/// values 0 to 106; 106 is the stop pattern with its final 2-module bar.
const PATTERNS: [&[u8]; 107] = [
    b"212222", b"222122", b"222221", b"121223", b"121322", b"131222", b"122213", b"122312",
    b"132212", b"221213", b"221312", b"231212", b"112232", b"122132", b"122231", b"113222",
    b"123122", b"123221", b"223211", b"221132", b"221231", b"213212", b"223112", b"312131",
    b"311222", b"321122", b"321221", b"312212", b"322112", b"322211", b"212123", b"212321",
    b"232121", b"111323", b"131123", b"131321", b"112313", b"132113", b"132311", b"211313",
    b"231113", b"231311", b"112133", b"112331", b"132131", b"113123", b"113321", b"133121",
    b"313121", b"211331", b"231131", b"213113", b"213311", b"213131", b"311123", b"311321",
    b"331121", b"312113", b"312311", b"332111", b"314111", b"221411", b"431111", b"111224",
    b"111422", b"121124", b"121421", b"141122", b"141221", b"112214", b"112412", b"122114",
    b"122411", b"142112", b"142211", b"241211", b"221114", b"413111", b"241112", b"134111",
    b"111242", b"121142", b"121241", b"114212", b"124112", b"124211", b"411212", b"421112",
    b"421211", b"212141", b"214121", b"412121", b"111143", b"111341", b"131141", b"114113",
    b"114311", b"411113", b"411311", b"113141", b"114131", b"311141", b"411131", b"211412",
    b"211214", b"211232", b"2331112",
];

/// Start code values for code sets A, B and C.
const START_A: u8 = 103;
const START_B: u8 = 104;
const START_C: u8 = 105;
/// Index of the stop pattern in [`PATTERNS`].
const STOP: usize = 106;

/// The value of a 6-element symbol, if it is one of the 106 symbols.
fn lookup(elements: &[u8]) -> Option<u8> {
    let index = PATTERNS.iter().take(STOP).position(|pattern| {
        pattern
            .iter()
            .map(|d| d.wrapping_sub(b'0'))
            .eq(elements.iter().copied())
    })?;
    u8::try_from(index).ok()
}

/// Symbol values from start code to check symbol (stop removed), after
/// verifying the stop pattern and the checksum. Tries the reverse direction
/// too, in case the bars were drawn right to left.
fn symbol_values(elements: &[u8]) -> Option<Vec<u8>> {
    let forward = symbol_values_in_order(elements);
    if forward.is_some() {
        return forward;
    }
    let reversed: Vec<u8> = elements.iter().rev().copied().collect();
    symbol_values_in_order(&reversed)
}

/// [`symbol_values`] for one reading direction.
fn symbol_values_in_order(elements: &[u8]) -> Option<Vec<u8>> {
    let stop = PATTERNS.get(STOP)?;
    // Start, at least one data symbol, check symbol, stop.
    if elements.len() < 3 * 6 + stop.len() || (elements.len() - stop.len()) % 6 != 0 {
        return None;
    }
    let (symbols, tail) = elements.split_at(elements.len() - stop.len());
    if !tail.iter().map(|m| m + b'0').eq(stop.iter().copied()) {
        return None;
    }
    let values: Vec<u8> = symbols
        .chunks(6)
        .map(|symbol| {
            let width: u8 = symbol.iter().sum();
            if width == 11 { lookup(symbol) } else { None }
        })
        .collect::<Option<_>>()?;

    let (&start, rest) = values.split_first()?;
    let (&check, data) = rest.split_last()?;
    if !(START_A..=START_C).contains(&start) {
        return None;
    }
    let weighted: u32 = data
        .iter()
        .zip(1u32..)
        .map(|(&v, weight)| u32::from(v) * weight)
        .sum();
    if (u32::from(start) + weighted) % 103 != u32::from(check) {
        return None;
    }
    Some(values)
}

/// The three Code 128 code sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeSet {
    A,
    B,
    C,
}

/// Decodes symbol values (start code, data, check symbol) to text.
///
/// FNC1 in first position (GS1-128) is dropped and elsewhere becomes the
/// group separator (0x1D), as scanners report it; FNC2 and FNC3 are ignored;
/// FNC4 (ISO 8859-1 extension) is not supported and yields `None`.
fn decode_values(values: &[u8]) -> Option<String> {
    let (&start, rest) = values.split_first()?;
    let (_check, data) = rest.split_last()?;
    let mut set = match start {
        START_A => CodeSet::A,
        START_B => CodeSet::B,
        START_C => CodeSet::C,
        _ => return None,
    };
    let mut shifted = false;
    let mut text = String::with_capacity(data.len() * 2);
    for (position, &value) in data.iter().enumerate() {
        // A shift (value 98 in A or B) switches between A and B for one
        // character only.
        let current = match (shifted, set) {
            (true, CodeSet::A) => CodeSet::B,
            (true, CodeSet::B) => CodeSet::A,
            (_, s) => s,
        };
        shifted = false;
        match (current, value) {
            (CodeSet::A, 0..=63) => text.push(char::from(value + 32)),
            (CodeSet::A, 64..=95) => text.push(char::from(value - 64)),
            (CodeSet::B, 0..=95) => text.push(char::from(value + 32)),
            (CodeSet::C, 0..=99) => {
                text.push(char::from(b'0' + value / 10));
                text.push(char::from(b'0' + value % 10));
            }
            // FNC3, FNC2: reader instructions, not data.
            (CodeSet::A | CodeSet::B, 96 | 97) => {}
            (CodeSet::A | CodeSet::B, 98) => shifted = true,
            (CodeSet::A | CodeSet::B, 99) => set = CodeSet::C,
            (CodeSet::A | CodeSet::C, 100) => set = CodeSet::B,
            (CodeSet::B | CodeSet::C, 101) => set = CodeSet::A,
            // FNC4 (B: 100, A: 101).
            (CodeSet::B, 100) | (CodeSet::A, 101) => return None,
            (_, 102) if position == 0 => {}
            (_, 102) => text.push('\u{1D}'),
            // Start codes inside the data.
            _ => return None,
        }
    }
    if shifted || text.is_empty() {
        return None;
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::render::{LabelAddress, LabelContent, render_pdf};

    fn address(name: &str) -> LabelAddress {
        LabelAddress {
            name: name.into(),
            company: Some("Acme Returns B.V.".into()),
            line1: "Keizersgracht 123".into(),
            line2: None,
            postal_code: "1015 CJ".into(),
            city: "Amsterdam".into(),
            country: "NL".into(),
        }
    }

    fn label(tracking: &str) -> LabelContent {
        LabelContent {
            carrier: "postnl".into(),
            tracking_number: tracking.into(),
            rma_number: "RMA-2026-000042".into(),
            sender: address("Jan de Vries"),
            recipient: address("Warehouse Returns"),
            service_point: Some("Primera Centrum, Damrak 1, Amsterdam".into()),
        }
    }

    /// A minimal PDF-like file with one uncompressed stream holding the
    /// given symbol values (plus stop) as barcode rectangles of module `m`,
    /// drawn left to right or, if `mirrored`, right to left.
    fn synthetic_pdf(values: &[u8], m: f64, mirrored: bool) -> Vec<u8> {
        let mut elements: Vec<u8> = Vec::new();
        for &v in values {
            elements.extend(PATTERNS[usize::from(v)].iter().map(|d| d - b'0'));
        }
        elements.extend(PATTERNS[STOP].iter().map(|d| d - b'0'));
        if mirrored {
            elements.reverse();
        }
        let mut content = String::from("/Barcode BMC\nq\n");
        let mut x = 10.0;
        for (i, &e) in elements.iter().enumerate() {
            let w = f64::from(e) * m;
            if i % 2 == 0 {
                content.push_str(&format!("{x:.3} 20 {w:.3} 40 re\n"));
            }
            x += w;
        }
        content.push_str("f\nQ\nEMC");
        format!(
            "%PDF-1.7\n1 0 obj\n<<\n  /Length {}\n>>\nstream\n{}\nendstream\nendobj\n",
            content.len(),
            content
        )
        .into_bytes()
    }

    fn with_checksum(start: u8, data: &[u8]) -> Vec<u8> {
        let sum: u32 = u32::from(start)
            + data
                .iter()
                .zip(1u32..)
                .map(|(&v, w)| u32::from(v) * w)
                .sum::<u32>();
        let mut values = vec![start];
        values.extend_from_slice(data);
        values.push((sum % 103) as u8);
        values
    }

    #[test]
    fn the_pattern_table_has_106_symbols_of_11_modules_and_a_13_module_stop() {
        for (value, pattern) in PATTERNS.iter().enumerate().take(STOP) {
            assert_eq!(pattern.len(), 6, "value {value}");
            let modules: u32 = pattern.iter().map(|d| u32::from(d - b'0')).sum();
            assert_eq!(modules, 11, "value {value}");
        }
        let stop: u32 = PATTERNS[STOP].iter().map(|d| u32::from(d - b'0')).sum();
        assert_eq!(stop, 13);
        // Every pattern is unique, so lookups are unambiguous.
        for (i, a) in PATTERNS.iter().enumerate() {
            for b in PATTERNS.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn decodes_the_tracking_number_back_from_rendered_labels() {
        for tracking in [
            "3SABC0001234",
            "123456789012",
            "12345",
            "RT-2026-000042",
            "1",
            "12",
            "JVGL06234567890123456789",
            "CD123456785NL",
            "ab cd/EF~!",
        ] {
            let pdf = render_pdf(&label(tracking)).expect("renders");
            assert_eq!(
                code128_in_pdf(&pdf).as_deref(),
                Some(tracking),
                "tracking {tracking}"
            );
        }
    }

    #[test]
    fn decodes_a_long_tracking_number_drawn_with_narrow_modules() {
        let tracking = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghij";
        let pdf = render_pdf(&label(tracking)).expect("renders");
        assert_eq!(code128_in_pdf(&pdf).as_deref(), Some(tracking));
    }

    #[test]
    fn text_that_looks_like_the_barcode_marker_does_not_confuse_the_decoder() {
        let mut content = label("3SABC0001234");
        content.sender.name = "/Barcode BMC 1 2 3 4 re EMC (stream".into();
        content.recipient.name = "endstream >> stream".into();
        let pdf = render_pdf(&content).expect("renders");
        assert_eq!(code128_in_pdf(&pdf).as_deref(), Some("3SABC0001234"));
    }

    #[test]
    fn decodes_hand_built_symbols_with_set_switches_and_a_shift() {
        // Start B, "A", "b", Code C, 12, 34, Code A, shift, "c" (from B), "D".
        let data = [33, 66, 99, 12, 34, 101, 98, 67, 36];
        let pdf = synthetic_pdf(&with_checksum(START_B, &data), 0.9, false);
        assert_eq!(code128_in_pdf(&pdf).as_deref(), Some("Ab1234cD"));
    }

    #[test]
    fn a_wrong_check_symbol_is_rejected() {
        let mut values = with_checksum(START_B, &[33, 34, 35]);
        let last = values.len() - 1;
        values[last] = (values[last] + 1) % 103;
        let pdf = synthetic_pdf(&values, 1.0, false);
        assert_eq!(code128_in_pdf(&pdf), None);
    }

    #[test]
    fn bars_drawn_right_to_left_still_decode() {
        let values = with_checksum(START_C, &[12, 34, 56]);
        let pdf = synthetic_pdf(&values, 1.0, true);
        assert_eq!(code128_in_pdf(&pdf).as_deref(), Some("123456"));
    }

    #[test]
    fn garbage_and_barcode_free_pdfs_give_none() {
        assert_eq!(code128_in_pdf(b""), None);
        assert_eq!(code128_in_pdf(b"%PDF-1.7\nnot really a pdf"), None);
        let no_barcode = b"%PDF-1.7\n1 0 obj\n<< /Length 9 >>\nstream\n0 0 1 1 re\nendstream\n";
        assert_eq!(code128_in_pdf(no_barcode), None);
        let compressed =
            b"<< /Length 20 /Filter /FlateDecode >>\nstream\n/Barcode BMC 1 re EMC\nendstream";
        assert_eq!(code128_in_pdf(compressed), None);
    }

    #[test]
    fn a_truncated_label_gives_none_instead_of_panicking() {
        let pdf = render_pdf(&label("3SABC0001234")).expect("renders");
        for cut in (0..pdf.len()).step_by(97) {
            let _ = code128_in_pdf(&pdf[..cut]);
        }
    }
}
