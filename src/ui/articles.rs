//! The list of loaded articles: title, date, source and how many nodes each gives, with a
//! button to remove one.

use egui::RichText;

use super::{Action, theme};
use crate::graph::{ArticleId, NewsGraph};

/// Draws the list and returns what the user asked for.
pub fn show(ui: &mut egui::Ui, graph: &NewsGraph) -> Vec<Action> {
    let mut actions = Vec::new();
    let articles = graph.articles();
    ui.label(RichText::new(format!("Articles ({})", articles.len())).strong());
    if articles.is_empty() {
        ui.label("None yet: open articles with File › Open articles… (Ctrl+O).");
        return actions;
    }
    let nodes = graph.nodes_per_article();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, a) in articles.iter().enumerate() {
                let id = ArticleId(u32::try_from(i).unwrap_or(u32::MAX));
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    if ui
                        .small_button("Remove")
                        .on_hover_text(format!(
                            "Remove “{}” (the graph is rebuilt without it)",
                            a.title
                        ))
                        .clicked()
                    {
                        actions.push(Action::RemoveArticle(id));
                    }
                    if ui
                        .link(RichText::new(theme::displayable(&a.title)).strong())
                        .on_hover_text("Read it")
                        .clicked()
                    {
                        actions.push(Action::ShowArticle {
                            article: id,
                            highlight: 0..0,
                        });
                    }
                });
                let date = a.date.as_deref().unwrap_or("no date");
                let count = nodes.get(i).copied().unwrap_or(0);
                ui.label(
                    RichText::new(format!("{date} · {count} nodes · {}", a.source))
                        .weak()
                        .small(),
                );
            }
        });
    actions
}
