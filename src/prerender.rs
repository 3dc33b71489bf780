//! The catalogue page's first screen as static HTML, written into the built
//! `index.html` by `src/bin/prerender.rs` (run from the post-build hook), so
//! a student sees real rows and working links before the wasm arrives.
//!
//! It is what the app renders at "/" with no query, in zh-TW, on a fresh
//! profile: the same elements and classes as `ui::catalogue_page` and the
//! components it holds (so mounting moves nothing), the core's own search over
//! the site's catalogue (its data file), and the same message table and label functions.
//! Controls are disabled until the app replaces this copy; links are plain
//! links relative to `<base>`. `tests/e2e/prerender.test.mjs` compares it with
//! the mounted app (text, links, boxes, layout shift), so a component change
//! that is not made here too fails there.
//!
//! Every piece of text and every attribute value goes through [`Markup`],
//! which escapes it: catalogue titles are data, never markup.

use shelf_core::catalogue::Catalogue;
use shelf_core::catalogue_view::PAGE;
use shelf_core::locale::Locale;
use shelf_core::search::{search, FacetValue, Filter, Query, SearchIndex, Sort, MAX_QUERY_CHARS};
use shelf_core::sources::holdings;
use shelf_core::watch::WatchState;

use crate::i18n::{fill, fill_count, LocaleText, Strings};
use crate::ui::catalogue_page;
use crate::ui::frame::MAIN_ID;
use crate::ui::search::filters::{self, choice_label, summary_label, PANEL_ID, TOGGLE_ID};
use crate::ui::search::search_box::{HINT_ID, SEARCH_INPUT_ID};
use crate::ui::search::sort_select;
use crate::ui::sources::holdings::{course_lines, holdings_text, load_label};
use crate::ui::study::bulk_add;
use crate::ui::study::playlist_picker::{self, NEW_CHOICE};
use crate::ui::study::watch_toggle::{state_label, state_mark};
use crate::web::site_files::SOURCE_META;

/// The language a fresh profile gets.
const LOCALE: Locale = Locale::ZhTw;

const MAIN_END: &str = "</main>";

/// The rows written here: more than the tallest common screen shows (about
/// 8 at 1080 px), fewer than the app's page ([`PAGE`]), whose other rows the
/// app adds below them. They keep `index.html` within a server's first
/// round trip (~14 KB) at the full catalogue, whose facets take more room.
pub const PRERENDERED_ROWS: usize = 12;

/// Where the first screen goes in `index.html`: its one `<main>` element
/// (the static skeleton, which `404.html` keeps) is replaced. The build hook
/// asks the binary rather than looking for it itself, so this is the one
/// place the marker is written.
pub fn main_start() -> String {
    format!("<main id=\"{MAIN_ID}\"")
}

/// HTML built from static tag and attribute names plus escaped values:
/// there is no way to write unescaped text through it.
#[derive(Default)]
pub struct Markup {
    out: String,
}

impl Markup {
    /// `<tag a="v" …>`; an attribute with value `None` is left out, `Some("")`
    /// is a boolean attribute.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, Option<&str>)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            if let Some(value) = value {
                self.out.push(' ');
                self.out.push_str(name);
                self.out.push_str("=\"");
                escape_into(&mut self.out, value);
                self.out.push('"');
            }
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, Option<&str>)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Escapes for text and for double-quoted attribute values alike.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

const ON: Option<&str> = Some("");

fn flag(on: bool) -> Option<&'static str> {
    on.then_some("")
}

