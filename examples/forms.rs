//! Prints every dictionary paradigm form of the words given on the command line, per analysis
//! (a debugging aid for the gazetteer compiler: `cargo run --release --example forms -- Мирзиёев`).
use newsgraph::morph::Morph;

fn main() -> anyhow::Result<()> {
    let morph = Morph::bundled()?;
    let dict = morph.dict();
    for word in std::env::args().skip(1) {
        for a in dict.analyze(&word) {
            let p = morph.parse_of(&a);
            println!("{word} as {:?} {:?} {:?}:", p.pos, p.case, p.name);
            let forms: Vec<String> = dict
                .forms(&a)
                .into_iter()
                .map(|f| f.word.to_string())
                .collect();
            println!("  {}", forms.join(" "));
        }
    }
    Ok(())
}
