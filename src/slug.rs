//! ASCII slugs for ids in newsgraph's own namespace (`ng:person:mark-uitkoff`).
//!
//! Ids must be stable across articles and safe in every sink (CSV, Neo4j, IRIs), so names
//! outside the gazetteer are transliterated from Russian to plain ASCII.

/// Transliterates `name` to a lower-case ASCII slug of `[a-z0-9-]`.
pub fn slug(name: &str) -> String {
    // Bytes pushed one by one: a slug is built for every name found outside the gazetteer,
    // and pushing each letter's one to four bytes as a string called `memcpy` for each (most
    // of the cost).
    let mut out: Vec<u8> = Vec::with_capacity(name.len() + 8);
    for c in name.chars() {
        // Lower case by arithmetic for Russian and Latin letters (the standard library
        // searches a table for every non-ASCII character), by the standard rules for anything
        // else.
        match crate::text::chars::lower_fast(c) {
            Some(l) => push_letter(&mut out, l),
            None => c.to_lowercase().for_each(|l| push_letter(&mut out, l)),
        }
    }
    while out.last() == Some(&b'-') {
        out.pop();
    }
    if out.is_empty() {
        out.extend_from_slice(b"unnamed");
    }
    String::from_utf8(out).expect("a slug is ASCII")
}

/// Appends lower-case `c` to the slug `out`: its Latin spelling, a digit or letter as it is,
/// any other letter or digit as its code point, and one hyphen for any run of other signs.
fn push_letter(out: &mut Vec<u8>, c: char) {
    match spelling(c) {
        Some(s) => s.bytes().for_each(|b| out.push(b)),
        None if c.is_ascii_lowercase() || c.is_ascii_digit() => out.push(c as u8),
        None if c.is_alphanumeric() => {
            hyphen(out);
            out.extend_from_slice(format!("u{:x}", c as u32).as_bytes());
        }
        None => hyphen(out),
    }
}

/// The Latin spelling of a lower-case Russian, Ukrainian or Belarusian letter.
fn spelling(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        _ => return None,
    })
}

/// A hyphen, unless the slug is empty so far or ends in one.
fn hyphen(out: &mut Vec<u8>) {
    if out.last().is_some_and(|&b| b != b'-') {
        out.push(b'-');
    }
}

#[cfg(test)]
mod tests {
    use super::slug;
    use proptest::prelude::*;

    /// The first implementation (a string pushed per letter), kept as the reference the
    /// byte-wise one must agree with (the letters' spellings are the one table, which
    /// `table` checks).
    fn reference(name: &str) -> String {
        let mut out = String::new();
        let lower = name.chars().flat_map(|c| {
            let fast = crate::text::chars::lower_fast(c);
            let slow = fast
                .is_none()
                .then(|| c.to_lowercase())
                .into_iter()
                .flatten();
            fast.into_iter().chain(slow)
        });
        for c in lower {
            let s: &str = match super::spelling(c) {
                Some(s) => s,
                None if c.is_ascii_lowercase() || c.is_ascii_digit() => {
                    out.push(c);
                    continue;
                }
                None if c.is_alphanumeric() => {
                    if !out.is_empty() && !out.ends_with('-') {
                        out.push('-');
                    }
                    out.push_str(&format!("u{:x}", c as u32));
                    continue;
                }
                None => "-",
            };
            if s == "-" {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            } else {
                out.push_str(s);
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        if out.is_empty() {
            out.push_str("unnamed");
        }
        out
    }

    proptest! {
        /// Russian, Ukrainian and Belarusian letters of both cases, Latin, digits, signs, and
        /// letters whose lower case is two characters («İ») or another script («Σ», «習»).
        #[test]
        fn agrees_with_the_reference(
            name in "[А-Яа-яЁёЀ-Џѐ-џҐґ A-Za-z0-9'«».,İΣσß習ʼ_\\-]{0,24}"
        ) {
            prop_assert_eq!(slug(&name), reference(&name));
        }
    }

    #[test]
    fn table() {
        for (name, want) in [
            ("Марк Уиткофф", "mark-uitkoff"),
            ("Касым-Жомарт Токаев", "kasym-zhomart-tokaev"),
            ("Щёкин", "shchekin"),
            ("Jean-Luc  O'Neil", "jean-luc-o-neil"),
            ("習近平", "u7fd2-u8fd1-u5e73"),
            ("«»", "unnamed"),
        ] {
            assert_eq!(slug(name), want, "{name}");
        }
    }
}
