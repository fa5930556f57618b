//! Label rendering: a printable A6 return label as PDF, and QR codes as PNG
//! or SVG.
//!
//! The PDF is written by hand with `pdf-writer` rather than through a layout
//! engine because labels are rendered in bulk (thousands per second on one
//! core) and must stay small (a few KB) so that they can be stored next to the
//! return and streamed to thermal printers:
//!
//! * Text uses the standard Type 1 fonts Helvetica and Helvetica-Bold, which
//!   every PDF reader ships, so nothing is embedded. Strings are encoded to
//!   `WinAnsiEncoding` bytes; characters outside that code page become `'?'`
//!   (common Latin Extended-A letters such as `ł` or `đ` fall back to their
//!   base letter first, which is what postal services prefer to a `'?'`).
//! * Line widths are measured with the fonts' AFM metrics so every line is
//!   shrunk or truncated to fit the page.
//! * The tracking number is drawn as a Code 128 barcode made of filled
//!   rectangles inside a `/Barcode BMC … EMC` marked-content section, which
//!   [`super::inspect::code128_in_pdf`] reads back.
//! * The content stream is left uncompressed: it is only a few KB and this
//!   keeps the tracking number and RMA greppable in the file.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// A postal address printed on a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelAddress {
    /// Addressee.
    pub name: String,
    /// Company.
    pub company: Option<String>,
    /// Street and number.
    pub line1: String,
    /// Second line.
    pub line2: Option<String>,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
}

/// Everything printed on a return label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelContent {
    /// Carrier code, e.g. `postnl`.
    pub carrier: String,
    /// Tracking number (also the Code 128 barcode).
    pub tracking_number: String,
    /// The return's RMA number.
    pub rma_number: String,
    /// The customer (sender of the return).
    pub sender: LabelAddress,
    /// Where the parcel goes (warehouse or vendor).
    pub recipient: LabelAddress,
    /// Drop-off service point, one line, if chosen.
    pub service_point: Option<String>,
}

/// Rendering failure.
#[derive(Debug, thiserror::Error)]
#[error("label rendering failed: {0}")]
pub struct RenderError(pub String);

/// Page width of an A6 label in PDF points (105 mm).
pub const PAGE_WIDTH_PT: f32 = 297.64;

/// Page height of an A6 label in PDF points (148 mm).
pub const PAGE_HEIGHT_PT: f32 = 419.53;

/// Marked-content tag wrapping the barcode's rectangles in the content stream
/// (`/Barcode BMC … EMC`), so readers can tell the bars from other drawing.
pub const BARCODE_TAG: &str = "Barcode";

/// Quiet zone on each side of the barcode, in modules (ISO/IEC 15417 asks for
/// at least 10).
pub const BARCODE_QUIET_ZONE_MODULES: usize = 10;

/// One millimetre in PDF points.
const MM: f32 = 72.0 / 25.4;
/// Page margin on every side.
const MARGIN: f32 = 5.0 * MM;
/// Usable width between the side margins.
const CONTENT_WIDTH: f32 = PAGE_WIDTH_PT - 2.0 * MARGIN;
/// Top edge of the printable area.
const TOP: f32 = PAGE_HEIGHT_PT - MARGIN;

/// Preferred barcode module (narrowest bar) width: 3 dots on a 203 dpi
/// thermal printer, comfortably above the 0.25 mm most carriers require.
const MODULE_PREFERRED: f32 = 0.375 * MM;
/// Smallest module width used when a long tracking number must be squeezed
/// into the page width; below this, hand scanners get unreliable.
const MODULE_MIN: f32 = 0.19 * MM;
/// Bar height (25 mm; carriers ask for at least 15 mm).
const BARCODE_HEIGHT: f32 = 25.0 * MM;
/// Bottom edge of the bars; the human-readable number sits below.
const BARCODE_BOTTOM: f32 = 38.0;

/// Catalog, page tree, page, content stream, fonts and info dictionary.
const CATALOG_ID: Ref = Ref::new(1);
const PAGE_TREE_ID: Ref = Ref::new(2);
const PAGE_ID: Ref = Ref::new(3);
const CONTENT_ID: Ref = Ref::new(4);
const FONT_REGULAR_ID: Ref = Ref::new(5);
const FONT_BOLD_ID: Ref = Ref::new(6);
const INFO_ID: Ref = Ref::new(7);

/// The two standard fonts the label uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    /// Resource name in the page's font dictionary.
    fn resource(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    /// Advance widths (1/1000 em) for WinAnsi codes 32..=255.
    fn widths(self) -> &'static [u16; 224] {
        match self {
            Font::Regular => &HELVETICA_WIDTHS,
            Font::Bold => &HELVETICA_BOLD_WIDTHS,
        }
    }

    /// Width of WinAnsi-encoded `text` at `size` points.
    fn text_width(self, text: &[u8], size: f32) -> f32 {
        let widths = self.widths();
        let units: u32 = text
            .iter()
            .map(|&b| {
                usize::from(b)
                    .checked_sub(32)
                    .and_then(|i| widths.get(i))
                    .map_or(0, |&w| u32::from(w))
            })
            .sum();
        units as f32 * size / 1000.0
    }
}

