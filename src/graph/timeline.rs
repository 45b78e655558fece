//! Time: when each event happened (the date its sentence states, else the earliest publication
//! date of the articles that report it), periods to filter by, and the histogram of events by
//! year or month that the time strip draws. Dates are ISO text, whole or partial ("2003",
//! "2003-11", "2003-11-04"), which sort and compare as text.

use petgraph::stable_graph::NodeIndex;
use serde::{Deserialize, Serialize};

use super::NewsGraph;

/// A period, both ends included, as full ISO dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

impl Period {
    /// Whether a (possibly partial) date falls in the period, in part at least.
    pub fn contains(&self, date: &str) -> bool {
        span(date).is_some_and(|(a, b)| a <= self.to && b >= self.from)
    }
}

/// The first and last day a whole or partial ISO date covers ("2003" → 2003-01-01 to
/// 2003-12-31); `None` for anything else.
pub fn span(date: &str) -> Option<(String, String)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = date.trim().split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 && digits(y) => Some((format!("{y}-01-01"), format!("{y}-12-31"))),
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => {
            Some((format!("{y}-{m}-01"), format!("{y}-{m}-31")))
        }
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            (digits(y) && digits(m) && digits(d)).then(|| (date.to_string(), date.to_string()))
        }
        _ => None,
    }
}

/// When an event happened: the date it states, else the earliest publication date of the
/// articles that report it. `None` for other nodes and undated events.
pub fn event_date(graph: &NewsGraph, node: NodeIndex) -> Option<String> {
    let n = graph.graph().node_weight(node)?;
    let info = n.event.as_ref()?;
    if let Some(d) = info.date.as_deref().filter(|d| span(d).is_some()) {
        return Some(d.to_string());
    }
    n.evidence
        .iter()
        .filter_map(|e| graph.article(e.article)?.date.as_deref())
        .filter(|d| span(d).is_some())
        .min()
        .map(str::to_string)
}

/// The unit of the histogram's bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// One bar a year.
    Year,
    /// One bar a month.
    Month,
}

/// One bar of the histogram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// "2003" or "2003-11".
    pub label: String,
    /// The period it covers.
    pub period: Period,
    /// Events in it.
    pub count: usize,
}

/// Events by year or month, every bar from the first to the last (empty ones included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// Year or month.
    pub unit: Unit,
    /// The bars, in time order.
    pub buckets: Vec<Bucket>,
    /// Events with no date.
    pub undated: usize,
}

/// The histogram of the graph's events: by month when they span at most three years, else by
/// year. An event dated by year only counts in its year's first month in a monthly histogram.
pub fn histogram(graph: &NewsGraph) -> Histogram {
    let g = graph.graph();
    let mut dates: Vec<String> = Vec::new();
    let mut undated = 0;
    for i in g.node_indices() {
        if g[i].event.is_none() {
            continue;
        }
        match event_date(graph, i) {
            Some(d) => dates.push(d),
            None => undated += 1,
        }
    }
    dates.sort();
    let year = |d: &str| d[..4].parse::<u32>().unwrap_or(0);
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
        return Histogram {
            unit: Unit::Year,
            buckets: Vec::new(),
            undated,
        };
    };
    let (y0, y1) = (year(first), year(last));
    let unit = if y1 - y0 < 3 { Unit::Month } else { Unit::Year };
    let mut buckets = Vec::new();
    for y in y0..=y1 {
        match unit {
            Unit::Year => buckets.push(Bucket {
                label: format!("{y:04}"),
                period: Period {
                    from: format!("{y:04}-01-01"),
                    to: format!("{y:04}-12-31"),
                },
                count: 0,
            }),
            Unit::Month => {
                for m in 1..=12 {
                    buckets.push(Bucket {
                        label: format!("{y:04}-{m:02}"),
                        period: Period {
                            from: format!("{y:04}-{m:02}-01"),
                            to: format!("{y:04}-{m:02}-31"),
                        },
                        count: 0,
                    });
                }
            }
        }
    }
    for d in &dates {
        let at = match unit {
            Unit::Year => (year(d) - y0) as usize,
            Unit::Month => {
                let month = d
                    .get(5..7)
                    .and_then(|m| m.parse::<usize>().ok())
                    .unwrap_or(1);
                (year(d) - y0) as usize * 12 + month.clamp(1, 12) - 1
            }
        };
        if let Some(b) = buckets.get_mut(at) {
            b.count += 1;
        }
    }
    Histogram {
        unit,
        buckets,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Plover;
    use crate::graph::{EventInfo, NodeKind};

    fn graph(dates: &[Option<&str>]) -> NewsGraph {
        let mut g = NewsGraph::new();
        for (k, d) in dates.iter().enumerate() {
            let e = g.upsert_node(&format!("event:{k}"), NodeKind::Event, "e");
            g.graph[e].event = Some(EventInfo {
                kind: "meeting".into(),
                date: d.map(str::to_string),
                ..EventInfo::blank(Plover::Consult)
            });
        }
        g
    }

    #[test]
    fn partial_dates_cover_their_year_or_month() {
        assert_eq!(
            span("2003"),
            Some(("2003-01-01".into(), "2003-12-31".into()))
        );
        assert_eq!(
            span("2003-11"),
            Some(("2003-11-01".into(), "2003-11-31".into()))
        );
        assert_eq!(span("Monday"), None);
        let p = Period {
            from: "2003-06-01".into(),
            to: "2004-02-01".into(),
        };
        assert!(p.contains("2003") && p.contains("2004-01-15") && p.contains("2004"));
        assert!(!p.contains("2002-12") && !p.contains("2004-03-01") && !p.contains("soon"));
    }

    #[test]
    fn events_are_counted_by_year_or_by_month() {
        let h = histogram(&graph(&[
            Some("1997"),
            Some("2001-09-11"),
            Some("2001"),
            None,
        ]));
        assert_eq!(h.unit, Unit::Year);
        assert_eq!(h.undated, 1);
        assert_eq!(h.buckets.len(), 5);
        assert_eq!(
            (h.buckets[0].label.as_str(), h.buckets[0].count),
            ("1997", 1)
        );
        assert_eq!(
            (h.buckets[4].label.as_str(), h.buckets[4].count),
            ("2001", 2)
        );
        let h = histogram(&graph(&[Some("2005-03-02"), Some("2005-05")]));
        assert_eq!(h.unit, Unit::Month);
        assert_eq!(h.buckets.len(), 12);
        assert_eq!(h.buckets[2].count, 1);
        assert_eq!(h.buckets[4].count, 1);
    }
}
