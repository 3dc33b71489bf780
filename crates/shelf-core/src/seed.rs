//! The seed pages the app's embedded catalogue is built from
//! (`catalogue/*.md`, glob order, under the names the importer quotes) and
//! the series rules: one list for the catalogue worker (loaded pages merge
//! over exactly these, as `import-catalogue` would), the hostile-input
//! tests and the parse benchmark.

/// `(name, text)` of every `catalogue/*.md`, in glob order.
pub const SEED_PAGES: [(&str, &str); 3] = [
    (
        "catalogue/page-351-400.md",
        include_str!("../../../catalogue/page-351-400.md"),
    ),
    (
        "catalogue/page-351-400.older-snapshot.md",
        include_str!("../../../catalogue/page-351-400.older-snapshot.md"),
    ),
    (
        "catalogue/page-401-448.md",
        include_str!("../../../catalogue/page-401-448.md"),
    ),
];

/// `(name, text)` of the series rules.
pub const SERIES_RULES: (&str, &str) = (
    "catalogue/series.toml",
    include_str!("../../../catalogue/series.toml"),
);

#[cfg(test)]
mod tests {
    /// A page added to `catalogue/` (and so to catalogue.json) must be
    /// listed here too, or loaded pages would merge over a different seed.
    #[test]
    fn lists_every_seed_page() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalogue");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".md"))
            .map(|n| format!("catalogue/{n}"))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = super::SEED_PAGES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, listed);
    }
}
