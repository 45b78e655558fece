//! PNG pictures: the SVG picture ([`super::svg`]) drawn into pixels by resvg, with the same
//! font the window uses (bundled, so names are drawn on machines without any fonts).

/// Draws `svg` and encodes it as PNG.
///
/// # Errors
/// When the SVG cannot be read (not ours), the size is impossible or encoding fails.
pub fn png_from_svg(svg: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    // The window's other faces, for arrows and symbols in event names ("A ➔ B" is in Hack).
    fonts.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
    fonts.load_font_data(epaint_default_fonts::NOTO_EMOJI_REGULAR.to_vec());
    fonts.load_font_data(epaint_default_fonts::EMOJI_ICON.to_vec());
    // The picture asks for "sans-serif": that is the bundled face.
    let family = fonts
        .faces()
        .next()
        .and_then(|f| f.families.first())
        .map(|(name, _)| name.clone());
    if let Some(family) = family {
        fonts.set_sans_serif_family(family);
    }
    let options = usvg::Options {
        fontdb: std::sync::Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot draw {} × {} pixels", size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_shapes_and_names_at_the_asked_size() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32" font-family="sans-serif"><rect width="100%" height="100%" fill="#000000"/><circle cx="8" cy="8" r="6" fill="#ff0000"/><text x="40" y="24" fill="#ffffff" font-size="14">Ab</text></svg>"##;
        let png = png_from_svg(svg).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // Width and height from the IHDR chunk.
        assert_eq!(u32::from_be_bytes([png[16], png[17], png[18], png[19]]), 64);
        assert_eq!(u32::from_be_bytes([png[20], png[21], png[22], png[23]]), 32);
        let without_text = png_from_svg(&svg.replace(">Ab<", "><")).unwrap();
        assert_ne!(png, without_text, "the name is drawn");
        assert!(png_from_svg("<html/>").is_err());
    }
}