/// Renders an A6 PDF label.
///
/// Layout, top to bottom: a header with the carrier name and an inverted
/// "RETURN" box; the FROM block (sender, small); the TO block (recipient,
/// large, framed); the RMA number in large bold type and the drop-off service
/// point, if any; the tracking number as a Code 128 barcode with the number
/// in plain text below it.
///
/// Fails if the tracking number is empty, contains characters other than
/// printable ASCII, or is too long for a barcode of at least 0.19 mm module
/// width to fit the label.
pub fn render_pdf(content: &LabelContent) -> Result<Vec<u8>, RenderError> {
    // Encode the barcode first: it is the only part that can fail, and there
    // is no point in laying out text for a label that cannot be scanned.
    let modules = code128_modules(&content.tracking_number)?;

    let mut page = Content::with_capacity(6 * 1024);
    draw_header(&mut page, &content.carrier);
    draw_sender(&mut page, &content.sender);
    draw_recipient(&mut page, &content.recipient);
    draw_rma(
        &mut page,
        &content.rma_number,
        content.service_point.as_deref(),
    );
    draw_barcode(&mut page, &modules)?;
    draw_tracking_text(&mut page, &content.tracking_number);
    let stream = page.finish();

    let mut pdf = Pdf::with_capacity(stream.len() + 2048);
    pdf.catalog(CATALOG_ID).pages(PAGE_TREE_ID);
    pdf.pages(PAGE_TREE_ID).kids([PAGE_ID]).count(1);
    {
        let mut page = pdf.page(PAGE_ID);
        page.parent(PAGE_TREE_ID)
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH_PT, PAGE_HEIGHT_PT))
            .contents(CONTENT_ID);
        page.resources()
            .fonts()
            .pair(Font::Regular.resource(), FONT_REGULAR_ID)
            .pair(Font::Bold.resource(), FONT_BOLD_ID);
        page.finish();
    }
    pdf.stream(CONTENT_ID, &stream);
    pdf.type1_font(FONT_REGULAR_ID)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(FONT_BOLD_ID)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    // No creation date on purpose: the same content renders to the same
    // bytes, which keeps labels cacheable and tests deterministic.
    pdf.document_info(INFO_ID)
        .title(TextStr(&format!("Return label {}", content.rma_number)))
        .producer(TextStr("returns-api"));
    Ok(pdf.finish())
}

/// Header: carrier name on the left, inverted "RETURN" box on the right and
/// a rule below.
fn draw_header(page: &mut Content, carrier: &str) {
    const HEIGHT: f32 = 24.0;
    const RETURN_SIZE: f32 = 14.0;
    let word = b"RETURN";
    let box_width = Font::Bold.text_width(word, RETURN_SIZE) + 14.0;
    let box_x = PAGE_WIDTH_PT - MARGIN - box_width;

    page.save_state();
    page.set_fill_gray(0.0)
        .rect(r(box_x), r(TOP - HEIGHT), r(box_width), HEIGHT)
        .fill_nonzero();
    page.set_fill_gray(1.0);
    show(page, Font::Bold, RETURN_SIZE, box_x + 7.0, TOP - 17.0, word);
    page.restore_state();

    let (name, size) = fit(
        Font::Bold,
        &carrier.to_uppercase(),
        17.0,
        9.0,
        box_x - MARGIN - 8.0,
    );
    show(page, Font::Bold, size, MARGIN, TOP - 18.0, &name);

    rule(page, TOP - 30.0, 1.2);
}

/// FROM block: a small label column and up to six lines of sender address.
fn draw_sender(page: &mut Content, sender: &LabelAddress) {
    const LABEL_COLUMN: f32 = 30.0;
    const SIZE: f32 = 8.0;
    const LEADING: f32 = 9.5;
    let x = MARGIN + LABEL_COLUMN;
    let max_width = CONTENT_WIDTH - LABEL_COLUMN;
    let first_baseline = TOP - 41.0;

    show(page, Font::Bold, 7.0, MARGIN, first_baseline, b"FROM");
    let mut y = first_baseline;
    for (i, line) in address_lines(sender).iter().enumerate() {
        // The name in bold so the customer can be identified at a glance.
        let font = if i == 0 { Font::Bold } else { Font::Regular };
        let (text, size) = fit(font, line, SIZE, SIZE, max_width);
        show(page, font, size, x, y, &text);
        y -= LEADING;
    }

    rule(page, TOP - 96.0, 0.8);
}

/// TO block: framed, large type; this is what the sorting staff read.
fn draw_recipient(page: &mut Content, recipient: &LabelAddress) {
    const FRAME_TOP: f32 = TOP - 101.0;
    const FRAME_BOTTOM: f32 = TOP - 215.0;
    const PADDING: f32 = 7.0;
    let x = MARGIN + PADDING;
    let max_width = CONTENT_WIDTH - 2.0 * PADDING;

    page.set_line_width(1.5)
        .rect(
            r(MARGIN + 0.75),
            r(FRAME_BOTTOM),
            r(CONTENT_WIDTH - 1.5),
            r(FRAME_TOP - FRAME_BOTTOM),
        )
        .stroke();

    let mut y = FRAME_TOP - 12.0;
    show(page, Font::Bold, 8.0, x, y, b"TO");

    // (text, font, size, leading before the line)
    let mut lines: Vec<(&str, Font, f32, f32)> = Vec::with_capacity(6);
    lines.push((recipient.name.trim(), Font::Bold, 15.0, 18.0));
    if let Some(company) = non_empty(recipient.company.as_deref()) {
        lines.push((company, Font::Bold, 11.0, 14.0));
    }
    lines.push((recipient.line1.trim(), Font::Regular, 12.0, 15.0));
    if let Some(line2) = non_empty(recipient.line2.as_deref()) {
        lines.push((line2, Font::Regular, 12.0, 15.0));
    }
    let city = postal_city(recipient);
    lines.push((&city, Font::Bold, 14.0, 17.0));
    lines.push((recipient.country.trim(), Font::Bold, 12.0, 15.0));

    for (text, font, size, leading) in lines {
        y -= leading;
        if text.is_empty() {
            continue;
        }
        let (bytes, size) = fit(font, text, size, size, max_width);
        show(page, font, size, x, y, &bytes);
    }
}

