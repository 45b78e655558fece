//! The article reader: an article's full text, with one range highlighted and scrolled into
//! view, plus its sources (links).

use std::ops::Range;

use egui::RichText;

use super::Action;
use super::detail::highlighted;
use crate::graph::{ArticleId, NewsGraph};

/// What the reader shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    /// The article.
    pub article: ArticleId,
    /// The highlighted range.
    pub highlight: Range<usize>,
    /// Whether the highlight was already scrolled to.
    pub scrolled: bool,
}

impl Reader {
    /// Draws the reader window; returns `CloseArticle` when closed.
    pub fn show(&mut self, ctx: &egui::Context, graph: &NewsGraph) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(article) = graph.article(self.article) else {
            return vec![Action::CloseArticle];
        };
        let mut open = true;
        egui::Window::new(RichText::new(&article.title).strong())
            .id(egui::Id::new("article-reader"))
            .open(&mut open)
            .default_size([560.0, 620.0])
            .vscroll(false)
            .show(ctx, |ui| {
                ui.label(RichText::new(&article.source).weak().small());
                if let Some(date) = &article.date {
                    ui.label(RichText::new(format!("Published {date}")).weak().small());
                }
                ui.separator();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let text = &article.text;
                        let mut start = 0;
                        for para in text.split('\n') {
                            let range = start..start + para.len();
                            start = range.end + 1;
                            if para.trim().is_empty() {
                                continue;
                            }
                            let hit = range.start < self.highlight.end
                                && self.highlight.start < range.end;
                            let color = ui.visuals().text_color();
                            let job = if hit {
                                let h = self.highlight.start.max(range.start)
                                    ..self.highlight.end.min(range.end);
                                highlighted(text, &range, &h, color)
                            } else {
                                highlighted(text, &range, &(range.end..range.end), color)
                            };
                            let response = ui.label(job);
                            if hit && !self.scrolled {
                                response.scroll_to_me(Some(egui::Align::Center));
                                self.scrolled = true;
                            }
                            ui.add_space(6.0);
                        }
                        if !article.links.is_empty() {
                            ui.separator();
                            ui.label(RichText::new("Sources").strong());
                            for link in &article.links {
                                ui.hyperlink(&link.url);
                            }
                        }
                    });
            });
        if !open {
            actions.push(Action::CloseArticle);
        }
        actions
    }
}
