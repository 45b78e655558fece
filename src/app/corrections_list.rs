//! Edit ▸ Corrections…: every correction in effect, those of earlier sessions too, each with
//! what it did, when it was made and a Revert button. Reverting takes the correction out of
//! the log and replays the rest over the articles; it is an undoable step (Ctrl+Z puts the
//! correction back where it was).

use egui::RichText;

use super::{Level, NewsgraphApp};
use crate::ui::Action;

impl NewsgraphApp {
    /// The Corrections window, when open; returns what the user asked for.
    pub(super) fn corrections_window(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        if !self.edit.show_corrections {
            return actions;
        }
        let history = &self.edit.history;
        // Nodes are named as the articles name them: a rename reads "rename Lin Wenhao to
        // Spokesman Lin", not the new name twice.
        let graphs = [history.base(), &*self.graph];
        let skipped: Vec<usize> = history.skipped().iter().map(|s| s.index).collect();
        let mut open = true;
        egui::Window::new("Corrections")
            .id(egui::Id::new("corrections-window"))
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                let entries = history.entries();
                if entries.is_empty() {
                    ui.label("No corrections in this project. Correct a node in its detail pane (✏ Correct).");
                    return;
                }
                ui.label(
                    RichText::new(
                        "Reverting a correction replays the others over the articles; Ctrl+Z puts it back.",
                    )
                    .weak(),
                );
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(420.0)
                    .show(ui, |ui| {
                        egui::Grid::new("corrections-grid")
                            .num_columns(3)
                            .striped(true)
                            .show(ui, |ui| {
                                for (index, entry) in entries.iter().enumerate() {
                                    let mut what = entry.correction.describe(&graphs);
                                    if let Some(first) = what.get(..1) {
                                        what = first.to_uppercase() + &what[1..];
                                    }
                                    if skipped.contains(&index) {
                                        what.push_str(" (no longer applies)");
                                    }
                                    ui.label(what);
                                    ui.label(
                                        RichText::new(entry.made_secs.map_or_else(
                                            || "earlier".to_owned(),
                                            utc_minutes,
                                        ))
                                        .weak(),
                                    );
                                    if ui
                                        .button("Revert")
                                        .on_hover_text(
                                            "Take this correction back; the later ones stay (Ctrl+Z undoes the revert)",
                                        )
                                        .clicked()
                                    {
                                        actions.push(Action::RevertCorrection(index));
                                    }
                                    ui.end_row();
                                }
                            });
                    });
            });
        if !open {
            actions.push(Action::ShowCorrections(false));
        }
        actions
    }

    /// Takes the correction at `index` out of the log (undoable).
    pub(super) fn revert(&mut self, index: usize) {
        let view = self.panel.snapshot().view;
        let Some(entry) = self
            .edit
            .history
            .revert(std::sync::Arc::make_mut(&mut self.graph), index)
        else {
            return;
        };
        self.keep_view(view);
        self.forget_missing_selection();
        self.refresh_fingerprint();
        let what = entry
            .correction
            .describe(&[self.edit.history.base(), &self.graph]);
        let stale = self.edit.history.skipped().len();
        let tail = if stale > 0 {
            format!(" {stale} other corrections no longer apply (see Edit › Corrections…).")
        } else {
            String::new()
        };
        self.say(
            Level::Info,
            format!("Reverted: {what} (Ctrl+Z puts it back).{tail}"),
        );
    }
}

/// `secs` since 1970 as a UTC date and time to the minute: "2026-12-04 03:30 UTC".
fn utc_minutes(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let minute_of_day = secs % 86_400 / 60;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        minute_of_day / 60,
        minute_of_day % 60
    )
}

/// The proleptic Gregorian date of a day counted from 1970-01-01, by 400-year eras (each
/// 146,097 days) whose years start on 1 March, so the leap day falls at an era year's end.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153; // 0 = March
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::utc_minutes;

    #[test]
    fn times_are_told_in_utc_to_the_minute() {
        assert_eq!(utc_minutes(0), "1970-01-01 00:00 UTC");
        // 2000-02-29 (a leap day of a century year) 12:34:56.
        assert_eq!(utc_minutes(951_827_696), "2000-02-29 12:34 UTC");
        // 2026-12-04 03:05:49, and the last minute of 2024-12-31.
        assert_eq!(utc_minutes(1_796_353_549), "2026-12-04 03:05 UTC");
        assert_eq!(utc_minutes(1_735_689_599), "2024-12-31 23:59 UTC");
    }
}
