//! ASCII slugs for ids in newsgraph's own namespace (`ng:person:mark-uitkoff`).
//!
//! Ids must be stable across articles and safe in every sink (CSV, Neo4j, IRIs), so names
//! outside the gazetteer are transliterated from Russian to plain ASCII.

/// Transliterates `name` to a lower-case ASCII slug of `[a-z0-9-]`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // Lower case by arithmetic for Russian and Latin letters (the standard library searches
    // a table for every non-ASCII character), by the standard rules for anything else.
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
        let s: &str = match c {
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
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => {
                out.push(c);
                continue;
            }
            c if c.is_alphanumeric() => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
                out.push_str(&format!("u{:x}", c as u32));
                continue;
            }
            _ => "-",
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

#[cfg(test)]
mod tests {
    use super::slug;

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