/// The `<main>` element the app would render at "/" for a fresh profile.
pub fn first_screen(catalogue: &Catalogue, built_whole: bool) -> String {
    let s = LOCALE.strings();
    let index = SearchIndex::new(catalogue);
    let query = Query::default();
    let results = search(&index, catalogue, &query, &|_| WatchState::Unwatched);
    let mut m = Markup::default();
    // No aria-busy: this is real content. `data-prerendered` goes when the
    // app replaces the element (tests wait for that).
    m.open(
        "main",
        &[
            ("id", Some(MAIN_ID)),
            ("tabindex", Some("-1")),
            ("data-prerendered", ON),
        ],
    );
    m.open(
        "section",
        &[
            ("class", Some("page catalogue-page")),
            ("aria-labelledby", Some(catalogue_page::HEADING_ID)),
        ],
    );
    m.open("div", &[("class", Some("page-heading"))])
        .element(
            "h1",
            &[("id", Some(catalogue_page::HEADING_ID))],
            s.catalogue_heading,
        )
        .element(
            "p",
            &[("class", Some("count")), ("aria-live", Some("polite"))],
            &fill_count(LOCALE, &s.results_found, results.total, &[]),
        )
        .close("div");
    holdings_box(&mut m, s, catalogue, built_whole);
    search_box(&mut m, s);
    filter_toggle(&mut m, s);
    m.open("div", &[("class", Some("catalogue-layout"))]);
    facets(&mut m, s, catalogue, &results.facets, results.total);
    m.open("div", &[("class", Some("results"))]);
    m.open("div", &[("class", Some("results-toolbar"))]);
    sort(&mut m, s, query.effective_sort());
    bulk_add(&mut m, s, results.total);
    m.close("div");
    m.open(
        "ul",
        &[
            ("class", Some("video-list result-list")),
            ("role", Some("list")),
            ("aria-labelledby", Some(catalogue_page::HEADING_ID)),
        ],
    );
    for (row, hit) in results.hits.iter().take(PRERENDERED_ROWS).enumerate() {
        card(&mut m, s, catalogue, &catalogue.videos[hit.video], row);
    }
    m.close("ul");
    // What the button will say once the app shows its whole page.
    let remaining = results.total.saturating_sub(PAGE);
    if remaining > 0 {
        m.element(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("button show-more")),
                ("disabled", ON),
            ],
            &fill(s.show_more, &[("n", &LOCALE.format_count(remaining))]),
        );
    }
    m.close("div").close("div").close("section").close("main");
    m.finish()
}

fn holdings_box(m: &mut Markup, s: &'static Strings, catalogue: &Catalogue, built_whole: bool) {
    let held = holdings(catalogue);
    m.open("div", &[("class", Some("holdings-box"))]);
    m.open("p", &[("class", Some("holdings"))]);
    m.element(
        "span",
        &[("class", Some("holdings-text"))],
        &holdings_text(LOCALE, &held, 0),
    );
    m.text(" ");
    // Worded as the app words it: by what is missing, and by whether the
    // site was built from the public source (`Shelf::site_source`).
    m.element(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some("button load-catalogue")),
            ("disabled", ON),
        ],
        load_label(s, held.is_partial(), built_whole),
    );
    m.text(" ");
    m.element(
        "a",
        &[("href", Some("sources")), ("class", Some("sources-link"))],
        s.sources_link,
    );
    m.close("p");
    m.open("details", &[("class", Some("holdings-courses"))]);
    m.element("summary", &[], s.holdings_by_course);
    m.open("ul", &[]);
    for line in course_lines(LOCALE, catalogue, &held) {
        m.element("li", &[], &line);
    }
    m.close("ul").close("details");
    m.element(
        "p",
        &[
            ("class", Some("catalogue-job")),
            ("role", Some("status")),
            ("data-state", Some("idle")),
        ],
        "",
    );
    m.close("div");
}

fn search_box(m: &mut Markup, s: &'static Strings) {
    m.open(
        "div",
        &[("class", Some("search-box")), ("role", Some("search"))],
    );
    m.element(
        "label",
        &[
            ("for", Some(SEARCH_INPUT_ID)),
            ("class", Some("visually-hidden")),
        ],
        s.search_label,
    );
    m.open(
        "input",
        &[
            ("id", Some(SEARCH_INPUT_ID)),
            ("type", Some("search")),
            ("autocomplete", Some("off")),
            ("spellcheck", Some("false")),
            ("maxlength", Some(MAX_QUERY_CHARS.to_string().as_str())),
            ("enterkeyhint", Some("search")),
            ("placeholder", Some(s.search_placeholder)),
            ("aria-describedby", Some(HINT_ID)),
            // Typing here would be lost when the app replaces the page.
            ("disabled", ON),
        ],
    );
    m.element(
        "p",
        &[("id", Some(HINT_ID)), ("class", Some("hint"))],
        s.keyboard_hint,
    );
    m.close("div");
}

