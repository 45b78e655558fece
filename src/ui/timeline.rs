//! The time strip under the canvas: the events by year or month as a histogram; dragging
//! across it (the brush) filters the graph to that period, a click picks one bar; play moves
//! the period along one bar at a time, and the step buttons by hand.

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Vec2};

use super::Action;
use super::explore::Explore;
use crate::graph::NewsGraph;
use crate::graph::timeline::{Histogram, Period, histogram};
use crate::graph::view_filter::ViewFilter;

/// Seconds between two steps while playing.
const PLAY_STEP_SECS: f64 = 0.9;
/// Height of the bars' area, in points.
const STRIP_HEIGHT: f32 = 56.0;

/// The strip, with its histogram (per graph revision) and what the pointer and play are doing.
#[derive(Default)]
pub struct TimeStrip {
    cached: Option<(u64, Histogram)>,
    /// Bar where a drag started.
    drag_from: Option<usize>,
    /// While playing: when the last step was taken.
    playing_since: Option<f64>,
    /// Where the bars were drawn in the last frame.
    rect: Option<Rect>,
}

impl TimeStrip {
    /// The histogram of `graph`, computed once per revision.
    pub fn histogram(&mut self, graph: &NewsGraph) -> &Histogram {
        let stale = self
            .cached
            .as_ref()
            .is_none_or(|(r, _)| *r != graph.revision());
        if stale {
            self.cached = None;
        }
        &self
            .cached
            .get_or_insert_with(|| (graph.revision(), histogram(graph)))
            .1
    }

    /// Where the bars were drawn in the last frame (for tests).
    pub fn bars_rect(&self) -> Option<Rect> {
        self.rect
    }

    /// Whether play is on.
    pub fn is_playing(&self) -> bool {
        self.playing_since.is_some()
    }

