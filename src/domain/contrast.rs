//! Whether a brand theme's text is readable: the WCAG 2 contrast ratio of
//! the colour pairs the portal draws text with. A failing pair does not make
//! the theme invalid (the merchant may have reasons), so it is reported as a
//! warning in the Returns Settings rather than refused.
//!
//! The reference portal draws its text in `primary_color` on
//! `background_color` (and its brand bar the other way round), links and
//! choices in `accent_color` on the background, and button labels in
//! `background_color` on `accent_color`: two pairs, each checked once.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::brand::Theme;

/// WCAG 2 level AA for normal-size text (success criterion 1.4.3).
pub const AA_NORMAL_TEXT: f64 = 4.5;

/// What a settings warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// Text drawn in these colours fails WCAG 2 AA contrast (4.5:1).
    LowContrast,
}

/// A problem worth fixing that does not make the settings invalid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SettingsWarning {
    /// Where, e.g. `theme.primary_color` (the brand's theme).
    #[schema(example = "theme.primary_color")]
    pub field: String,
    /// What.
    pub code: WarningCode,
    /// For people.
    pub message: String,
    /// The measured contrast ratio (1–21), for `low_contrast`.
    #[schema(example = 2.9)]
    pub contrast_ratio: Option<f64>,
}

/// The relative luminance of `#rrggbb` (WCAG 2), `None` when it is not one.
fn luminance(hex: &str) -> Option<f64> {
    let digits = hex.strip_prefix('#').filter(|d| d.len() == 6)?;
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(digits.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// The contrast ratio of two `#rrggbb` colours, 1 to 21.
pub fn ratio(a: &str, b: &str) -> Option<f64> {
    let (a, b) = (luminance(a)?, luminance(b)?);
    let (light, dark) = if a >= b { (a, b) } else { (b, a) };
    Some((light + 0.05) / (dark + 0.05))
}

/// One warning per text colour of `theme` that fails AA on the background.
pub fn theme_warnings(theme: &Theme) -> Vec<SettingsWarning> {
    [
        ("primary_color", &theme.primary_color, "text"),
        ("accent_color", &theme.accent_color, "links and buttons"),
    ]
    .into_iter()
    .filter_map(|(field, colour, what)| {
        let r = ratio(colour, &theme.background_color)?;
        (r < AA_NORMAL_TEXT).then(|| SettingsWarning {
            field: format!("theme.{field}"),
            code: WarningCode::LowContrast,
            message: format!(
                "{what} in {colour} on {} has a contrast of {:.2}:1; WCAG 2 AA asks for at least 4.5:1",
                theme.background_color,
                (r * 100.0).floor() / 100.0
            ),
            contrast_ratio: Some((r * 100.0).floor() / 100.0),
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(primary: &str, accent: &str, background: &str) -> Theme {
        Theme {
            primary_color: primary.into(),
            accent_color: accent.into(),
            background_color: background.into(),
            ..Theme::default()
        }
    }

    #[test]
    fn black_on_white_has_the_largest_contrast_and_equal_colours_the_smallest() {
        assert!((ratio("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((ratio("#ffffff", "#000000").unwrap() - 21.0).abs() < 1e-9);
        assert!((ratio("#777777", "#777777").unwrap() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_ratio_matches_the_published_wcag_figure_for_mid_grey_on_white() {
        // #767676 on white is the classic lightest grey that passes AA: 4.54:1.
        let r = ratio("#767676", "#FFFFFF").unwrap();
        assert!((r - 4.54).abs() < 0.01, "{r}");
        assert!(ratio("#777777", "#ffffff").unwrap() < AA_NORMAL_TEXT);
    }

    #[test]
    fn the_default_theme_passes_without_warnings() {
        assert!(theme_warnings(&Theme::default()).is_empty());
    }

    #[test]
    fn a_light_accent_on_white_warns_about_links_and_buttons_only() {
        let w = theme_warnings(&theme("#0f172a", "#fbbf24", "#ffffff"));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].field, "theme.accent_color");
        assert_eq!(w[0].code, WarningCode::LowContrast);
        assert!(w[0].contrast_ratio.unwrap() < 2.0);
    }

    #[test]
    fn a_colour_that_is_not_hex_gives_no_ratio_and_no_warning() {
        assert_eq!(ratio("red", "#ffffff"), None);
        assert!(theme_warnings(&theme("red", "#000000", "#ffffff")).is_empty());
    }
}
