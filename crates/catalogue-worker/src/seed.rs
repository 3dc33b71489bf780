//! The seed pages the app's embedded catalogue is built from
//! (`catalogue/*.md`, glob order, under the names the importer quotes), so
//! loaded pages merge over them exactly as `import-catalogue` would.

use shelf_core::catalogue_build::PageText;

pub const RULES: (&str, &str) = (
    "catalogue/series.toml",
    include_str!("../../../catalogue/series.toml"),
);

const PAGES: [(&str, &str); 3] = [
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

pub fn pages() -> Vec<PageText> {
    PAGES
        .iter()
        .map(|(name, text)| PageText {
            name: name.to_string(),
            text: text.to_string(),
        })
        .collect()
}

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
        let listed: Vec<&str> = super::PAGES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, listed);
    }
}
