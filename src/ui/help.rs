//! Help ▸ Keyboard shortcuts, and the theme the window follows (the system's, or dark or light
//! as the user chooses).

use egui::RichText;
use serde::{Deserialize, Serialize};

/// The theme the user chose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting (dark where it says nothing).
    #[default]
    System,
    /// Always dark.
    Dark,
    /// Always light.
    Light,
}

impl ThemeChoice {
    /// All, in menu order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Dark, ThemeChoice::Light];

    /// Menu name.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow the system",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::Light => "Light",
        }
    }

    /// As egui takes it.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
            ThemeChoice::Light => egui::ThemePreference::Light,
        }
    }
}

/// Every keyboard shortcut of the window, by group: (keys, what they do).
pub const SHORTCUTS: [(&str, &[(&str, &str)]); 3] = [
    (
        "Files",
        &[
            ("Ctrl+O", "Open articles…"),
            ("Ctrl+Shift+O", "Open folder…"),
            ("Ctrl+N", "New project (an empty graph)"),
            ("Ctrl+S", "Save project"),
            ("Ctrl+Shift+S", "Save project as…"),
            ("Ctrl+L", "Load layout…"),
            ("Ctrl+E", "Export as JSON…"),
            ("Ctrl+Q", "Quit"),
        ],
    ),
    (
        "Canvas",
        &[
            ("Space", "Pause or resume the layout"),
            ("F", "Fit the graph to the view"),
            (
                "+ / −",
                "Zoom in or out (or the mouse wheel, around the pointer)",
            ),
            ("Esc", "Clear the selection"),
        ],
    ),
    (
        "Exploring",
        &[
            ("Ctrl+F", "Find a node by name, other name or role"),
            ("1, 2, 3", "Focus on 1, 2 or 3 hops around the selection"),
            ("0", "Show the whole graph again"),
            ("A", "Actor view on or off"),
            ("C", "Colour by community on or off"),
            ("T", "Table of nodes and edges on or off"),
            ("F1", "This list"),
        ],
    ),
];

/// The window listing the shortcuts; `open` turns false when it is closed.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            for (group, keys) in SHORTCUTS {
                ui.label(RichText::new(group).strong());
                egui::Grid::new(("shortcuts", group))
                    .num_columns(2)
                    .spacing([16.0, 4.0])
                    .show(ui, |ui| {
                        for (key, what) in keys {
                            ui.label(RichText::new(*key).monospace());
                            ui.label(*what);
                            ui.end_row();
                        }
                    });
                ui.add_space(6.0);
            }
        });
}