/// RMA number (large) and the drop-off service point line.
fn draw_rma(page: &mut Content, rma: &str, service_point: Option<&str>) {
    let label_baseline = TOP - 229.0;
    show(page, Font::Bold, 8.0, MARGIN, label_baseline, b"RMA");
    let (text, size) = fit(Font::Bold, rma, 22.0, 10.0, CONTENT_WIDTH);
    show(page, Font::Bold, size, MARGIN, label_baseline - 21.0, &text);

    if let Some(point) = non_empty(service_point) {
        let label = b"Drop-off: ";
        let label_width = Font::Bold.text_width(label, 8.5);
        let y = label_baseline - 36.0;
        show(page, Font::Bold, 8.5, MARGIN, y, label);
        let (text, size) = fit(Font::Regular, point, 8.5, 8.5, CONTENT_WIDTH - label_width);
        show(page, Font::Regular, size, MARGIN + label_width, y, &text);
    }

    rule(page, TOP - 272.0, 0.8);
}

/// The Code 128 bars, one `re` per bar, inside the `/Barcode` section.
fn draw_barcode(page: &mut Content, modules: &[bool]) -> Result<(), RenderError> {
    let total_modules = modules.len() + 2 * BARCODE_QUIET_ZONE_MODULES;
    let module = (CONTENT_WIDTH / total_modules as f32).min(MODULE_PREFERRED);
    if module < MODULE_MIN {
        return Err(RenderError(format!(
            "tracking number too long for the label: the barcode needs {total_modules} \
             modules, which would make them narrower than 0.19 mm"
        )));
    }
    // Centre symbol plus quiet zones; the quiet zones stay blank.
    let left = (PAGE_WIDTH_PT - total_modules as f32 * module) / 2.0
        + BARCODE_QUIET_ZONE_MODULES as f32 * module;

    page.begin_marked_content(Name(BARCODE_TAG.as_bytes()));
    page.save_state();
    page.set_fill_gray(0.0);
    // Every position is derived from an integer module offset, so rounding
    // to 0.01 pt never accumulates along the symbol.
    for (start, width) in bars(modules) {
        let x = r(left + start as f32 * module);
        let w = r(width as f32 * module);
        page.rect(x, BARCODE_BOTTOM, w, r(BARCODE_HEIGHT));
    }
    page.fill_nonzero();
    page.restore_state();
    page.end_marked_content();
    Ok(())
}

/// The tracking number in plain text, centred below the bars.
fn draw_tracking_text(page: &mut Content, tracking: &str) {
    let (text, size) = fit(Font::Bold, tracking, 12.0, 6.0, CONTENT_WIDTH);
    let width = Font::Bold.text_width(&text, size);
    let x = (PAGE_WIDTH_PT - width) / 2.0;
    show(page, Font::Bold, size, x, BARCODE_BOTTOM - 14.0, &text);
}

/// The printable lines of an address, empty optional parts left out.
fn address_lines(address: &LabelAddress) -> Vec<String> {
    let mut lines = Vec::with_capacity(6);
    lines.push(address.name.trim().to_owned());
    if let Some(company) = non_empty(address.company.as_deref()) {
        lines.push(company.to_owned());
    }
    lines.push(address.line1.trim().to_owned());
    if let Some(line2) = non_empty(address.line2.as_deref()) {
        lines.push(line2.to_owned());
    }
    lines.push(postal_city(address));
    lines.push(address.country.trim().to_owned());
    lines.retain(|line| !line.is_empty());
    lines
}

/// "1011 AB Amsterdam": postal code and city on one line.
fn postal_city(address: &LabelAddress) -> String {
    let postal = address.postal_code.trim();
    let city = address.city.trim();
    match (postal.is_empty(), city.is_empty()) {
        (true, _) => city.to_owned(),
        (_, true) => postal.to_owned(),
        _ => format!("{postal} {city}"),
    }
}

/// `Some(trimmed)` for a present, non-blank optional field.
fn non_empty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// A horizontal rule across the content width.
fn rule(page: &mut Content, y: f32, width: f32) {
    page.set_line_width(width)
        .move_to(r(MARGIN), r(y))
        .line_to(r(PAGE_WIDTH_PT - MARGIN), r(y))
        .stroke();
}

/// One line of text at an absolute position.
fn show(page: &mut Content, font: Font, size: f32, x: f32, y: f32, text: &[u8]) {
    if text.is_empty() {
        return;
    }
    page.begin_text()
        .set_font(font.resource(), size)
        .set_text_matrix([1.0, 0.0, 0.0, 1.0, r(x), r(y)])
        .show(Str(text))
        .end_text();
}

/// Rounds to 0.01 pt: far below printer resolution, and it keeps the content
/// stream short (`12.35` instead of `12.346457`).
fn r(value: f32) -> f32 {
    (value * 100.0).round() / 100.0
}