/// A facet choice's label; `empty`: no video has it (zero count, not chosen).
fn open_choice(m: &mut Markup, empty: bool) {
    let class = if empty {
        "facet-choice empty"
    } else {
        "facet-choice"
    };
    m.open("label", &[("class", Some(class))]);
}

/// One checkbox facet (`FacetPanel`'s `CheckboxFacet`); `filter`: the
/// filter a value stands for, whose words (`filters::choice_label`) label it.
fn checkbox_facet<T>(
    m: &mut Markup,
    (s, catalogue): (&'static Strings, &Catalogue),
    legend: &str,
    name: &'static str,
    values: &[FacetValue<T>],
    code: impl Fn(&T) -> String,
    filter: impl Fn(&T) -> Filter,
) {
    m.open(
        "fieldset",
        &[("class", Some("facet")), ("data-facet", Some(name))],
    );
    m.element("legend", &[], legend);
    m.open("ul", &[("role", Some("list"))]);
    for v in values {
        let empty = v.count == 0 && !v.selected;
        m.open("li", &[]);
        open_choice(m, empty);
        m.open(
            "input",
            &[
                ("type", Some("checkbox")),
                ("name", Some(name)),
                ("value", Some(code(&v.value).as_str())),
                ("checked", flag(v.selected)),
                ("disabled", ON),
            ],
        );
        let label = choice_label(s, LOCALE, catalogue, &filter(&v.value));
        m.element("span", &[("class", Some("facet-label"))], &label);
        m.element(
            "span",
            &[("class", Some("facet-count"))],
            &v.count.to_string(),
        );
        m.close("label").close("li");
    }
    m.close("ul").close("fieldset");
}

/// `FilterToggle` with no filter chosen (the panel starts closed on phones).
fn filter_toggle(m: &mut Markup, s: &'static Strings) {
    m.open("div", &[("class", Some("filter-bar"))]);
    m.open(
        "button",
        &[
            ("type", Some("button")),
            ("id", Some(TOGGLE_ID)),
            ("class", Some("button filters-toggle")),
            ("aria-controls", Some(PANEL_ID)),
            ("aria-expanded", Some("false")),
            ("disabled", ON),
        ],
    )
    .element(
        "span",
        &[
            ("class", Some("filters-toggle-mark")),
            ("aria-hidden", Some("true")),
        ],
        "☰ ",
    )
    .element(
        "span",
        &[("class", Some("filters-toggle-text"))],
        s.filters_heading,
    )
    .close("button")
    .close("div");
}

fn facets(
    m: &mut Markup,
    s: &'static Strings,
    catalogue: &Catalogue,
    facets: &shelf_core::search::Facets,
    total: usize,
) {
    m.open(
        "aside",
        &[
            ("class", Some("facets")),
            ("id", Some(PANEL_ID)),
            ("aria-labelledby", Some(filters::HEADING_ID)),
        ],
    );
    m.open("div", &[("class", Some("facets-heading"))])
        .element(
            "h2",
            &[("id", Some(filters::HEADING_ID))],
            s.filters_heading,
        )
        .element(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("link-button")),
                ("disabled", ON),
            ],
            s.clear_all,
        )
        .close("div");
    let labels = (s, catalogue);
    checkbox_facet(
        m,
        labels,
        s.facet_year,
        "year",
        &facets.years,
        u16::to_string,
        |y| Filter::Year(*y),
    );
    checkbox_facet(
        m,
        labels,
        s.facet_series,
        "series",
        &facets.series,
        String::clone,
        |id| Filter::Series(id.clone()),
    );
    checkbox_facet(
        m,
        labels,
        s.facet_lang,
        "lang",
        &facets.langs,
        |l| l.code().to_string(),
        |l| Filter::Lang(*l),
    );
    // `SummaryFacet`: radios, "either" chosen.
    m.open(
        "fieldset",
        &[("class", Some("facet")), ("data-facet", Some("summary"))],
    );
    m.element("legend", &[], s.facet_summary);
    m.open("ul", &[("role", Some("list"))]);
    for value in [None, Some(true), Some(false)] {
        let label = summary_label(s, value);
        let count = value.map(|value: bool| {
            facets
                .summary
                .iter()
                .find(|v| v.value == value)
                .map_or(0, |v| v.count)
        });
        let empty = count == Some(0);
        m.open("li", &[]);
        open_choice(m, empty);
        m.open(
            "input",
            &[
                ("type", Some("radio")),
                ("name", Some("summary")),
                ("checked", flag(value.is_none())),
                ("disabled", ON),
            ],
        );
        m.element("span", &[("class", Some("facet-label"))], label);
        if let Some(count) = count {
            m.element(
                "span",
                &[("class", Some("facet-count"))],
                &count.to_string(),
            );
        }
        m.close("label").close("li");
    }
    m.close("ul").close("fieldset");
    checkbox_facet(
        m,
        labels,
        s.facet_watched,
        "watched",
        &facets.watched,
        |w| w.code().to_string(),
        |w| Filter::Watched(*w),
    );
    m.open("label", &[("class", Some("facet-toggle"))]);
    m.open("input", &[("type", Some("checkbox")), ("disabled", ON)]);
    m.element(
        "span",
        &[],
        &choice_label(s, LOCALE, catalogue, &Filter::HideWatched),
    );
    m.close("label");
    m.element(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some("button primary facets-done")),
            ("disabled", ON),
        ],
        &fill_count(LOCALE, &s.filters_done, total, &[]),
    );
    m.close("aside");
}

