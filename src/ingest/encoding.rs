//! Byte decoding: recognises UTF-8, UTF-16 with or without a byte-order mark and Windows-1252,
//! and refuses files that look binary.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How far into a file NUL bytes count as proof that it is binary.
const NUL_WINDOW: usize = 8 * 1024;

/// Starts of common binary formats; a PDF in particular can be mostly ASCII and pass the other checks.
const MAGIC: &[&[u8]] = &[
    b"%PDF-",
    b"\x89PNG",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"GIF87a",
    b"GIF89a",
    b"\xFF\xD8\xFF",
    b"\x7FELF",
    b"\x1F\x8B",
    b"7z\xBC\xAF\x27\x1C",
    b"Rar!\x1A\x07",
    b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
];

/// Decodes bytes to a String: UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM or without one
/// (recognised by its zero bytes, see [`utf16_without_bom`]); anything else that is not valid UTF-8 as Windows-1252 with a warning.
///
/// The second value is a warning for the reader when the decoding may have changed characters.
/// Returns None when the bytes look binary: NUL bytes in the first 8 KiB of a non-UTF-16 file,
/// a known binary signature, or more than 10% control characters other than tab, LF, CR and
/// form feed.
#[must_use]
pub fn decode(bytes: &[u8]) -> Option<(String, Option<String>)> {
    let (text, warning) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8(rest, true)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, false)
    } else if let Some(little_endian) = utf16_without_bom(bytes) {
        decode_utf16(bytes, little_endian)
    } else {
        decode_utf8(bytes, false)?
    };
    if mostly_control(&text) {
        log::debug!("refusing text with too many control characters");
        return None;
    }
    Some((text, warning))
}

fn decode_utf8(bytes: &[u8], had_bom: bool) -> Option<(String, Option<String>)> {
    if bytes[..bytes.len().min(NUL_WINDOW)].contains(&0)
        || MAGIC.iter().any(|m| bytes.starts_with(m))
    {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some((text.to_owned(), None)),
        Err(_) if had_bom => Some((
            String::from_utf8_lossy(bytes).into_owned(),
            Some(
                "The file is marked as UTF-8 but has invalid bytes in it; they were replaced with \u{FFFD}."
                    .to_owned(),
            ),
        )),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Some((
                text.into_owned(),
                Some(
                    "The file is not valid UTF-8; it was read as Windows-1252, so some characters may be wrong."
                        .to_owned(),
                ),
            ))
        }
    }
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> (String, Option<String>) {
    let encoding = if little_endian { UTF_16LE } else { UTF_16BE };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| {
        "The file is marked as UTF-16 but has broken characters in it; they were replaced with \u{FFFD}."
            .to_owned()
    });
    (text.into_owned(), warning)
}

/// UTF-16 without a byte-order mark: text in Latin script has a zero in every other byte (the
/// high byte of each ASCII character), always on the same side, where binary files have zeros
/// on both sides. Some(true) for little-endian, Some(false) for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let window = &bytes[..bytes.len().min(NUL_WINDOW)];
    if window.len() < 4 {
        return None;
    }
    let pairs = window.len() / 2;
    let zeros = |offset: usize| {
        window
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // Mostly ASCII: at least 30% of the pairs have a zero high byte on one side and almost no
    // zero on the other.
    let one_sided = |many: usize, few: usize| many * 10 >= pairs * 3 && few * 50 <= pairs;
    if one_sided(odd, even) {
        Some(true)
    } else if one_sided(even, odd) {
        Some(false)
    } else {
        None
    }
}

/// True when more than 10% of the characters are control characters a text file would not hold.
fn mostly_control(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            control += 1;
        }
    }
    control * 10 > total
}
