//! The Filter panel: node kinds, event categories by tone (PLOVER quad class, and one by one),
//! minimum mentions and isolates, each with its count, and what the filter hides in all.
//! Returns the changed filter as an action; the canvas and its layout then show only what
//! passes.

use std::collections::BTreeMap;

use egui::RichText;

use super::explore::Explore;
use super::{Action, detail, theme};
use crate::extract::{Plover, QuadClass};
use crate::graph::timeline::{Bucket, Period};
use crate::graph::view_filter::{Hidden, ViewFilter};
use crate::graph::{NewsGraph, NodeKind};

/// The quad classes in reading order, with their names.
const QUADS: [(QuadClass, &str); 4] = [
    (QuadClass::VerbalCooperation, "Verbal cooperation"),
    (QuadClass::MaterialCooperation, "Material cooperation"),
    (QuadClass::VerbalConflict, "Verbal conflict"),
    (QuadClass::MaterialConflict, "Material conflict"),
];

/// Draws the panel for `filter` over `graph` (the graph shown) and returns the new filter when
/// the user changed it; event categories, the periods (`buckets`, the time strip's bars) and
/// the articles are those of `domain`. `left_out` nodes of the actor view are not in `graph`
/// for the filter's sake (and are counted in `hidden`).
pub fn show(
    ui: &mut egui::Ui,
    graph: &NewsGraph,
    domain: &NewsGraph,
    buckets: &[Bucket],
    filter: &ViewFilter,
    hidden: Hidden,
    left_out: usize,
) -> Vec<Action> {
    let mut f = filter.clone();
    let mut kinds: BTreeMap<NodeKind, usize> = BTreeMap::new();
    let mut categories: BTreeMap<Plover, usize> = BTreeMap::new();
    for n in graph.graph().node_weights() {
        *kinds.entry(n.kind).or_default() += 1;
    }
    for n in domain.graph().node_weights() {
        if let Some(e) = &n.event {
            *categories.entry(e.category).or_default() += 1;
        }
    }
    ui.heading("Filter");
    let total = hidden.total();
    let summary = if total == 0 {
        "Everything is shown.".to_string()
    } else {
        format!(
            "{total} of {} nodes hidden: {} by kind, {} by category, {} by period, {} by article, {} by mentions, {} isolates.",
            graph.node_count() + left_out,
            hidden.by_kind,
            hidden.by_category,
            hidden.by_period,
            hidden.by_article,
            hidden.by_mentions,
            hidden.isolates
        )
    };
    ui.label(RichText::new(summary).weak());
    if ui
        .add_enabled(filter.is_active(), egui::Button::new("Show everything"))
        .clicked()
    {
        f = ViewFilter::default();
    }
    ui.separator();
    ui.label(RichText::new("Nodes").strong());
    for kind in NodeKind::ALL {
        let count = kinds.get(&kind).copied().unwrap_or(0);
        let mut on = !f.hidden_kinds.contains(&kind);
        ui.horizontal(|ui| {
            if ui
                .checkbox(&mut on, format!("{} ({count})", kind.label()))
                .changed()
            {
                f.set_kind(kind, on);
            }
            detail::kind_icon(ui, kind);
        });
    }
    ui.add_space(4.0);
    let mut isolates = f.hide_isolates;
    if ui
        .checkbox(&mut isolates, "Hide isolates")
        .on_hover_text("Hide nodes with no edge to any other shown node")
        .changed()
    {
        f.hide_isolates = isolates;
    }
    ui.horizontal(|ui| {
        ui.label("Minimum mentions");
        let mut min = f.min_mentions;
        let slider = ui.add(egui::Slider::new(&mut min, 0..=20));
        slider.widget_info(|| {
            egui::WidgetInfo::labeled(egui::WidgetType::Slider, true, "Minimum mentions")
        });
        if slider.changed() {
            f.min_mentions = min;
        }
    });
    ui.separator();
    ui.label(RichText::new("Events by category").strong());
    for (quad, name) in QUADS {
        let members: Vec<Plover> = Plover::ALL
            .into_iter()
            .filter(|p| p.quad() == quad)
            .collect();
        let count: usize = members
            .iter()
            .map(|p| categories.get(p).copied().unwrap_or(0))
            .sum();
        let mut all_on = members.iter().all(|&p| f.category_shown(p));
        let color = match quad {
            QuadClass::VerbalCooperation | QuadClass::MaterialCooperation => theme::edge_color(
                crate::graph::EdgeKind::Acted(Plover::Consult),
                ui.visuals().dark_mode,
            ),
            QuadClass::VerbalConflict | QuadClass::MaterialConflict => theme::edge_color(
                crate::graph::EdgeKind::Acted(Plover::Assault),
                ui.visuals().dark_mode,
            ),
        };
        let text = RichText::new(format!("{name} ({count})")).color(color.to_opaque());
        if ui.checkbox(&mut all_on, text).changed() {
            for &p in &members {
                f.set_category(p, all_on);
            }
        }
        ui.indent(("quad", name), |ui| {
            for p in members {
                let n = categories.get(&p).copied().unwrap_or(0);
                let mut on = f.category_shown(p);
                if ui
                    .checkbox(&mut on, format!("{} ({n})", p.name()))
                    .on_hover_text(p.relation())
                    .changed()
                {
                    f.set_category(p, on);
                }
            }
        });
    }
    ui.separator();
    period_ui(ui, buckets, &mut f);
    ui.separator();
    articles_ui(ui, domain, &mut f);
    if f == *filter {
        Vec::new()
    } else {
        vec![Action::Explore(Explore::SetFilter(f))]
    }
}