/// Encodes `text` to WinAnsi and makes it fit `max_width`: first by shrinking
/// the font from `size` down to `min_size`, then by cutting it and appending
/// "...". Returns the bytes and the font size to use.
fn fit(font: Font, text: &str, size: f32, min_size: f32, max_width: f32) -> (Vec<u8>, f32) {
    let mut bytes = encode_winansi(text);
    let width = font.text_width(&bytes, size);
    if width <= max_width {
        return (bytes, size);
    }
    // Shrink in half-point steps so the size stays a "normal" number.
    let shrunk = ((size * max_width / width) * 2.0).floor() / 2.0;
    if shrunk >= min_size {
        return (bytes, shrunk);
    }
    let size = min_size;
    let ellipsis = b"...";
    let budget = max_width - font.text_width(ellipsis, size);
    let mut used = 0.0;
    let mut keep = 0;
    for (i, &b) in bytes.iter().enumerate() {
        used += font.text_width(&[b], size);
        if used > budget {
            break;
        }
        keep = i + 1;
    }
    bytes.truncate(keep);
    while bytes.last() == Some(&b' ') {
        bytes.pop();
    }
    bytes.extend_from_slice(ellipsis);
    (bytes, size)
}

/// Encodes text to `WinAnsiEncoding` (Windows-1252) bytes for the standard
/// Type 1 fonts.
///
/// Latin-1 letters (é, ü, ß, ø, …) and the Windows-1252 extras (€, Š, Œ,
/// typographic quotes, dashes) map to their code; common Latin Extended-A
/// letters that the code page lacks (ł, đ, č, ő, ș, …) fall back to their
/// base letter; control characters become spaces; combining marks and
/// zero-width characters are dropped; anything else (Greek, Cyrillic, CJK,
/// emoji) becomes `'?'`. The result never contains bytes below 32.
pub fn encode_winansi(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(b) = winansi_byte(c) {
            out.push(b);
        } else if c.is_control() {
            out.push(b' ');
        } else if matches!(c, '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}') {
            // Combining accents (decomposed input) and invisible formatting
            // characters: the base letter was already written.
        } else {
            out.push(latin_fallback(c).unwrap_or(b'?'));
        }
    }
    out
}

/// The WinAnsi code of `c`, if the code page has it.
fn winansi_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    match code {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(code).ok(),
        _ => Some(match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201C}' => 0x93,
            '\u{201D}' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            // Hyphen look-alikes that often come from copy-pasted addresses.
            '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
            _ => return None,
        }),
    }
}

/// Base letters for U+0100..=U+017F (Latin Extended-A); `?` where there is
/// no sensible single letter. Entries the code page itself has (Œ, Š, Ÿ, Ž
/// and their lower case forms) are handled before this table is consulted.
const LATIN_EXTENDED_A: &[u8; 128] = b"AaAaAaCcCcCcCcDd\
DdEeEeEeEeEeGgGg\
GgGgHhHhIiIiIiIi\
Ii??JjKkkLlLlLlL\
lLlNnNnNnnNnOoOo\
Oo??RrRrRrSsSsSs\
??TtTtTtUuUuUuUu\
UuUuWwYy?ZzZz??s";

/// An ASCII base letter for Latin letters missing from WinAnsi.
fn latin_fallback(c: char) -> Option<u8> {
    match c {
        '\u{0100}'..='\u{017F}' => {
            let index = usize::try_from(u32::from(c) - 0x100).ok()?;
            LATIN_EXTENDED_A.get(index).copied().filter(|&b| b != b'?')
        }
        // Romanian comma-below letters (Latin Extended-B).
        'Ș' => Some(b'S'),
        'ș' => Some(b's'),
        'Ț' => Some(b'T'),
        'ț' => Some(b't'),
        _ => None,
    }
}

/// The Code 128 symbol for `tracking` as modules (`true` = bar), from the
/// start character to the stop pattern, without quiet zones.
///
/// Character sets are chosen as ISO/IEC 15417 Annex E suggests, restricted to
/// sets B and C (tracking numbers are printable ASCII): start in C when the
/// data begins with four or more digits (or is exactly two digits), switch to
/// C for runs of at least six digits (four at the end of the data), and
/// encode an odd leading digit of such a run in B. A numeric tracking number
/// of even length is therefore pure set C, the densest encoding.
pub fn code128_modules(tracking: &str) -> Result<Vec<bool>, RenderError> {
    let input = code128_input(tracking)?;
    let symbol = barcoders::sym::code128::Code128::new(&input).map_err(|e| {
        RenderError(format!(
            "cannot encode tracking number {tracking:?} as Code 128: {e}"
        ))
    })?;
    Ok(symbol.encode().into_iter().map(|m| m == 1).collect())
}