fn sort(m: &mut Markup, s: &'static Strings, current: Sort) {
    m.open("label", &[("class", Some("sort"))]);
    m.element("span", &[], s.sort_label);
    m.open("select", &[("disabled", ON)]);
    for sort in Sort::ALL {
        m.element(
            "option",
            &[
                ("value", Some(sort.code())),
                ("selected", flag(sort == current)),
            ],
            sort_select::label(s, sort),
        );
    }
    m.close("select").close("label");
}

/// `BulkAdd` with no playlists yet: the picker offers a new one.
fn bulk_add(m: &mut Markup, s: &'static Strings, total: usize) {
    m.open(
        "div",
        &[
            ("class", Some("bulk-add")),
            ("role", Some("group")),
            ("aria-labelledby", Some(bulk_add::HEADING_ID)),
        ],
    );
    m.element(
        "h2",
        &[
            ("id", Some(bulk_add::HEADING_ID)),
            ("class", Some("bulk-add-heading")),
        ],
        s.bulk_add_heading,
    );
    m.open("div", &[("class", Some("field-row"))]);
    let select_id = playlist_picker::select_id(bulk_add::PICKER_PREFIX);
    let name_id = playlist_picker::name_id(bulk_add::PICKER_PREFIX);
    m.open("span", &[("class", Some("picker-field"))])
        .element(
            "label",
            &[("for", Some(&select_id))],
            s.playlist_picker_label,
        )
        .open("select", &[("id", Some(&select_id)), ("disabled", ON)])
        .element(
            "option",
            &[("value", Some(NEW_CHOICE)), ("selected", ON)],
            s.playlist_picker_new,
        )
        .close("select")
        .close("span");
    m.open("span", &[("class", Some("picker-field"))])
        .element(
            "label",
            &[("for", Some(&name_id))],
            s.playlist_new_name_label,
        )
        .open(
            "input",
            &[
                ("id", Some(&name_id)),
                ("type", Some("text")),
                (
                    "maxlength",
                    Some(shelf_core::study::MAX_NAME_CHARS.to_string().as_str()),
                ),
                ("autocomplete", Some("off")),
                ("disabled", ON),
            ],
        )
        .close("span");
    m.element(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some("button primary")),
            ("disabled", ON),
        ],
        &fill(s.bulk_add_selected, &[("n", "0")]),
    );
    m.element(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some("button")),
            ("disabled", ON),
        ],
        &fill_count(LOCALE, &s.bulk_add_all, total, &[]),
    );
    m.close("div");
    m.element(
        "p",
        &[("class", Some("status")), ("role", Some("status"))],
        "",
    );
    m.close("div");
}