    /// Draws the strip for the events of `graph` and returns the filter changes asked for.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        graph: &NewsGraph,
        filter: &ViewFilter,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let hist = self.histogram(graph).clone();
        let now = ui.input(|i| i.time);
        // The bars the period covers.
        let selected: Option<(usize, usize)> = filter.period.as_ref().and_then(|p| {
            let first = hist.buckets.iter().position(|b| b.period.to >= p.from)?;
            let last = hist.buckets.iter().rposition(|b| b.period.from <= p.to)?;
            (first <= last).then_some((first, last))
        });
        let set_period = |period: Option<Period>| {
            let mut f = filter.clone();
            f.period = period;
            Action::Explore(Explore::SetFilter(f))
        };
        let span = |a: usize, b: usize| -> Option<Period> {
            let (a, b) = (a.min(b), a.max(b));
            Some(Period {
                from: hist.buckets.get(a)?.period.from.clone(),
                to: hist.buckets.get(b)?.period.to.clone(),
            })
        };
        let dated: usize = hist.buckets.iter().map(|b| b.count).sum();
        ui.horizontal(|ui| {
            ui.label(RichText::new("Time").strong());
            if hist.buckets.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "No dated events ({} without a date): the articles give no publication date and the sentences none.",
                        hist.undated
                    ))
                    .weak(),
                );
                return;
            }
            let play_text = if self.is_playing() { "⏸ Pause" } else { "▶ Play" };
            if ui
                .button(play_text)
                .on_hover_text("Move the period along, one bar at a time")
                .clicked()
            {
                self.playing_since = if self.is_playing() { None } else { Some(now) };
                if self.is_playing() && selected.is_none() {
                    actions.push(set_period(span(0, 0)));
                }
            }
            let step = |by: isize| -> Option<Period> {
                let (a, b) = selected.unwrap_or((0, 0));
                let width = b - a;
                let last = hist.buckets.len() - 1;
                let start = if selected.is_none() {
                    0
                } else {
                    a.saturating_add_signed(by).min(last - width)
                };
                span(start, start + width)
            };
            if ui.button("◀").on_hover_text("Step back one bar").clicked() {
                actions.push(set_period(step(-1)));
            }
            if ui.button("▶").on_hover_text("Step forward one bar").clicked() {
                actions.push(set_period(step(1)));
            }
            if ui
                .add_enabled(filter.period.is_some(), egui::Button::new("All time"))
                .on_hover_text("Show every event, dated or not")
                .clicked()
            {
                self.playing_since = None;
                actions.push(set_period(None));
            }
            let what = match &filter.period {
                Some(p) => format!("Showing {} to {}", p.from, p.to),
                None => "Drag across the bars to show one period".to_string(),
            };
            ui.label(
                RichText::new(format!(
                    "{what} · {dated} dated events, {} undated",
                    hist.undated
                ))
                .weak(),
            );
            // Play: one step per interval, stopping at the end.
            if let Some(since) = self.playing_since {
                if now - since >= PLAY_STEP_SECS {
                    let at_end = selected.is_some_and(|(_, b)| b + 1 >= hist.buckets.len());
                    if at_end {
                        self.playing_since = None;
                    } else {
                        actions.push(set_period(step(1)));
                        self.playing_since = Some(now);
                    }
                }
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(PLAY_STEP_SECS / 3.0));
            }
        });
        if hist.buckets.is_empty() {
            return actions;
        }
        let (rect, response) = ui.allocate_exact_size(
            Vec2::new(ui.available_width(), STRIP_HEIGHT + 14.0),
            Sense::click_and_drag(),
        );
        let bars = Rect::from_min_max(rect.min, Pos2::new(rect.max.x, rect.max.y - 14.0));
        self.rect = Some(bars);
        let bar_count = hist.buckets.len();
        let bar_w = bars.width() / bar_count as f32;
        let bar_at = |x: f32| -> usize {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "clamped to the bars"
            )]
            let i = ((x - bars.left()) / bar_w).floor().max(0.0) as usize;
            i.min(bar_count - 1)
        };
        let pointer = response.interact_pointer_pos();
        if response.drag_started()
            && let Some(p) = pointer
        {
            self.drag_from = Some(bar_at(p.x));
        }
        let live = match (self.drag_from, pointer) {
            (Some(a), Some(p)) if response.dragged() => {
                Some((a.min(bar_at(p.x)), a.max(bar_at(p.x))))
            }
            _ => None,
        };
        if response.drag_stopped()
            && let (Some(a), Some(p)) = (self.drag_from.take(), pointer)
        {
            self.playing_since = None;
            actions.push(set_period(span(a, bar_at(p.x))));
        } else if response.clicked()
            && let Some(p) = pointer
        {
            let i = bar_at(p.x);
            self.playing_since = None;
            actions.push(set_period(span(i, i)));
        }
        let shown = live.or(selected);
        let canvas = ui.painter_at(rect);
        let max = hist
            .buckets
            .iter()
            .map(|b| b.count)
            .max()
            .unwrap_or(1)
            .max(1);
        let visuals = ui.visuals();
        if let Some((a, b)) = shown {
            canvas.rect_filled(
                Rect::from_min_max(
                    Pos2::new(bars.left() + bar_w * a as f32, bars.top()),
                    Pos2::new(bars.left() + bar_w * (b + 1) as f32, bars.bottom()),
                ),
                2.0,
                visuals.selection.bg_fill.gamma_multiply(0.35),
            );
        }
        for (i, bucket) in hist.buckets.iter().enumerate() {
            let x = bars.left() + bar_w * i as f32;
            let height = bars.height() * bucket.count as f32 / max as f32;
            let inside = shown.is_none_or(|(a, b)| (a..=b).contains(&i));
            let color = if inside {
                Color32::from_rgb(169, 112, 255)
            } else {
                Color32::from_rgb(169, 112, 255).gamma_multiply(0.3)
            };
            if bucket.count > 0 {
                canvas.rect_filled(
                    Rect::from_min_max(
                        Pos2::new(x + bar_w * 0.12, bars.bottom() - height.max(2.0)),
                        Pos2::new(x + bar_w * 0.88, bars.bottom()),
                    ),
                    1.0,
                    color,
                );
            }
        }
        canvas.line_segment(
            [bars.left_bottom(), bars.right_bottom()],
            Stroke::new(1.0, visuals.weak_text_color()),
        );
        // Labels: as many as fit, evenly spaced.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a small positive count of bars"
        )]
        let every = ((60.0 / bar_w).ceil() as usize).max(1);
        for (i, bucket) in hist.buckets.iter().enumerate().step_by(every) {
            canvas.text(
                Pos2::new(bars.left() + bar_w * (i as f32 + 0.5), bars.bottom() + 2.0),
                egui::Align2::CENTER_TOP,
                &bucket.label,
                egui::FontId::proportional(10.0),
                visuals.weak_text_color(),
            );
        }
        if let Some(p) = response.hover_pos() {
            let b = &hist.buckets[bar_at(p.x)];
            response.on_hover_text(format!("{}: {} events", b.label, b.count));
        }
        actions
    }
}
