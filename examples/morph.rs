//! Prints newsgraph's morphological analyses of the words given on the command line
//! (a debugging aid: `cargo run --release --example morph -- Эво Карраско`).
use newsgraph::morph::Morph;

fn main() -> anyhow::Result<()> {
    let morph = Morph::bundled()?;
    for word in std::env::args().skip(1) {
        println!("{word}:");
        for p in morph.analyze(&word).parses.iter() {
            println!("  {p:?}");
        }
    }
    Ok(())
}