/// One `VideoCard`, unselected and unwatched.
fn card(
    m: &mut Markup,
    s: &'static Strings,
    catalogue: &Catalogue,
    video: &shelf_core::catalogue::Video,
    row: usize,
) {
    let id = video.id.as_str();
    m.open(
        "li",
        &[("class", Some("video-card")), ("data-video-id", Some(id))],
    );
    m.open(
        "input",
        &[
            ("type", Some("checkbox")),
            ("class", Some("select-video")),
            (
                "aria-label",
                Some(fill(s.select_video, &[("title", &video.title)]).as_str()),
            ),
            ("disabled", ON),
        ],
    );
    // Relative to <base>: the app's own link is the same path with the base.
    m.open(
        "a",
        &[
            ("href", Some(format!("video/{id}").as_str())),
            ("class", Some("video-link")),
        ],
    );
    // `Thumbnail` (lazy, as in the app: offscreen rows cost nothing).
    m.open("div", &[("class", Some("thumb"))]).open(
        "img",
        &[
            ("src", Some(video.thumbnail_url().as_str())),
            ("alt", Some("")),
            ("width", Some("320")),
            ("height", Some("180")),
            ("loading", Some("lazy")),
            ("decoding", Some("async")),
            ("referrerpolicy", Some("no-referrer")),
        ],
    );
    m.close("div");
    m.open("div", &[("class", Some("video-text"))]);
    m.element("span", &[("class", Some("video-title"))], &video.title);
    m.open("span", &[("class", Some("video-meta"))]);
    m.element(
        "span",
        &[("class", Some("number"))],
        &format!("#{}", video.number),
    );
    // `When`.
    let when = LOCALE.when(video);
    match video.date {
        Some(date) => m.element(
            "time",
            &[
                ("class", Some("when")),
                ("datetime", Some(date.to_string().as_str())),
            ],
            &when,
        ),
        None => m.element(
            "span",
            &[
                (
                    "class",
                    Some(if video.year_estimated {
                        "when estimated"
                    } else {
                        "when"
                    }),
                ),
                (
                    "title",
                    video.year_estimated.then_some(s.estimated_year_hint),
                ),
            ],
            &when,
        ),
    };
    if let Some(series) = catalogue.series(&video.series) {
        m.element(
            "span",
            &[("class", Some("series"))],
            LOCALE.series_name(series),
        );
    }
    if video.summary.is_some() {
        m.element("span", &[("class", Some("badge"))], s.has_summary);
    }
    m.close("span").close("div").close("a");
    // `WatchToggle`, unwatched.
    let unwatched = WatchState::Unwatched;
    m.open(
        "fieldset",
        &[
            ("class", Some("watch-pill")),
            ("data-state", Some(unwatched.code())),
        ],
    );
    m.element(
        "legend",
        &[("class", Some("sr-only"))],
        &fill(s.watch_toggle_label, &[("title", &video.title)]),
    );
    let name = format!("prerendered-watch-{row}");
    for state in WatchState::ALL {
        let label = state_label(s, state);
        m.open(
            "label",
            &[
                ("class", Some("watch-choice")),
                ("data-state", Some(state.code())),
                ("title", Some(label)),
            ],
        );
        m.open(
            "input",
            &[
                ("type", Some("radio")),
                ("class", Some("watch-input")),
                ("name", Some(name.as_str())),
                ("value", Some(state.code())),
                ("checked", flag(state == unwatched)),
                ("disabled", ON),
            ],
        );
        m.element(
            "span",
            &[("class", Some("watch-mark")), ("aria-hidden", Some("true"))],
            state_mark(state),
        );
        m.element("span", &[("class", Some("watch-text"))], label);
        m.close("label");
    }
    m.close("fieldset").close("li");
}