/// The `barcoders` input for `data`: the data with character-set selectors
/// (`Ɓ` = set B, `Ć` = set C) inserted.
fn code128_input(data: &str) -> Result<String, RenderError> {
    let bytes = data.as_bytes();
    if bytes.is_empty() {
        return Err(RenderError("tracking number is empty".into()));
    }
    if let Some(bad) = data.chars().find(|c| !(' '..='~').contains(c)) {
        return Err(RenderError(format!(
            "tracking number {data:?} contains {bad:?}; only printable ASCII can be encoded"
        )));
    }
    let digit_run = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    const SET_B: char = '\u{0181}';
    const SET_C: char = '\u{0106}';

    let n = bytes.len();
    let mut out = String::with_capacity(n + 4);
    let leading = digit_run(0);
    let mut in_c = (leading == n && n >= 2) || leading >= 4;
    out.push(if in_c { SET_C } else { SET_B });
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let run = digit_run(i);
        if in_c {
            if let (true, Some(&next)) = (run >= 2, bytes.get(i + 1)) {
                out.push(char::from(b));
                out.push(char::from(next));
                i += 2;
            } else {
                out.push(SET_B);
                in_c = false;
            }
        } else if (run >= 4 && i + run == n) || run >= 6 {
            // Switching costs one symbol and saves one per digit pair, so it
            // pays off from six digits (four when no switch back is needed).
            if run % 2 == 1 {
                out.push(char::from(b));
                i += 1;
            }
            out.push(SET_C);
            in_c = true;
        } else {
            out.push(char::from(b));
            i += 1;
        }
    }
    Ok(out)
}

/// Runs of bar modules as `(first module, width in modules)`: adjacent bar
/// modules merge into one rectangle, so a wide bar is one `re`, not several
/// touching ones (which would also show hairline gaps on some rasterisers).
fn bars(modules: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(modules.len() / 3);
    let mut start = None;
    for (i, &dark) in modules.iter().enumerate() {
        match (dark, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i - s));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, modules.len() - s));
    }
    out
}

/// A QR code as PNG (`scale` pixels per module).
///
/// Error correction level M, a quiet zone of 4 modules, 8-bit greyscale
/// (black on white). `scale` is clamped to `1..=32`.
pub fn qr_png(data: &str, scale: u32) -> Result<Vec<u8>, RenderError> {
    const QUIET_ZONE: usize = 4;
    let scale =
        usize::try_from(scale.clamp(1, 32)).map_err(|e| RenderError(format!("QR scale: {e}")))?;
    let code = qr_code(data)?;
    let width = code.width();
    let colors = code.into_colors();

    let side = (width + 2 * QUIET_ZONE) * scale;
    let side_u32 = u32::try_from(side).map_err(|e| RenderError(format!("QR too large: {e}")))?;
    // Build one pixel row per module row and repeat it `scale` times.
    let mut pixels = Vec::with_capacity(side * side);
    let mut row = vec![0xFFu8; side];
    let quiet_rows = vec![0xFFu8; side * QUIET_ZONE * scale];
    pixels.extend_from_slice(&quiet_rows);
    for module_row in colors.chunks(width) {
        row.fill(0xFF);
        for (x, color) in module_row.iter().enumerate() {
            if *color == qrcode::Color::Dark {
                let start = (QUIET_ZONE + x) * scale;
                if let Some(px) = row.get_mut(start..start + scale) {
                    px.fill(0x00);
                }
            }
        }
        for _ in 0..scale {
            pixels.extend_from_slice(&row);
        }
    }
    pixels.extend_from_slice(&quiet_rows);

    let mut png_bytes = Vec::with_capacity(1024 + side * side / 16);
    let mut encoder = png::Encoder::new(&mut png_bytes, side_u32, side_u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder
        .write_header()
        .map_err(|e| RenderError(format!("PNG header: {e}")))?;
    writer
        .write_image_data(&pixels)
        .map_err(|e| RenderError(format!("PNG data: {e}")))?;
    writer
        .finish()
        .map_err(|e| RenderError(format!("PNG finish: {e}")))?;
    Ok(png_bytes)
}

/// A QR code as SVG.
///
/// Error correction level M, black (`#000000`) on white (`#ffffff`), with the
/// standard 4-module quiet zone, at least 200 × 200 px.
pub fn qr_svg(data: &str) -> Result<String, RenderError> {
    use qrcode::render::svg;
    let code = qr_code(data)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}

/// The QR code for `data` at error correction level M.
fn qr_code(data: &str) -> Result<qrcode::QrCode, RenderError> {
    qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| RenderError(format!("cannot encode QR code: {e}")))
}

// Advance widths from Adobe's AFM files for Helvetica and Helvetica-Bold
// (1/1000 em), indexed by WinAnsi code - 32. The six codes WinAnsi leaves
// undefined carry the bullet width; `encode_winansi` never produces them.
const HELVETICA_WIDTHS: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, //
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, //
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, //
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350, //
    556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, //
    350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667, //
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, //
    400, 584, 333, 333, 333, 578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, //
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, //
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, //
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, //
];

const HELVETICA_BOLD_WIDTHS: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, //
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, //
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, //
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350, //
    556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, //
    350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667, //
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, //
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, //
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, //
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, //
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, //
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, //
];

#[cfg(test)]
mod tests {
    use super::*;

    fn address(name: &str, city: &str) -> LabelAddress {
        LabelAddress {
            name: name.into(),
            company: Some("Acme Returns B.V.".into()),
            line1: "Keizersgracht 123".into(),
            line2: Some("Unit 4".into()),
            postal_code: "1015 CJ".into(),
            city: city.into(),
            country: "NL".into(),
        }
    }

    fn label(tracking: &str) -> LabelContent {
        LabelContent {
            carrier: "postnl".into(),
            tracking_number: tracking.into(),
            rma_number: "RMA-2026-000042".into(),
            sender: address("Jan de Vries", "Utrecht"),
            recipient: address("Returns Department", "Amsterdam"),
            service_point: Some("Primera Centrum, Damrak 1, 1012 LG Amsterdam".into()),
        }
    }

