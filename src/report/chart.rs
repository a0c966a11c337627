//! The report's chart of tier shares per unit, as geometry for the SVG the
//! template draws: one block per unit, one stacked bar per subject, each
//! tier a share of those classified.

use super::words::decimal;
use crate::lang::Lang;
use serde::Serialize;

/// The drawing's width in SVG units; it scales to the page.
const WIDTH: f64 = 680.0;
/// Where the bars start (the labels are to their left).
const BARS_AT: f64 = 250.0;
const BAR: f64 = 16.0;
const GAP: f64 = 6.0;
const HEADING: f64 = 20.0;
/// A subject label longer than this many characters is cut.
const LABEL: usize = 40;

/// The colours of the tiers, best first; more tiers than colours reuse the last.
pub const COLORS: [&str; 6] = ["#1a7f37", "#2f6fb5", "#d4a017", "#c0392b", "#7f8c8d", "#5b2c6f"];

pub fn color(tier: usize) -> &'static str {
    COLORS[tier.min(COLORS.len() - 1)]
}

#[derive(Serialize)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub bars_at: f64,
    pub bar: f64,
    pub headings: Vec<Text>,
    pub bars: Vec<Bar>,
    pub legend: Vec<Key>,
    pub legend_y: f64,
}

#[derive(Serialize)]
pub struct Text {
    pub y: f64,
    pub text: String,
}

#[derive(Serialize)]
pub struct Bar {
    pub y: f64,
    pub label: String,
    /// The full label, as the bar's tooltip.
    pub title: String,
    pub segments: Vec<Segment>,
}

#[derive(Serialize)]
pub struct Segment {
    pub x: f64,
    pub w: f64,
    pub color: &'static str,
    /// The share in words, written inside when the segment is wide enough.
    pub text: Option<String>,
    pub tx: f64,
}

#[derive(Serialize)]
pub struct Key {
    pub x: f64,
    pub color: &'static str,
    pub text: String,
}

/// One unit's bars: (subject label, counts per tier).
pub struct Block<'a> {
    pub unit: &'a str,
    pub bars: Vec<(&'a str, &'a [usize])>,
}

pub fn chart(blocks: &[Block<'_>], tiers: &[String], lang: Lang) -> Chart {
    let (mut y, mut headings, mut bars) = (0.0, Vec::new(), Vec::new());
    for b in blocks {
        y += HEADING;
        headings.push(Text { y: y - 5.0, text: b.unit.to_string() });
        for (label, counts) in &b.bars {
            bars.push(bar(y, label, counts, lang));
            y += BAR + GAP;
        }
    }
    let step = (WIDTH - BARS_AT) / tiers.len().max(1) as f64;
    let legend = tiers
        .iter()
        .enumerate()
        .map(|(t, text)| Key { x: BARS_AT + step * t as f64, color: color(t), text: text.clone() })
        .collect();
    Chart {
        width: WIDTH,
        height: y + 24.0,
        bars_at: BARS_AT,
        bar: BAR,
        headings,
        bars,
        legend,
        legend_y: y + 8.0,
    }
}

fn bar(y: f64, label: &str, counts: &[usize], lang: Lang) -> Bar {
    let all: usize = counts.iter().sum();
    let span = WIDTH - BARS_AT;
    let mut x = BARS_AT;
    let mut segments = Vec::new();
    for (t, n) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
        let share = *n as f64 / all as f64;
        let w = span * share;
        let text = (w >= 34.0).then(|| format!("{}%", decimal(lang, share * 100.0, 1)));
        segments.push(Segment { x, w, color: color(t), text, tx: x + w / 2.0 });
        x += w;
    }
    let short = if label.chars().count() > LABEL {
        format!("{}…", label.chars().take(LABEL - 1).collect::<String>())
    } else {
        label.to_string()
    };
    Bar { y, label: short, title: label.to_string(), segments }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_the_width_in_the_tiers_order() {
        let counts = [1, 2, 1, 0];
        let blocks = [Block { unit: "Đảng bộ A", bars: vec![("Đảng viên", &counts[..])] }];
        let tiers: Vec<String> = ["A", "B", "C", "D"].map(String::from).into();
        let c = chart(&blocks, &tiers, Lang::Vi);
        let segs = &c.bars[0].segments;
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[0].x, BARS_AT);
        let end = segs[2].x + segs[2].w;
        assert!((end - WIDTH).abs() < 1e-9);
        assert_eq!(segs[1].text.as_deref(), Some("50%"));
        assert_eq!(segs[0].text.as_deref(), Some("25%"));
        assert_eq!(c.legend.len(), 4);
        assert!(c.height > c.legend_y);
    }
}