/// The built `index.html` with the first screen of `catalogue` (the one this
/// site is built with: its data file); None when the page has no
/// [`main_start`] … `</main>` to replace (a test's tiny page).
pub fn prerendered_index(index_html: &str, catalogue: &Catalogue) -> Option<String> {
    if !index_html.contains(&main_start()) {
        return None;
    }
    // The post-build hook names the source in the page before this runs,
    // and the app reads the same tag.
    let built_whole = index_html.contains(&format!("<meta name=\"{SOURCE_META}\""));
    into_index(index_html, &first_screen(catalogue, built_whole))
}

/// `index_html` with its `<main id="main">` element replaced by `main`;
/// None when it has none.
pub fn into_index(index_html: &str, main: &str) -> Option<String> {
    let start = index_html.find(&main_start())?;
    let end = index_html[start..].find(MAIN_END)? + start + MAIN_END.len();
    Some(format!(
        "{}{main}{}",
        &index_html[..start],
        &index_html[end..]
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::default();
        m.element(
            "span",
            &[("title", Some("\"><script>alert('x')</script>"))],
            "<img src=x onerror=\"a()\"> & </span>",
        );
        assert_eq!(
            m.finish(),
            "<span title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\">\
             &lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &lt;/span&gt;</span>"
        );
    }

    #[test]
    fn absent_attributes_are_left_out_and_flags_are_empty() {
        let mut m = Markup::default();
        m.open("input", &[("disabled", ON), ("checked", flag(false))]);
        assert_eq!(m.finish(), "<input disabled=\"\">");
    }

    /// The committed seed catalogue: what a default build's data file holds.
    fn seed_catalogue() -> Catalogue {
        Catalogue::from_json(include_str!("../catalogue/catalogue.json"))
            .expect("the seed catalogue decodes")
    }

    /// The seed catalogue with titles and a series name that are markup.
    fn hostile_catalogue() -> Catalogue {
        let mut catalogue = seed_catalogue();
        for (i, video) in catalogue.videos.iter_mut().enumerate() {
            video.title = format!(
                "<script>window.__pwned = {i}</script><img src=x onerror=\"a()\"> &amp; '\""
            );
        }
        catalogue.series[0].name_zh = "</span><b>series</b>".into();
        catalogue
    }

    #[test]
    fn hostile_titles_reach_the_page_as_text() {
        let html = first_screen(&hostile_catalogue(), false);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img src=x"));
        // Each row's title, in the title, the checkbox's and the legend's labels.
        assert_eq!(
            html.matches("&lt;script&gt;window.__pwned = ").count(),
            3 * PRERENDERED_ROWS
        );
        assert!(html.contains(
            "&lt;/script&gt;&lt;img src=x onerror=&quot;a()&quot;&gt; &amp;amp; &#39;&quot;"
        ));
        assert!(html.contains("&lt;/span&gt;&lt;b&gt;series&lt;/b&gt;"));
        // Only the elements written here: every '<' starts one of them.
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                [
                    "main", "section", "div", "h1", "h2", "p", "span", "button", "a", "label",
                    "input", "aside", "fieldset", "legend", "ul", "li", "select", "option", "img",
                    "time", "details", "summary",
                ]
                .contains(&name.as_str()),
                "unexpected element <{name}"
            );
        }
    }

    #[test]
    fn the_seed_catalogue_gives_a_page_of_linked_rows() {
        let catalogue = &seed_catalogue();
        let html = first_screen(catalogue, false);
        let rows = html.matches("<li class=\"video-card\"").count();
        assert_eq!(rows, PRERENDERED_ROWS.min(catalogue.videos.len()));
        assert_eq!(html.matches("class=\"video-link\"").count(), rows);
        let total = fill_count(
            LOCALE,
            &LOCALE.strings().results_found,
            catalogue.videos.len(),
            &[],
        );
        assert!(html.contains(&total));
    }

    #[test]
    fn the_main_element_is_replaced() {
        let page = "a<main id=\"main\" aria-busy=\"true\"><p>old</p></main>b";
        assert_eq!(
            into_index(page, "<main>new</main>").as_deref(),
            Some("a<main>new</main>b")
        );
        assert_eq!(into_index("no marks", "x"), None);
    }
}