    fn load(pdf: &[u8]) -> lopdf::Document {
        lopdf::Document::load_mem(pdf).expect("lopdf parses the label")
    }

    fn page_content(doc: &lopdf::Document) -> Vec<u8> {
        let pages = doc.get_pages();
        let page_id = *pages.get(&1).expect("page 1");
        doc.get_page_content(page_id).expect("page content")
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    /// The `re` rectangles inside the `/Barcode` section, as (x, y, w, h).
    fn barcode_rects(content: &[u8]) -> Vec<[f32; 4]> {
        let ops = lopdf::content::Content::decode(content).expect("content decodes");
        let mut inside = false;
        let mut rects = Vec::new();
        for op in ops.operations {
            match op.operator.as_str() {
                "BMC" => inside = op.operands[0].as_name().expect("tag") == b"Barcode",
                "EMC" => inside = false,
                "re" if inside => {
                    let v: Vec<f32> = op
                        .operands
                        .iter()
                        .map(|o| o.as_float().expect("number"))
                        .collect();
                    rects.push([v[0], v[1], v[2], v[3]]);
                }
                _ => {}
            }
        }
        rects
    }

    #[test]
    fn the_label_is_a_one_page_a6_pdf_that_lopdf_parses() {
        let pdf = render_pdf(&label("3SABC0001234")).expect("renders");
        assert!(pdf.starts_with(b"%PDF-"));
        let doc = load(&pdf);
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 1);
        let page = doc.get_dictionary(pages[&1]).expect("page dict");
        let media_box: Vec<f32> = page
            .get(b"MediaBox")
            .and_then(lopdf::Object::as_array)
            .expect("media box")
            .iter()
            .map(|o| o.as_float().expect("number"))
            .collect();
        assert_eq!(media_box.len(), 4);
        assert!((media_box[2] - media_box[0] - 297.64).abs() < 0.01);
        assert!((media_box[3] - media_box[1] - 419.53).abs() < 0.01);
    }

    #[test]
    fn the_content_shows_the_tracking_number_rma_carrier_and_addresses() {
        let pdf = render_pdf(&label("3SABC0001234")).expect("renders");
        let content = page_content(&load(&pdf));
        for text in [
            &b"(3SABC0001234)"[..],
            b"(RMA-2026-000042)",
            b"(POSTNL)",
            b"(RETURN)",
            b"(FROM)",
            b"(TO)",
            b"(Returns Department)",
            b"(1015 CJ Amsterdam)",
            b"(Primera Centrum, Damrak 1, 1012 LG Amsterdam)",
        ] {
            assert!(
                contains(&content, text),
                "missing {}",
                String::from_utf8_lossy(text)
            );
        }
        // Uncompressed on purpose: simple checks can grep the file itself.
        assert!(contains(&pdf, b"(3SABC0001234)"));
    }

    #[test]
    fn the_fonts_are_standard_helvetica_with_winansi_encoding_and_not_embedded() {
        let pdf = render_pdf(&label("3SABC0001234")).expect("renders");
        assert!(contains(&pdf, b"/BaseFont /Helvetica\n"));
        assert!(contains(&pdf, b"/BaseFont /Helvetica-Bold"));
        assert!(contains(&pdf, b"/Encoding /WinAnsiEncoding"));
        assert!(!contains(&pdf, b"/FontFile"));
    }

    #[test]
    fn the_document_info_has_title_and_producer() {
        let pdf = render_pdf(&label("3SABC0001234")).expect("renders");
        let doc = load(&pdf);
        let info_ref = doc
            .trailer
            .get(b"Info")
            .and_then(lopdf::Object::as_reference)
            .expect("info");
        let info = doc.get_dictionary(info_ref).expect("info dict");
        let title = info
            .get(b"Title")
            .and_then(lopdf::Object::as_str)
            .expect("title");
        assert_eq!(title, b"Return label RMA-2026-000042");
        let producer = info
            .get(b"Producer")
            .and_then(lopdf::Object::as_str)
            .expect("producer");
        assert_eq!(producer, b"returns-api");
    }

    #[test]
    fn the_barcode_is_tall_enough_has_quiet_zones_and_fits_the_page() {
        for tracking in ["3SABC0001234", "123456789012", "JVGL06234567890123456789"] {
            let pdf = render_pdf(&label(tracking)).expect("renders");
            let rects = barcode_rects(&page_content(&load(&pdf)));
            assert!(!rects.is_empty());
            let module = rects.iter().map(|r| r[2]).fold(f32::INFINITY, f32::min);
            assert!(module >= 0.25 * MM - 0.01, "{tracking}: module {module}");
            for rect in &rects {
                assert!(rect[3] >= 15.0 * MM, "bar height {}", rect[3]);
            }
            let left = rects.iter().map(|r| r[0]).fold(f32::INFINITY, f32::min);
            let right = rects.iter().map(|r| r[0] + r[2]).fold(0.0, f32::max);
            let quiet = BARCODE_QUIET_ZONE_MODULES as f32 * module - 0.05;
            assert!(left - MARGIN >= quiet, "{tracking}: left quiet zone");
            assert!(
                PAGE_WIDTH_PT - MARGIN - right >= quiet,
                "{tracking}: right quiet zone"
            );
            // Adjacent bar modules are merged: no two rectangles touch.
            let mut xs: Vec<[f32; 4]> = rects.clone();
            xs.sort_by(|a, b| a[0].total_cmp(&b[0]));
            for pair in xs.windows(2) {
                assert!(pair[1][0] - (pair[0][0] + pair[0][2]) > 0.4 * module);
            }
        }
    }

