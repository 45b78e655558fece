//! HTML character references: numeric ones and the named ones news pages actually use.

use std::borrow::Cow;

/// Named references we know. A non-breaking space becomes an ordinary space and a soft hyphen
/// disappears, because downstream word matching should not have to know about either.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("shy", ""),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("minus", "−"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("hellip", "…"),
    ("prime", "′"),
    ("Prime", "″"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("sect", "§"),
    ("para", "¶"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("curren", "¤"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("micro", "µ"),
    ("middot", "·"),
    ("bull", "•"),
    ("times", "×"),
    ("divide", "÷"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("aacute", "á"),
    ("Aacute", "Á"),
    ("agrave", "à"),
    ("Agrave", "À"),
    ("acirc", "â"),
    ("Acirc", "Â"),
    ("auml", "ä"),
    ("Auml", "Ä"),
    ("aring", "å"),
    ("Aring", "Å"),
    ("atilde", "ã"),
    ("Atilde", "Ã"),
    ("aelig", "æ"),
    ("AElig", "Æ"),
    ("ccedil", "ç"),
    ("Ccedil", "Ç"),
    ("eacute", "é"),
    ("Eacute", "É"),
    ("egrave", "è"),
    ("Egrave", "È"),
    ("ecirc", "ê"),
    ("Ecirc", "Ê"),
    ("euml", "ë"),
    ("Euml", "Ë"),
    ("iacute", "í"),
    ("Iacute", "Í"),
    ("igrave", "ì"),
    ("Igrave", "Ì"),
    ("icirc", "î"),
    ("Icirc", "Î"),
    ("iuml", "ï"),
    ("Iuml", "Ï"),
    ("ntilde", "ñ"),
    ("Ntilde", "Ñ"),
    ("oacute", "ó"),
    ("Oacute", "Ó"),
    ("ograve", "ò"),
    ("Ograve", "Ò"),
    ("ocirc", "ô"),
    ("Ocirc", "Ô"),
    ("ouml", "ö"),
    ("Ouml", "Ö"),
    ("otilde", "õ"),
    ("Otilde", "Õ"),
    ("oslash", "ø"),
    ("Oslash", "Ø"),
    ("oelig", "œ"),
    ("OElig", "Œ"),
    ("scaron", "š"),
    ("Scaron", "Š"),
    ("zcaron", "ž"),
    ("Zcaron", "Ž"),
    ("uacute", "ú"),
    ("Uacute", "Ú"),
    ("ugrave", "ù"),
    ("Ugrave", "Ù"),
    ("ucirc", "û"),
    ("Ucirc", "Û"),
    ("uuml", "ü"),
    ("Uuml", "Ü"),
    ("yacute", "ý"),
    ("Yacute", "Ý"),
    ("yuml", "ÿ"),
    ("Yuml", "Ÿ"),
    ("szlig", "ß"),
    ("eth", "ð"),
    ("ETH", "Ð"),
    ("thorn", "þ"),
    ("THORN", "Þ"),
];

/// Old pages write these without the closing semicolon, and browsers accept them that way.
const LEGACY_NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Plain text copied out of web pages keeps some numeric references inside words ("F&#244;n",
/// "fianc&#233;e"). Those, written in full with the semicolon and touching a letter, are
/// replaced by their character; every other '&' stays as written, since plain text may well
/// be about markup.
/// `None` when there is nothing to replace.
pub(super) fn decode_glued_numeric_references(s: &str) -> Option<String> {
    if !s.contains("&#") {
        return None;
    }
    let mut changed = false;
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find("&#") {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let letter_before = out.chars().next_back().is_some_and(char::is_alphabetic);
        match reference(after) {
            Some((replacement, used))
                if after[..used].ends_with(';')
                    && (letter_before
                        || after[used..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphabetic)) =>
            {
                out.push_str(&replacement);
                rest = &after[used..];
                changed = true;
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// The text a reference stands for and how many bytes after the '&' it used.
fn reference(after: &str) -> Option<(Cow<'static, str>, usize)> {
    if let Some(number) = after.strip_prefix('#') {
        let (hex, digits_at) = match number.as_bytes().first() {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = &after[digits_at..];
        let len = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if len == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len.min(8)], if hex { 16 } else { 10 })
            .ok()
            .filter(|_| len <= 8);
        let mut used = digits_at + len;
        if digits[len..].starts_with(';') {
            used += 1;
        }
        return Some((Cow::Owned(numeric_char(value).to_string()), used));
    }
    let len = after
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .take(32)
        .count();
    let name = &after[..len];
    if after[len..].starts_with(';')
        && let Some((_, value)) = NAMED.iter().find(|(n, _)| *n == name)
    {
        return Some((Cow::Borrowed(value), len + 1));
    }
    // Without a semicolon only the legacy names count, as the longest prefix ("&lt3" is "<3"),
    // except before '=' where they are more likely part of a URL's query.
    let legacy = LEGACY_NO_SEMICOLON
        .iter()
        .filter(|l| name.starts_with(**l))
        .max_by_key(|l| l.len())?;
    if after[legacy.len()..].starts_with('=') {
        return None;
    }
    let value = NAMED.iter().find(|(n, _)| n == legacy).map(|(_, v)| *v)?;
    Some((Cow::Borrowed(value), legacy.len()))
}

/// The character for a numeric reference, following what browsers do with odd numbers.
fn numeric_char(value: Option<u32>) -> char {
    match value {
        // Pages written for Windows-1252 put its punctuation at these code points.
        Some(v @ 0x80..=0x9F) => {
            let byte = [u8::try_from(v).unwrap_or(0)];
            let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            decoded.chars().next().unwrap_or('\u{FFFD}')
        }
        Some(0) | None => '\u{FFFD}',
        Some(v) => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}