/// The period: from and to, chosen among the time strip's bars.
fn period_ui(ui: &mut egui::Ui, buckets: &[Bucket], f: &mut ViewFilter) {
    ui.label(RichText::new("Period").strong());
    if buckets.is_empty() {
        ui.label(RichText::new("No dated events.").weak());
        return;
    }
    let first = buckets.first().map(|b| b.period.clone());
    let last = buckets.last().map(|b| b.period.clone());
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let current = f.period.clone().unwrap_or(Period {
        from: first.from.clone(),
        to: last.to.clone(),
    });
    let mut from = current.from.clone();
    let mut to = current.to.clone();
    let label_of = |date: &str, end: bool| {
        buckets
            .iter()
            .find(|b| {
                if end {
                    b.period.to == date
                } else {
                    b.period.from == date
                }
            })
            .map_or_else(|| date.to_string(), |b| b.label.clone())
    };
    ui.horizontal(|ui| {
        ui.label("From");
        egui::ComboBox::from_id_salt("period-from")
            .selected_text(label_of(&from, false))
            .show_ui(ui, |ui| {
                for b in buckets {
                    ui.selectable_value(&mut from, b.period.from.clone(), &b.label);
                }
            });
        ui.label("to");
        egui::ComboBox::from_id_salt("period-to")
            .selected_text(label_of(&to, true))
            .show_ui(ui, |ui| {
                for b in buckets {
                    ui.selectable_value(&mut to, b.period.to.clone(), &b.label);
                }
            });
    });
    if from != current.from || to != current.to {
        let (from, to) = if from <= to { (from, to) } else { (to, from) };
        f.period = Some(Period { from, to });
    }
    if f.period.is_some() && ui.button("All time").clicked() {
        f.period = None;
    }
}

/// One box per article: unticking one hides what only it mentions.
fn articles_ui(ui: &mut egui::Ui, domain: &NewsGraph, f: &mut ViewFilter) {
    let articles = domain.articles();
    let hidden = f.hidden_articles.len();
    let title = if hidden == 0 {
        format!("Articles ({})", articles.len())
    } else {
        format!("Articles ({} of {} hidden)", hidden, articles.len())
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("filter-articles")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.small_button("All").clicked() {
                    f.hidden_articles.clear();
                }
                if ui.small_button("None").clicked() {
                    f.hidden_articles =
                        (0..u32::try_from(articles.len()).unwrap_or(u32::MAX)).collect();
                }
            });
            for (i, a) in articles.iter().enumerate() {
                let i = u32::try_from(i).unwrap_or(u32::MAX);
                let mut on = !f.hidden_articles.contains(&i);
                if ui
                    .checkbox(&mut on, theme::displayable(&a.title))
                    .on_hover_text(a.date.as_deref().unwrap_or("no date"))
                    .changed()
                {
                    f.set_article(i, on);
                }
            }
        });
}