    #[test]
    fn long_tracking_numbers_shrink_the_modules_but_not_below_0_19_mm() {
        let long = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghij";
        let pdf = render_pdf(&label(long)).expect("renders");
        let rects = barcode_rects(&page_content(&load(&pdf)));
        let module = rects.iter().map(|r| r[2]).fold(f32::INFINITY, f32::min);
        assert!(
            (0.19 * MM - 0.01..0.25 * MM).contains(&module),
            "module {module}"
        );
        let right = rects.iter().map(|r| r[0] + r[2]).fold(0.0, f32::max);
        assert!(right <= PAGE_WIDTH_PT - MARGIN);

        let too_long = "X".repeat(60);
        let err = render_pdf(&label(&too_long)).expect_err("cannot fit");
        assert!(err.0.contains("too long"), "{err}");
    }

    #[test]
    fn empty_or_non_ascii_tracking_numbers_are_rejected_with_an_error() {
        assert!(render_pdf(&label("")).is_err());
        assert!(render_pdf(&label("ABC→123")).is_err());
        assert!(render_pdf(&label("ABC\n123")).is_err());
    }

    #[test]
    fn code_sets_b_and_c_are_chosen_for_the_densest_barcode() {
        assert_eq!(code128_input("123456789012").unwrap(), "Ć123456789012");
        assert_eq!(code128_input("12345").unwrap(), "Ć1234Ɓ5");
        assert_eq!(code128_input("1").unwrap(), "Ɓ1");
        assert_eq!(code128_input("3SABC0001234").unwrap(), "Ɓ3SABC0Ć001234");
        assert_eq!(code128_input("RT-2026-000042").unwrap(), "ƁRT-2026-Ć000042");
        assert_eq!(code128_input("CD123456785NL").unwrap(), "ƁCD1Ć23456785ƁNL");
        // Every choice is accepted by the encoder.
        for input in [
            "123456789012",
            "12345",
            "1",
            "3SABC0001234",
            "CD123456785NL",
        ] {
            assert!(code128_modules(input).is_ok(), "{input}");
        }
    }

    #[test]
    fn non_ascii_names_still_render_a_valid_pdf() {
        let mut content = label("RT-2026-000042");
        content.sender.name = "Zoë Ðorđević 東京".into();
        content.recipient.name = "Ελληνικά Ωμέγα (Ltd) \\ back".into();
        content.recipient.city = "Düsseldorf".into();
        content.service_point = Some("Straße 5 — Café «Ünïcödé» 🚚".into());
        let pdf = render_pdf(&content).expect("renders");
        let doc = load(&pdf);
        assert_eq!(doc.get_pages().len(), 1);
        let content_bytes = page_content(&doc);
        // WinAnsi bytes: ë = EB, Ð = D0, đ falls back to d, CJK becomes '?'.
        let zoe = encode_winansi("Zoë Ðorđević 東京");
        assert_eq!(zoe, b"Zo\xEB \xD0ordevic ??".to_vec());
        let ops = lopdf::content::Content::decode(&content_bytes).expect("content decodes");
        let shown: Vec<Vec<u8>> = ops
            .operations
            .iter()
            .filter(|op| op.operator == "Tj")
            .map(|op| op.operands[0].as_str().expect("string").to_vec())
            .collect();
        assert!(shown.contains(&zoe));
        assert!(
            shown.contains(&b"D\xFCsseldorf".to_vec())
                || shown.iter().any(|s| s.ends_with(b"D\xFCsseldorf"))
        );
        assert!(
            shown
                .iter()
                .any(|s| s.starts_with(b"???????? ????? (Ltd) \\ back"))
        );
        assert!(
            shown
                .iter()
                .any(|s| s.starts_with(b"Stra\xDFe 5 \x97 Caf\xE9 \xAB\xDCn\xEFc\xF6d\xE9\xBB ?"))
        );
        // The barcode is unaffected.
        assert_eq!(
            crate::labels::inspect::code128_in_pdf(&pdf).as_deref(),
            Some("RT-2026-000042")
        );
    }

    #[test]
    fn winansi_encoding_maps_latin1_and_windows_extras_and_replaces_the_rest() {
        assert_eq!(encode_winansi("é ü ß Ø ñ"), b"\xE9 \xFC \xDF \xD8 \xF1");
        assert_eq!(
            encode_winansi("€ Š œ „x“ – ‘y’"),
            b"\x80 \x8A \x9C \x84x\x93 \x96 \x91y\x92"
        );
        assert_eq!(encode_winansi("Łódź Kraków"), b"L\xF3dz Krak\xF3w");
        assert_eq!(encode_winansi("Ωμέγα"), b"?????");
        assert_eq!(encode_winansi("a\tb\nc\u{7f}"), b"a b c ");
        // Decomposed "é" (e + combining acute) keeps the base letter.
        assert_eq!(encode_winansi("e\u{301}"), b"e");
        assert!(
            encode_winansi("any \u{0}\u{1F}\u{9F} text")
                .iter()
                .all(|&b| b >= 32)
        );
    }

