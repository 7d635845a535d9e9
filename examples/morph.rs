//! Prints newsgraph's morphological analyses of the words given on the command line, and
//! under each word the dictionary's OpenCorpora tags (which keep grammemes such as `Abbr`
//! and `Orgn` that the UD features drop): a debugging aid,
//! `cargo run --release --example morph -- Эво Карраско`.
use newsgraph::morph::Morph;

fn main() -> anyhow::Result<()> {
    let morph = Morph::bundled()?;
    for word in std::env::args().skip(1) {
        println!("{word}:");
        for p in morph.analyze(&word).parses.iter() {
            println!("  {p:?}");
        }
        for (lemma, tag, _, prob) in morph.dict().opencorpora(&word) {
            println!("  opencorpora {lemma} {tag} {prob:.3}");
        }
    }
    Ok(())
}