    #[test]
    fn over_long_lines_are_shrunk_or_truncated_to_fit() {
        let long = "Very Long Company Name With Many Words ".repeat(5);
        let (bytes, size) = fit(Font::Regular, &long, 12.0, 12.0, 200.0);
        assert_eq!(size, 12.0);
        assert!(bytes.ends_with(b"..."));
        assert!(Font::Regular.text_width(&bytes, size) <= 200.0);

        let (bytes, size) = fit(Font::Bold, "RMA-2026-000000042-EXTRA", 22.0, 10.0, 200.0);
        assert!((10.0..22.0).contains(&size));
        assert!(!bytes.ends_with(b"..."));
        assert!(Font::Bold.text_width(&bytes, size) <= 200.0);

        let mut content = label("3SABC0001234");
        content.recipient.line1 = long.clone();
        content.sender.company = Some(long);
        content.rma_number = "RMA-".repeat(30);
        let pdf = render_pdf(&content).expect("renders");
        let ops = lopdf::content::Content::decode(&page_content(&load(&pdf))).expect("decodes");
        // Every text line starts inside the page and ends before the right margin.
        let mut font = Font::Regular;
        let mut size = 0.0;
        let mut x = 0.0;
        for op in &ops.operations {
            match op.operator.as_str() {
                "Tf" => {
                    font = if op.operands[0].as_name().expect("name") == b"F2" {
                        Font::Bold
                    } else {
                        Font::Regular
                    };
                    size = op.operands[1].as_float().expect("size");
                }
                "Tm" => x = op.operands[4].as_float().expect("x"),
                "Tj" => {
                    let text = op.operands[0].as_str().expect("string");
                    let end = x + font.text_width(text, size);
                    assert!(x >= MARGIN - 0.01 && end <= PAGE_WIDTH_PT - MARGIN + 0.01);
                }
                _ => {}
            }
        }
    }

    #[test]
    fn a_typical_label_is_at_most_8_kib() {
        let pdf = render_pdf(&label("3SABC0001234")).expect("renders");
        assert!(pdf.len() <= 8192, "{} bytes", pdf.len());
        let mut long = label("JVGL06234567890123456789");
        long.recipient.line2 = Some("Building C, third floor, door on the left".into());
        let pdf = render_pdf(&long).expect("renders");
        assert!(pdf.len() <= 8192, "{} bytes", pdf.len());
    }

    #[test]
    fn rendering_is_deterministic() {
        let content = label("3SABC0001234");
        assert_eq!(render_pdf(&content).unwrap(), render_pdf(&content).unwrap());
    }

    #[test]
    fn labels_without_optional_fields_render() {
        let mut content = label("12345");
        content.sender.company = None;
        content.sender.line2 = Some("   ".into());
        content.recipient.company = None;
        content.recipient.line2 = None;
        content.service_point = None;
        let pdf = render_pdf(&content).expect("renders");
        let content_bytes = page_content(&load(&pdf));
        assert!(!contains(&content_bytes, b"Drop-off"));
        assert_eq!(
            crate::labels::inspect::code128_in_pdf(&pdf).as_deref(),
            Some("12345")
        );
    }

    /// Decodes a greyscale PNG and reads its QR code with rqrr.
    fn read_qr(png_bytes: &[u8]) -> (u32, String) {
        let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        let mut reader = decoder.read_info().expect("png header");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("png frame");
        assert_eq!(info.color_type, png::ColorType::Grayscale);
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        let (w, h) = (info.width as usize, info.height as usize);
        let pixels = &buf[..info.buffer_size()];
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code");
        let (_, text) = grids[0].decode().expect("QR decodes");
        (info.width, text)
    }

    #[test]
    fn the_qr_png_decodes_back_to_the_input_with_rqrr() {
        for data in [
            "https://returns.example.com/r/RMA-2026-000042?t=3SABC0001234",
            "RMA-2026-000042",
            "Zoë 東京",
        ] {
            let png_bytes = qr_png(data, 4).expect("png");
            assert!(png_bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
            let (_, text) = read_qr(&png_bytes);
            assert_eq!(text, data);
        }
    }

    #[test]
    fn the_qr_png_has_a_4_module_quiet_zone_and_clamps_the_scale() {
        let code = qr_code("RMA-2026-000042").expect("qr");
        let modules = u32::try_from(code.width()).expect("width") + 8;
        let (width, _) = read_qr(&qr_png("RMA-2026-000042", 5).expect("png"));
        assert_eq!(width, modules * 5);
        let (width, _) = read_qr(&qr_png("RMA-2026-000042", 0).expect("png"));
        assert_eq!(width, modules);
        let big = qr_png("RMA-2026-000042", 1000).expect("png");
        let reader = png::Decoder::new(std::io::Cursor::new(&big[..]))
            .read_info()
            .expect("png header");
        assert_eq!(reader.info().width, modules * 32);
    }

    #[test]
    fn the_qr_svg_is_an_svg_document_with_paths() {
        let svg = qr_svg("RMA-2026-000042").expect("svg");
        assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"));
        assert!(svg.contains("<path") || svg.contains("<rect"));
        assert!(svg.contains("#000000") && svg.contains("#ffffff"));
    }

    #[test]
    fn data_too_large_for_a_qr_code_is_an_error() {
        let huge = "x".repeat(5000);
        assert!(qr_png(&huge, 4).is_err());
        assert!(qr_svg(&huge).is_err());
    }
}
