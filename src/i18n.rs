//! Every UI string, in one typed table per language. Catalogue text (titles,
//! summaries) is shown as written and never passes through here.

use shelf_core::catalogue::{Date, Series, Video};
use shelf_core::study::Unreadable;

use shelf_core::locale::Locale;

use crate::context::use_locale;

/// Strings of the current language; reactive where called inside a closure.
pub fn t() -> &'static Strings {
    use_locale().strings()
}

/// English month abbreviations, for dates in English.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// What the UI needs of a language beyond its code (which the core owns):
/// strings, dates, numbers, series names.
pub trait LocaleText {
    fn format_date(self, date: Date) -> String;
    fn format_count(self, n: usize) -> String;
    fn other(self) -> Locale;
    fn strings(self) -> &'static Strings;
    fn series_name(self, series: &Series) -> &str;
    fn when(self, video: &Video) -> String;
    fn plural_category(self, n: usize) -> PluralCategory;
}

impl LocaleText for Locale {
    fn format_date(self, date: Date) -> String {
        match self {
            Locale::ZhTw => format!("{} 年 {} 月 {} 日", date.year, date.month, date.day),
            Locale::En => format!(
                "{} {} {}",
                date.day,
                MONTHS_EN[usize::from(date.month - 1) % 12],
                date.year
            ),
        }
    }

    /// Whole numbers with thousands separators (both languages use commas).
    fn format_count(self, n: usize) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    fn other(self) -> Locale {
        match self {
            Locale::ZhTw => Locale::En,
            Locale::En => Locale::ZhTw,
        }
    }

    fn strings(self) -> &'static Strings {
        match self {
            Locale::ZhTw => &ZH_TW,
            Locale::En => &EN,
        }
    }

    fn series_name(self, series: &Series) -> &str {
        match self {
            Locale::ZhTw => &series.name_zh,
            Locale::En => &series.name_en,
        }
    }

    fn plural_category(self, n: usize) -> PluralCategory {
        match (self, n) {
            (Locale::En, 1) => PluralCategory::One,
            _ => PluralCategory::Other,
        }
    }

    /// The date, or the year marked as estimated when the page gave none.
    fn when(self, video: &Video) -> String {
        let s = self.strings();
        match (video.date, video.year, video.year_estimated) {
            (Some(date), _, _) => self.format_date(date),
            (None, Some(year), true) => fill(s.about_year, &[("year", &year.to_string())]),
            (None, Some(year), false) => year.to_string(),
            (None, None, _) => s.unknown_date.to_string(),
        }
    }
}

/// Declares `Strings` and, for tests, a list of every message by name, so
/// the two tables can be compared key by key. The struct literal of each
/// table already makes the compiler refuse a missing key.
macro_rules! strings {
    (pub struct Strings { $( $(#[$meta:meta])* pub $name:ident : $ty:ty ),* $(,)? }) => {
        pub struct Strings { $( $(#[$meta])* pub $name: $ty, )* }

        #[cfg(all(test, not(target_arch = "wasm32")))]
        impl Strings {
            /// Every message's name and its forms (one, or one per plural category).
            fn messages(&self) -> Vec<(&'static str, Vec<&'static str>)> {
                vec![$((stringify!($name), Message::forms(&self.$name))),*]
            }
        }
    };
}

/// What a table entry can be: one text, or one text per plural form.
#[cfg(all(test, not(target_arch = "wasm32")))]
trait Message {
    fn forms(&self) -> Vec<&'static str>;
}

#[cfg(all(test, not(target_arch = "wasm32")))]
impl Message for &'static str {
    fn forms(&self) -> Vec<&'static str> {
        vec![self]
    }
}

/// A row of texts (the notes CSV header).
#[cfg(all(test, not(target_arch = "wasm32")))]
impl Message for [&'static str; 4] {
    fn forms(&self) -> Vec<&'static str> {
        self.to_vec()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
impl Message for Plural {
    fn forms(&self) -> Vec<&'static str> {
        vec![self.one, self.other]
    }
}

/// The plural categories (CLDR) the two languages use: Chinese has only
/// `Other`; English tells `One` from `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Other,
}

/// A message whose words depend on a count ("1 video", "2 videos"). Each
/// table holds the forms its language's plural rule picks from; `{n}` is
/// the count.
#[derive(Clone, Copy)]
pub struct Plural {
    one: &'static str,
    other: &'static str,
}

impl Plural {
    /// For a language that tells one from many.
    pub const fn one_other(one: &'static str, other: &'static str) -> Self {
        Self { one, other }
    }

    /// For a language with one form for every count.
    pub const fn invariant(text: &'static str) -> Self {
        Self {
            one: text,
            other: text,
        }
    }

    fn form(&self, category: PluralCategory) -> &'static str {
        match category {
            PluralCategory::One => self.one,
            PluralCategory::Other => self.other,
        }
    }
}

/// Fills `{name}` placeholders in a message. Values are plain text (they end
/// up in text nodes or attributes, never markup), so user data is safe to pass.
///
/// One pass over the template: a value is written out and never read again,
/// so a title that holds `{secs}` stays as written whatever the order of
/// `values`. A placeholder with no value is left as it is.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let key = &after[..close];
            values
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `message` for a count of `n` in `locale`: the plural form the language
/// picks, with `{n}` written as the language writes numbers beside the other
/// values (one pass, as `fill`).
pub fn fill_count(locale: Locale, message: &Plural, n: usize, values: &[(&str, &str)]) -> String {
    let form = message.form(locale.plural_category(n));
    let count = locale.format_count(n);
    let mut all = Vec::with_capacity(values.len() + 1);
    all.push(("n", count.as_str()));
    all.extend_from_slice(values);
    fill(form, &all)
}

/// Why study data cannot be read, in the current language.
pub fn unreadable(reason: &Unreadable) -> String {
    let s = t();
    match *reason {
        Unreadable::NotJson { line, column } => fill(
            s.unreadable_not_json,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        Unreadable::NotAnObject => s.unreadable_not_object.to_string(),
        Unreadable::NoSchemaNumber => s.unreadable_no_schema.to_string(),
        Unreadable::UnknownSchema { version } => fill(
            s.unreadable_unknown_schema,
            &[("version", &version.to_string())],
        ),
    }
}

/// [`fill_count`] in the current language.
pub fn plural(message: &Plural, n: usize, values: &[(&str, &str)]) -> String {
    fill_count(use_locale(), message, n, values)
}

strings! {
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    /// Whose lectures these are, where the tagline does not fit (phones).
    pub tagline_short: &'static str,
    pub catalogue_heading: &'static str,
    /// A year the page did not give, estimated from upload order: `{year}`.
    pub about_year: &'static str,
    pub unknown_date: &'static str,
    pub estimated_year_hint: &'static str,
    /// A part of a lecture whose total is unknown, and of a known total.
    pub part_label: &'static str,
    pub part_of: &'static str,
    pub has_summary: &'static str,
    pub summary_heading: &'static str,
    pub no_summary: &'static str,
    pub watch_on_youtube: &'static str,
    pub series_label: &'static str,
    pub date_label: &'static str,
    pub language_label: &'static str,
    pub lang_zh: &'static str,
    pub lang_en: &'static str,
    pub back_to_catalogue: &'static str,
    /// On a video page opened from a playlist.
    pub back_to_playlist: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub unknown_video_title: &'static str,
    pub unknown_video_body: &'static str,
    pub load_error_title: &'static str,
    pub load_error_body: &'static str,
    /// The language switch shows the other language's name.
    pub switch_language: &'static str,
    pub switch_language_label: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_catalogue: &'static str,
    pub nav_progress: &'static str,
    pub nav_playlists: &'static str,
    pub nav_backup: &'static str,
    pub sync_heading: &'static str,
    pub sync_link: &'static str,
    pub sync_intro: &'static str,
    pub sync_address_label: &'static str,
    pub sync_address_hint: &'static str,
    pub sync_connect: &'static str,
    pub sync_connecting: &'static str,
    pub sync_error_address: &'static str,
    pub sync_error_not_found: &'static str,
    pub sync_error_not_remotestorage: &'static str,
    pub sync_error_unreachable: &'static str,
    pub sync_error_refused: &'static str,
    pub sync_error_state: &'static str,
    pub sync_connected_as: &'static str,
    pub sync_status_never: &'static str,
    pub sync_status_syncing: &'static str,
    pub sync_status_synced: Plural,
    pub sync_status_unreadable: Plural,
    pub sync_just_now: &'static str,
    pub sync_minutes_ago: Plural,
    pub sync_hours_ago: Plural,
    pub sync_days_ago: Plural,
    pub sync_status_offline: &'static str,
    pub sync_status_reconnect: &'static str,
    pub sync_reconnect_body: &'static str,
    pub sync_status_failed: &'static str,
    pub sync_failed_status: &'static str,
    pub sync_failed_garbage: &'static str,
    pub sync_failed_too_large: &'static str,
    pub sync_failed_busy: &'static str,
    pub sync_now: &'static str,
    pub sync_reconnect: &'static str,
    pub sync_disconnect: &'static str,
    pub sync_devices_heading: &'static str,
    pub sync_forget_note: &'static str,
    pub sync_this_device: &'static str,
    pub sync_device_name_label: &'static str,
    pub sync_last_seen: &'static str,
    pub sync_never_seen: &'static str,
    pub sync_forget: &'static str,
    pub sync_forget_label: &'static str,
    pub sync_name_invalid: &'static str,
    pub sync_google_heading: &'static str,
    pub sync_google_hint: &'static str,
    pub sync_google_connect: &'static str,
    pub sync_unnamed: &'static str,
    pub sync_error_forgotten: &'static str,
    pub theme_label: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    // --- search and facets (issue 3) ---
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filters_heading: &'static str,
    pub facet_year: &'static str,
    pub facet_series: &'static str,
    pub facet_lang: &'static str,
    pub facet_summary: &'static str,
    pub facet_watched: &'static str,
    pub summary_any: &'static str,
    pub summary_yes: &'static str,
    pub summary_no: &'static str,
    pub watch_unwatched: &'static str,
    pub watch_in_progress: &'static str,
    pub watch_watched: &'static str,
    pub hide_watched: &'static str,
    pub clear_all: &'static str,
    /// The phone's button that opens the filter panel: `{n}` filters in use.
    pub filters_toggle_active: Plural,
    /// Closes the phone's filter panel: `{n}` results.
    pub filters_done: Plural,
    pub active_filters_label: &'static str,
    /// A chip's name: `{label}` is the facet value it removes.
    pub remove_filter: &'static str,
    pub clear_filters: &'static str,
    pub sort_label: &'static str,
    pub sort_relevance: &'static str,
    pub sort_number_desc: &'static str,
    pub sort_number_asc: &'static str,
    pub sort_date_desc: &'static str,
    pub sort_date_asc: &'static str,
    pub sort_title_asc: &'static str,
    pub sort_title_desc: &'static str,
    pub no_results_title: &'static str,
    pub no_results_filters: &'static str,
    pub clear_search: &'static str,
    pub select_video: &'static str,
    pub keyboard_hint: &'static str,
    pub series_nav_label: &'static str,
    pub prev_lecture: &'static str,
    pub next_lecture: &'static str,
    pub other_language_version: &'static str,
    pub results_found: Plural,
    pub no_results_for: &'static str,
    pub show_more: &'static str,
    // --- study: progress, notes, playlists, backup (issue 4) ---
    // Strings with `{name}` placeholders are filled by `ui::study::util::fill`.
    pub watch_toggle_label: &'static str,
    pub tally_text: &'static str,
    pub tally_in_progress: &'static str,
    pub study_heading: &'static str,
    pub resume_label: &'static str,
    pub resume_hint: &'static str,
    pub resume_save: &'static str,
    pub resume_clear: &'static str,
    pub resume_invalid: &'static str,
    pub resume_link: &'static str,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    pub note_count: &'static str,
    pub note_saved: &'static str,
    pub note_view_heading: &'static str,
    pub note_time_link: &'static str,
    pub note_conflict_heading: &'static str,
    pub note_conflict_hint: &'static str,
    /// `{n}`: 1 for the newest.
    pub note_version_heading: &'static str,
    pub note_keep_this: &'static str,
    pub note_keep_both: &'static str,
    /// `{n}`: characters of both versions joined; `{max}`: a note's cap.
    pub note_keep_both_too_long: &'static str,
    pub import_notes_heading: &'static str,
    pub import_note_now: &'static str,
    pub import_note_after: &'static str,
    pub import_note_none: &'static str,
    pub import_note_both: &'static str,
    pub add_to_playlist_heading: &'static str,
    pub add_to_playlist_button: &'static str,
    pub added_to_playlist: &'static str,
    pub already_in_playlist: &'static str,
    pub playlist_full: &'static str,
    pub in_playlists_label: &'static str,
    pub unknown_video: &'static str,
    pub playlist_picker_label: &'static str,
    pub playlist_picker_new: &'static str,
    pub playlist_new_name_label: &'static str,
    pub playlist_name_empty: &'static str,
    pub playlist_name_too_long: &'static str,
    pub bulk_add_heading: &'static str,
    pub bulk_add_selected: &'static str,
    pub bulk_add_all: Plural,
    pub bulk_added: Plural,
    pub bulk_already: Plural,
    pub bulk_full: &'static str,
    pub full_stop: &'static str,
    pub notice_dismiss: &'static str,
    pub notice_corrupt_title: &'static str,
    pub notice_corrupt_kept: &'static str,
    pub notice_corrupt_not_kept: &'static str,
    pub notice_download_raw: &'static str,
    pub notice_download_failed: &'static str,
    pub notice_details: &'static str,
    pub notice_read_only_title: &'static str,
    pub notice_read_only_body: &'static str,
    pub notice_storage_full: &'static str,
    pub notice_storage_off: &'static str,
    pub notice_storage_failed: &'static str,
    pub notice_memory_only_body: &'static str,
    pub notice_export_hint: &'static str,
    pub progress_heading: &'static str,
    pub progress_overall: &'static str,
    pub continue_series: &'static str,
    pub continue_on_youtube: &'static str,
    pub play_on_youtube_label: &'static str,
    pub series_done: &'static str,
    pub series_as_playlist: &'static str,
    pub my_playlists: &'static str,
    pub no_playlists: &'static str,
    pub series_playlists: &'static str,
    pub series_playlists_hint: &'static str,
    pub playlist_create: &'static str,
    pub playlist_created: &'static str,
    pub playlist_deleted: &'static str,
    pub playlist_restored: &'static str,
    // Issue 23: the playlists page pages its rows; limits on lists and entries.
    pub playlists_too_many: &'static str,
    pub playlists_shown: &'static str,
    pub playlists_show_more: &'static str,
    pub undo: &'static str,
    pub entry_count: Plural,
    pub rename: &'static str,
    pub rename_label: &'static str,
    pub delete: &'static str,
    pub delete_label: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub all_playlists: &'static str,
    pub playlist_not_found: &'static str,
    pub playlist_not_found_body: &'static str,
    pub series_playlist_note: &'static str,
    pub save_copy: &'static str,
    pub play_next: &'static str,
    pub playlist_all_watched: &'static str,
    pub playlist_tools_label: &'static str,
    pub export_markdown: &'static str,
    /// Notes to take away (Markdown with time links, CSV for spreadsheets and Anki).
    pub notes_export_label: &'static str,
    /// The export buttons' group name: no "note" in it, so the note field
    /// stays the only control labelled that way.
    pub notes_export_group: &'static str,
    pub notes_export_markdown: &'static str,
    pub notes_export_csv: &'static str,
    pub notes_export_none: &'static str,
    /// Heading of an export of every note.
    pub notes_export_all: &'static str,
    /// Marks one of several versions of a note: `{n}`, `{of}`.
    pub note_version_mark: &'static str,
    /// The CSV header: title, time, note, link.
    pub notes_csv_header: [&'static str; 4],
    pub exported_markdown: &'static str,
    pub download_failed: &'static str,
    pub copy_share_link: &'static str,
    pub share_copied: &'static str,
    pub share_copy_manually: &'static str,
    pub share_link_label: &'static str,
    pub remove_duplicates: &'static str,
    pub no_duplicates: &'static str,
    pub removed_duplicates: Plural,
    pub remove_watched: &'static str,
    pub no_watched_to_remove: &'static str,
    pub removed_watched: Plural,
    pub reorder_hint: &'static str,
    pub playlist_empty: &'static str,
    pub moved_entry: &'static str,
    pub removed_entry: &'static str,
    pub move_up_label: &'static str,
    pub move_down_label: &'static str,
    pub remove: &'static str,
    pub remove_entry_label: &'static str,
    pub shared_heading: &'static str,
    pub share_bad_title: &'static str,
    pub share_not_a_link: &'static str,
    pub share_newer_version: &'static str,
    pub share_too_long: &'static str,
    pub share_malformed: &'static str,
    pub share_bad_encoding: &'static str,
    pub share_bad_name: &'static str,
    pub share_dropped_invalid: Plural,
    pub share_dropped_over_limit: Plural,
    pub share_unknown: Plural,
    pub save_shared: &'static str,
    pub share_saved: &'static str,
    pub open_playlist: &'static str,
    pub backup_heading: &'static str,
    pub backup_export_heading: &'static str,
    pub backup_export_body: &'static str,
    pub backup_export_button: &'static str,
    pub backup_exported: &'static str,
    pub backup_import_heading: &'static str,
    pub backup_import_body: &'static str,
    pub backup_import_label: &'static str,
    pub import_reading: &'static str,
    pub import_unreadable: &'static str,
    pub import_too_large: &'static str,
    pub import_not_backup: &'static str,
    pub import_corrupt: &'static str,
    pub import_newer_version: &'static str,
    pub import_preview_caption: &'static str,
    pub import_col_kind: &'static str,
    pub import_col_added: &'static str,
    pub import_col_updated: &'static str,
    pub import_col_removed: &'static str,
    pub import_col_unchanged: &'static str,
    pub import_col_kept: &'static str,
    pub import_kind_progress: &'static str,
    pub import_kind_notes: &'static str,
    pub import_kind_playlists: &'static str,
    /// Marks one playlist among courses (progress page).
    pub playlist_badge: &'static str,
    /// The resume field's empty state: the form of a time, not a time.
    pub resume_placeholder: &'static str,
    pub import_kind_settings: &'static str,
    pub import_preview_apply_hint: &'static str,
    pub import_preview_no_changes: &'static str,
    pub import_apply: &'static str,
    pub import_done: &'static str,
    pub import_done_nothing: &'static str,
    pub playlist_name_direction: &'static str,
    pub notice_salvaged_title: &'static str,
    pub notice_salvaged_body: &'static str,
    pub item_progress: &'static str,
    pub item_note: &'static str,
    pub item_playlist: &'static str,
    pub item_settings: &'static str,
    pub item_section: &'static str,
    pub import_undo: &'static str,
    pub import_undo_hint: &'static str,
    pub import_undone: Plural,
    pub import_not_saved: &'static str,
    pub import_skipped: Plural,
    // Issue 23: what an import or another tab's write could not add (limits).
    pub import_over_limit_list: Plural,
    pub import_over_limit_playlists: Plural,
    pub notice_list_full_title: &'static str,
    pub notice_list_full_item: Plural,
    // Issue 23 follow-up: entries a full list stores but does not show (playlist page).
    pub playlist_waiting: Plural,
    pub import_names_added: &'static str,
    pub import_names_updated: &'static str,
    pub import_names_removed: &'static str,
    pub playlist_gone: &'static str,
    pub playlist_gone_restore: &'static str,
    pub sort_lecture: &'static str,
    pub assignment_heading: &'static str,
    pub assignment_label: &'static str,
    pub assignment_preview: &'static str,
    pub assignment_found: &'static str,
    pub assignment_unmatched: &'static str,
    pub assignment_ambiguous: &'static str,
    pub assignment_pick: &'static str,
    pub assignment_name_label: &'static str,
    pub assignment_default_name: &'static str,
    /// A pasted assignment's default name: `{course}`, `{from}`–`{to}`.
    pub assignment_name_lectures: &'static str,
    /// `{course}` and its one lecture `{n}`.
    pub assignment_name_lecture: &'static str,
    /// No course matched: the slide's `{date}`.
    pub assignment_name_dated: &'static str,
    /// `{n}` (always 2 or more) live playlists alike: `{name}`.
    pub playlists_identical: &'static str,
    pub playlists_keep_one: &'static str,
    pub playlists_kept_one: &'static str,
    pub assignment_create: &'static str,
    pub range_heading: &'static str,
    pub range_from: &'static str,
    pub range_to: &'static str,
    pub range_save: &'static str,
    pub range_name: &'static str,
    pub lecture_number: &'static str,
    pub coverage_partial: &'static str,
    pub summary_ai_generated: &'static str,
    pub playlist_name_taken: &'static str,
    // Playlists: a new playlist's id already taken (never expected: ids are fresh).
    pub playlist_id_taken: &'static str,
    pub source_unreachable: &'static str,
    pub source_timed_out: &'static str,
    pub source_status: &'static str,
    pub source_unreadable_file: &'static str,
    pub index_without_pages: &'static str,
    pub parser_unavailable: &'static str,
    pub refresh_would_lose: Plural,
    // Catalogue loader bounds (issue 23): `{found}` and `{max}` as the unit reads.
    pub over_page_bytes: &'static str,
    pub over_total_bytes: &'static str,
    pub over_index_pages: &'static str,
    pub over_parse_time: &'static str,
    pub over_record_bytes: &'static str,
    pub over_entries: &'static str,
    pub parser_stopped: &'static str,
    pub parser_timed_out: &'static str,
    // Sources lock wait (another tab stuck holding it): `{secs}` of waiting.
    pub sources_lock_timed_out: &'static str,
    // Issue 19: holdings in lectures and courses; `{n}` held of `{total}`.
    pub holdings_partial: &'static str,
    pub holdings_all: Plural,
    pub holdings_builtin: &'static str,
    pub holdings_pages: Plural,
    pub holdings_by_course: &'static str,
    // One course in the holdings list: `{name}`, `{loaded}` of `{expected}`.
    pub course_lectures: &'static str,
    pub course_lectures_missing: &'static str,
    pub course_videos: Plural,
    pub course_maybe_earlier: &'static str,
    pub load_full_catalogue: &'static str,
    // The load action when the site was built holding the whole catalogue.
    pub check_new_lectures: &'static str,
    pub loading_catalogue: &'static str,
    pub load_failed: &'static str,
    // Partial catalogue, at the point of need (issue 19).
    pub not_loaded_video: &'static str,
    pub assignment_not_loaded: Plural,
    pub coverage_not_loaded: &'static str,
    pub coverage_maybe_earlier: &'static str,
    pub share_not_loaded: Plural,
    pub import_not_loaded: Plural,
    pub playlist_not_loaded: Plural,
    pub check_new_suggestion: &'static str,
    pub video_not_loaded: &'static str,
    pub sources_link: &'static str,
    pub sources_heading: &'static str,
    pub sources_intro: &'static str,
    pub sources_list_heading: &'static str,
    pub sources_builtin: &'static str,
    pub source_kind_index: &'static str,
    pub source_kind_page: &'static str,
    pub source_kind_file: &'static str,
    pub source_pages: Plural,
    pub source_remove: &'static str,
    pub source_remove_label: &'static str,
    pub refresh_sources: &'static str,
    pub auto_refresh: &'static str,
    pub add_url_heading: &'static str,
    pub add_url_label: &'static str,
    pub add_url_submit: &'static str,
    pub add_url_error: &'static str,
    pub add_files_heading: &'static str,
    pub add_files_label: &'static str,
    pub job_downloading: &'static str,
    pub job_parsing: &'static str,
    pub job_storing: &'static str,
    pub job_applied: Plural,
    pub job_applied_detail: &'static str,
    pub job_not_stored: &'static str,
    pub job_unchanged: &'static str,
    pub job_refused: Plural,
    pub problems_summary: &'static str,
    pub restored_unreadable: &'static str,
    pub not_in_catalogue_body: &'static str,
    pub player_label: &'static str,
    pub player_offline: &'static str,
    pub player_load_failed: &'static str,
    pub player_unavailable: &'static str,
    pub note_at_time: &'static str,
    pub player_keys: &'static str,
    pub next_up: &'static str,
    pub next_now: &'static str,
    pub next_cancel: &'static str,
    /// Above a partial result: no lecture has every word of the search.
    pub search_partial: &'static str,
    /// A misspelled word searched as its one nearest catalogue word.
    pub search_corrected: &'static str,
    /// Before buttons that search with the catalogue's words nearest a word
    /// no lecture has.
    pub did_you_mean: &'static str,
    /// Numbers no lecture has, left out of the search.
    pub search_ignored: &'static str,
    /// Why study data cannot be read (core `Unreadable`), after a colon.
    pub unreadable_not_json: &'static str,
    pub unreadable_not_object: &'static str,
    pub unreadable_no_schema: &'static str,
    pub unreadable_unknown_schema: &'static str,
    pub prev_part: &'static str,
    pub next_part: &'static str,
    /// On a video page: part `{n}`, the one before this video's part, is not loaded.
    pub previous_part_missing: &'static str,
    pub previous_part_not_loaded: &'static str,
    /// Progress page: started courses and playlists.
    pub progress_started: &'static str,
    /// Progress page: courses and playlists not started.
    pub progress_not_started: &'static str,
    pub progress_nothing_started: &'static str,
    /// Progress page: the first lecture of a course not started.
    pub progress_start: &'static str,
    // Time: lengths, time left, speed, due dates (`ui/study/time_left.rs`).
    pub length_minutes: &'static str,
    pub length_label: &'static str,
    pub span_hours_minutes: &'static str,
    pub span_minutes: &'static str,
    pub time_left: &'static str,
    pub time_total: &'static str,
    pub time_unknown: Plural,
    /// Time left when only lectures of unknown length are left.
    pub time_only_unknown: Plural,
    pub time_all_watched: &'static str,
    pub speed_label: &'static str,
    pub due_label: &'static str,
    pub due_clear: &'static str,
    pub due_from_slide: &'static str,
    pub pace_days: Plural,
    pub pace_today: &'static str,
    pub pace_past_due: &'static str,
    pub ics_export: &'static str,
    pub ics_day_summary: Plural,
    pub ics_due_summary: &'static str,
    pub continue_heading: &'static str,
    pub continue_due: &'static str,
    // A page whose code is a chunk fetched when first opened (issue 22).
    pub page_loading: &'static str,
    pub page_load_failed: &'static str,
    pub page_load_failed_body: &'static str,
    pub page_load_retry: &'static str,
}
}

pub static ZH_TW: Strings = Strings {
    app_name: "Lecture Shelf 課程書架",
    tagline: "李宏毅老師機器學習與生成式 AI 課程的離線學習夥伴",
    tagline_short: "李宏毅老師的課程",
    catalogue_heading: "課程影片",
    about_year: "約 {year} 年",
    unknown_date: "日期不詳",
    estimated_year_hint: "頁面未標日期，年份依上傳順序推估",
    part_label: "第 {n} 部分",
    part_of: "第 {n}/{of} 部分",
    has_summary: "有摘要",
    summary_heading: "重點摘要",
    no_summary: "這部影片還沒有摘要。",
    watch_on_youtube: "在 YouTube 觀看",
    series_label: "系列",
    date_label: "日期",
    language_label: "語言",
    lang_zh: "中文",
    lang_en: "English",
    back_to_catalogue: "回到全部課程",
    back_to_playlist: "回到播放清單",
    not_found_title: "找不到這個頁面",
    not_found_body: "網址可能打錯了，或這個頁面已經不存在。",
    unknown_video_title: "找不到這部影片",
    unknown_video_body: "目錄裡沒有這個影片 ID。",
    load_error_title: "課程目錄無法載入",
    load_error_body: "這個網站的課程目錄檔無法下載或讀取。請確認網路連線後重新整理頁面；若仍然失敗，請回報以下訊息：",
    switch_language: "English",
    switch_language_label: "Switch to English",
    update_ready: "新版本已下載完成。",
    update_reload: "重新載入",
    skip_to_content: "跳到主要內容",
    nav_label: "主選單",
    nav_catalogue: "課程",
    nav_progress: "學習進度",
    nav_playlists: "播放清單",
    nav_backup: "備份",
    sync_heading: "同步",
    sync_link: "在你的每台裝置間同步學習資料",
    sync_intro: "透過你自己的儲存空間，讓每台裝置上的進度、筆記和播放清單保持一致；資料不經過我們的任何伺服器。",
    sync_address_label: "remoteStorage 位址",
    sync_address_hint: "格式為「使用者@主機」，例如 student@5apps.com",
    sync_connect: "連線",
    sync_connecting: "查詢中…",
    sync_error_address: "請以「使用者@主機」的格式輸入位址。",
    sync_error_not_found: "{host} 上找不到這個帳號。",
    sync_error_not_remotestorage: "{host} 不是 remoteStorage 伺服器。",
    sync_error_unreachable: "無法連上 {host}：請檢查位址和網路連線。",
    sync_error_refused: "伺服器沒有授權（{reason}），沒有連線任何東西。",
    sync_error_state: "這次授權不是從這個瀏覽器開始的，沒有連線任何東西。",
    sync_connected_as: "已連線到 {address}",
    sync_status_never: "尚未同步",
    sync_status_syncing: "同步中…",
    sync_status_synced: Plural::invariant("{when}已同步 · {n} 台裝置"),
    sync_status_unreadable: Plural::invariant("{n} 個裝置檔案無法讀取，已略過"),
    sync_just_now: "剛剛",
    sync_minutes_ago: Plural::invariant("{n} 分鐘前"),
    sync_hours_ago: Plural::invariant("{n} 小時前"),
    sync_days_ago: Plural::invariant("{n} 天前"),
    sync_status_offline: "離線中：恢復連線後會同步",
    sync_status_reconnect: "需要重新連線",
    sync_reconnect_body: "本機的修改都保留著，重新連線後就會同步。",
    sync_status_failed: "同步失敗：{reason}",
    sync_failed_status: "伺服器回應 {code}",
    sync_failed_garbage: "伺服器的回應無法解讀",
    sync_failed_too_large: "伺服器上的檔案太大",
    sync_failed_busy: "另一個分頁一直佔用同步",
    sync_now: "立即同步",
    sync_reconnect: "重新連線",
    sync_disconnect: "中斷連線",
    sync_devices_heading: "裝置",
    sync_forget_note: "移除一台裝置會在下次同步時刪除它的檔案；它已合併進來的修改會保留。",
    sync_this_device: "這台裝置",
    sync_device_name_label: "「{name}」的名稱",
    sync_last_seen: "最後同步：{when}",
    sync_never_seen: "尚未同步過",
    sync_forget: "移除",
    sync_forget_label: "移除「{name}」",
    sync_name_invalid: "名稱須為 1 到 100 個字。",
    sync_google_heading: "或使用 Google 雲端硬碟",
    sync_google_hint: "學習資料會存放在你 Google 雲端硬碟中的隱藏資料夾，只有這個應用程式看得到，你的其他檔案它都看不到。",
    sync_google_connect: "連接 Google 雲端硬碟",
    sync_unnamed: "未命名的裝置",
    sync_error_forgotten: "另一台裝置移除了這台裝置，所以已中斷連線；這裡的學習資料都還在。再次連線即可以新裝置的身分同步。",
    theme_label: "佈景主題",
    theme_system: "跟隨系統",
    theme_light: "淺色",
    theme_dark: "深色",
    // --- search and facets (issue 3) ---
    search_label: "搜尋課程",
    search_placeholder: "搜尋標題與摘要，例如：強化學習",
    filters_heading: "篩選",
    facet_year: "年份",
    facet_series: "系列",
    facet_lang: "語言",
    facet_summary: "摘要",
    facet_watched: "觀看狀態",
    summary_any: "不限",
    summary_yes: "有摘要",
    summary_no: "沒有摘要",
    watch_unwatched: "未觀看",
    watch_in_progress: "看到一半",
    watch_watched: "已看完",
    hide_watched: "隱藏已看完的影片",
    clear_all: "清除全部",
    filters_toggle_active: Plural::invariant("篩選（{n} 個使用中）"),
    filters_done: Plural::invariant("顯示 {n} 部影片"),
    active_filters_label: "使用中的篩選",
    remove_filter: "移除篩選：{label}",
    clear_filters: "清除所有篩選",
    sort_label: "排序",
    sort_relevance: "相關程度",
    sort_number_desc: "編號：新到舊",
    sort_number_asc: "編號：舊到新",
    sort_date_desc: "日期：新到舊",
    sort_date_asc: "日期：舊到新",
    sort_title_asc: "標題：A 到 Z",
    sort_title_desc: "標題：Z 到 A",
    no_results_title: "找不到符合的影片",
    no_results_filters: "目前的篩選條件下沒有任何影片。",
    clear_search: "清除搜尋與篩選",
    select_video: "選取：{title}",
    keyboard_hint: "快捷鍵：/ 搜尋、Esc 清除、j／k 或 ↑／↓ 移動、Enter 開啟",
    series_nav_label: "同系列的課程",
    prev_lecture: "上一講",
    next_lecture: "下一講",
    other_language_version: "另一種語言的版本",
    results_found: Plural::invariant("找到 {n} 部影片"),
    no_results_for: "沒有影片符合「{query}」",
    show_more: "顯示更多（還有 {n} 部）",
    // --- study: progress, notes, playlists, backup (issue 4) ---
    watch_toggle_label: "觀看狀態：{title}",
    tally_text: "已看完 {watched} / {total} 部（{percent}%）",
    tally_in_progress: "，{n} 部看到一半",
    study_heading: "學習紀錄",
    resume_label: "看到哪裡",
    resume_hint: "輸入影片時間，例如 34:10 或 1:02:03；清空即可移除。",
    resume_save: "儲存時間",
    resume_clear: "清除時間",
    resume_invalid: "時間格式不對，請用「分:秒」或「時:分:秒」，例如 34:10 或 1:02:03。",
    resume_link: "從 {time} 繼續在 YouTube 觀看",
    note_label: "筆記",
    note_hint: "筆記裡的時間（例如 12:34）會變成跳到影片該處的連結。筆記只存在這個瀏覽器裡。",
    note_count: "{n} / {max} 字",
    note_saved: "筆記已儲存。",
    note_view_heading: "筆記內容",
    note_time_link: "從 {time} 開始在 YouTube 播放",
    note_conflict_heading: "在兩台裝置上編輯過",
    note_conflict_hint: "兩個版本都保留著，直到你決定：保留其中一個、兩個都保留，或直接在下面編輯（編輯框裡是兩個版本合在一起的文字）。",
    note_version_heading: "版本 {n}",
    note_keep_this: "保留這個版本",
    note_keep_both: "兩個都保留",
    note_keep_both_too_long: "兩個版本合起來有 {n} 字，超過筆記上限 {max} 字：請先在下面編輯刪減。",
    import_notes_heading: "會變更的筆記",
    import_note_now: "現在：",
    import_note_after: "匯入後：",
    import_note_none: "（沒有筆記）",
    import_note_both: "兩邊各自編輯過：兩段文字都會保留，之後可在影片頁選擇。",
    add_to_playlist_heading: "加入播放清單",
    add_to_playlist_button: "加入",
    added_to_playlist: "已加入「{name}」。",
    already_in_playlist: "「{name}」裡已經有這部影片了。",
    playlist_full: "「{name}」已經滿了，沒有加入。",
    in_playlists_label: "已收錄在：",
    unknown_video: "不在目錄中",
    playlist_picker_label: "播放清單",
    playlist_picker_new: "＋ 新增播放清單…",
    playlist_new_name_label: "新播放清單名稱",
    playlist_name_empty: "請輸入播放清單名稱。",
    playlist_name_too_long: "播放清單名稱最多 {max} 個字。",
    bulk_add_heading: "加入播放清單",
    bulk_add_selected: "加入選取的 {n} 部",
    bulk_add_all: Plural::invariant("加入全部 {n} 筆結果"),
    bulk_added: Plural::invariant("已加入 {n} 部影片到「{name}」"),
    bulk_already: Plural::invariant("，{n} 部原本就在清單裡"),
    bulk_full: "，{n} 部因清單已滿沒有加入",
    full_stop: "。",
    notice_dismiss: "關閉",
    notice_corrupt_title: "儲存的學習資料無法讀取。",
    notice_corrupt_kept: "原本的資料沒有被刪除，已另外保留一份，你可以下載它的原始內容。之後的變更會從頭開始儲存。",
    notice_corrupt_not_kept: "原本的資料仍在瀏覽器裡，沒有被覆寫，你可以下載它的原始內容。在能另外保留它之前，變更只會留在這個分頁。",
    notice_download_raw: "下載原始資料",
    notice_download_failed: "無法下載原始資料。",
    notice_details: "技術細節",
    notice_read_only_title: "學習資料是由較新版本的 Lecture Shelf 儲存的。",
    notice_read_only_body: "這個版本看不懂資料格式 {version}。為了不破壞原本的資料，你在這裡做的任何變更都不會被儲存。請重新整理頁面以更新到最新版本。",
    notice_storage_full: "瀏覽器的儲存空間已滿。",
    notice_storage_off: "這個瀏覽器停用了網站資料儲存。",
    notice_storage_failed: "瀏覽器拒絕儲存資料。",
    notice_memory_only_body: "變更只會留在這個分頁，關閉後就會消失；之前儲存的資料不受影響。",
    notice_export_hint: "匯出備份來保留變更",
    progress_heading: "學習進度",
    progress_overall: "全部課程",
    continue_series: "繼續看：{title}",
    continue_on_youtube: "在 YouTube 播放",
    play_on_youtube_label: "在 YouTube 播放：{title}",
    series_done: "這個系列全部看完了！",
    series_as_playlist: "當作播放清單檢視",
    my_playlists: "我的播放清單",
    no_playlists: "還沒有播放清單。在上面輸入名稱建立一個，或從課程列表、影片頁面加入影片。",
    series_playlists: "課程系列",
    series_playlists_hint: "每個系列都是現成的播放清單，依講次排序；另存一份就能自己編輯。",
    playlist_create: "建立",
    playlist_created: "已建立「{name}」。",
    playlist_deleted: "已刪除「{name}」。",
    playlist_restored: "已復原「{name}」。",
    playlists_too_many: "你已經有 {max} 個播放清單，這是能保存的上限。刪除一個才能再建立。",
    playlists_shown: "顯示 {shown} / {total} 個播放清單",
    playlists_show_more: "顯示更多",
    undo: "復原",
    entry_count: Plural::invariant("{n} 部影片"),
    rename: "重新命名",
    rename_label: "重新命名「{name}」",
    delete: "刪除",
    delete_label: "刪除「{name}」",
    save: "儲存",
    cancel: "取消",
    all_playlists: "所有播放清單",
    playlist_not_found: "找不到這個播放清單",
    playlist_not_found_body: "它可能已經被刪除，或網址打錯了。",
    series_playlist_note: "這是依講次排序的課程系列，無法直接編輯。",
    save_copy: "另存為我的播放清單",
    play_next: "播放下一部還沒看完的：{title}",
    playlist_all_watched: "這個清單全部看完了！",
    playlist_tools_label: "播放清單工具",
    export_markdown: "匯出 Markdown",
    notes_export_label: "匯出筆記",
    notes_export_group: "下載成檔案",
    notes_export_markdown: "筆記匯出為 Markdown",
    notes_export_csv: "筆記匯出為 CSV",
    notes_export_none: "這裡還沒有筆記。",
    notes_export_all: "所有筆記",
    note_version_mark: "版本 {n}／{of}",
    notes_csv_header: ["標題", "時間", "筆記", "連結"],
    exported_markdown: "已下載 {file}。",
    download_failed: "瀏覽器無法下載檔案。",
    copy_share_link: "複製分享連結",
    share_copied: "已複製分享連結。",
    share_copy_manually: "無法自動複製，請手動複製下面的連結。",
    share_link_label: "分享連結",
    remove_duplicates: "移除重複項目",
    no_duplicates: "沒有重複的項目。",
    removed_duplicates: Plural::invariant("已移除 {n} 個重複項目。"),
    remove_watched: "移除已看完的",
    no_watched_to_remove: "清單裡沒有已看完的影片。",
    removed_watched: Plural::invariant("已移除 {n} 部已看完的影片。"),
    reorder_hint: "拖曳項目可以調整順序（觸控螢幕上拖曳 ⠿），也可以用 ↑ ↓ 按鈕移動。",
    playlist_empty: "這個播放清單還是空的。",
    moved_entry: "已將「{title}」移到第 {pos} 個（共 {total} 個）。",
    removed_entry: "已移除「{title}」。",
    move_up_label: "上移：{title}",
    move_down_label: "下移：{title}",
    remove: "移除",
    remove_entry_label: "移除：{title}",
    shared_heading: "別人分享的播放清單",
    share_bad_title: "無法開啟這個分享連結",
    share_not_a_link: "這個網址裡沒有播放清單。請確認複製了完整的分享連結（包括 # 之後的部分）。",
    share_newer_version: "這個連結是由較新版本的 Lecture Shelf 產生的，請重新整理頁面更新後再開啟。",
    share_too_long: "連結太長（{len} 個字元，上限 {max}），無法讀取。",
    share_malformed: "連結已損毀或不完整，請向分享的人再要一次。",
    share_bad_encoding: "連結裡的播放清單名稱已損毀。",
    share_bad_name: "連結裡的播放清單名稱無法使用：",
    share_dropped_invalid: Plural::invariant("連結裡有 {n} 個無效的影片 ID，已經略過。"),
    share_dropped_over_limit: Plural::invariant("清單超過上限，有 {n} 部影片沒有讀進來。"),
    share_unknown: Plural::invariant("有 {n} 部影片不在這個版本的目錄裡，會保留下來並顯示為「未知的影片」。"),
    save_shared: "儲存到我的播放清單",
    share_saved: "已儲存到你的播放清單。",
    open_playlist: "開啟播放清單",
    backup_heading: "備份與還原",
    backup_export_heading: "匯出備份",
    backup_export_body: "把觀看進度、筆記和播放清單存成一個 JSON 檔，可以在其他瀏覽器或裝置匯入。",
    backup_export_button: "下載備份檔",
    backup_exported: "已下載 {file}。",
    backup_import_heading: "匯入備份",
    backup_import_body: "匯入會合併資料：同一個項目保留較新的版本，只存在這裡的資料不會被刪除。套用前會先列出會有哪些變化。",
    backup_import_label: "選擇備份檔",
    import_reading: "正在讀取檔案…",
    import_unreadable: "無法讀取這個檔案。",
    import_too_large: "檔案太大（{size}，上限 {max}），不會是 Lecture Shelf 的備份檔。",
    import_not_backup: "這個 JSON 檔不是 Lecture Shelf 的備份檔。",
    import_corrupt: "無法把這個檔案讀成備份：{reason}。",
    import_newer_version: "這個備份是由較新版本的 Lecture Shelf 產生的（格式 {version}），請先重新整理頁面更新。",
    import_preview_caption: "匯入後會有的變化",
    import_col_kind: "項目",
    import_col_added: "新增",
    import_col_updated: "更新",
    import_col_removed: "刪除",
    import_col_unchanged: "不變",
    import_col_kept: "保留這裡較新的",
    import_kind_progress: "觀看進度",
    import_kind_notes: "筆記",
    import_kind_playlists: "播放清單",
    playlist_badge: "播放清單",
    resume_placeholder: "分:秒",
    import_kind_settings: "設定",
    import_preview_apply_hint: "確認沒問題後，按「套用匯入」。",
    import_preview_no_changes: "這個備份和目前的資料相同，匯入不會改變任何東西。",
    import_apply: "套用匯入",
    import_done: "匯入完成，資料已經合併。",
    import_done_nothing: "匯入完成，沒有任何變化。",
    playlist_name_direction: "播放清單名稱不能含有改變文字方向的控制字元。",
    notice_salvaged_title: "有些已存的項目無法讀取，已略過。",
    notice_salvaged_body: "其他學習資料都在。原始資料已另外保留，可以下載檢查。",
    item_progress: "進度",
    item_note: "筆記",
    item_playlist: "播放清單",
    item_settings: "設定",
    item_section: "資料區段",
    import_undo: "復原匯入",
    import_undo_hint: "復原會把這次匯入改變的項目還原（匯入後你自己改過的除外），直到下一次匯入。",
    import_undone: Plural::invariant("已復原匯入：{n} 個項目已還原。"),
    import_not_saved: "已匯入，但無法儲存：變更只存在這個分頁。",
    import_skipped: Plural::invariant("檔案中有 {n} 個項目無法讀取，已略過。"),
    import_over_limit_list: Plural::invariant("「{name}」已滿（最多 {max} 部），有 {n} 部影片不會加入。"),
    import_over_limit_playlists: Plural::invariant("播放清單已達上限（{max} 個），有 {n} 個播放清單不會加入。"),
    notice_list_full_title: "播放清單已滿，有些剛加入的影片正在等候。",
    notice_list_full_item: Plural::invariant("「{name}」最多顯示 {max} 部：另一個分頁同時加入了影片，有 {n} 部正在等候，移除一些影片後就會顯示。"),
    playlist_waiting: Plural::invariant("有 {n} 部影片正在等候：清單最多顯示 {max} 部；移除一些影片就能騰出空間。"),
    import_names_added: "將新增：",
    import_names_updated: "將更新：",
    import_names_removed: "將移除：",
    playlist_gone: "「{name}」已在另一個分頁刪除。",
    playlist_gone_restore: "還原並使用這個名稱",
    sort_lecture: "課程順序（第幾講）",
    assignment_heading: "從作業建立播放清單",
    assignment_label: "貼上作業或課程清單（影片標題、YouTube 連結、第幾講、「至少看到第八講」）",
    assignment_preview: "預覽",
    assignment_found: "找到的影片：{n} 部",
    assignment_unmatched: "這幾行找不到對應的影片：",
    assignment_ambiguous: "這幾行可能是不只一部影片，請選一部：",
    assignment_pick: "選一部影片…",
    assignment_name_label: "這份作業清單的名稱",
    assignment_default_name: "作業",
    assignment_name_lectures: "{course} 第{from}–{to}講",
    assignment_name_lecture: "{course} 第{n}講",
    assignment_name_dated: "作業 {date}",
    playlists_identical: "這 {n} 個播放清單完全相同（「{name}」，影片和順序都一樣）：",
    playlists_keep_one: "只保留一個",
    playlists_kept_one: "已只保留一個「{name}」，其他的已刪除。",
    assignment_create: "建立播放清單",
    range_heading: "選一段課程存成播放清單",
    range_from: "從",
    range_to: "到",
    range_save: "存成播放清單",
    range_name: "{series}：{from} 到 {to}",
    lecture_number: "第 {n} 講",
    coverage_partial: "目前只有 {loaded} / {expected} 講（缺第 {missing} 講）",
    summary_ai_generated: "這份摘要由 AI 自動產生，不是老師寫的，可能有錯；請以影片內容為準。",
    playlist_name_taken: "已經有同名的播放清單了，請換一個名稱。",
    // Playlists: a new playlist's id already taken (never expected: ids are fresh).
    playlist_id_taken: "無法建立播放清單：代號已被使用，請再試一次。",
    source_unreachable: "無法下載（離線，或伺服器不允許跨來源讀取）",
    source_timed_out: "20 秒內沒有回應",
    source_status: "伺服器回應 {status}",
    source_unreadable_file: "檔案無法讀取",
    index_without_pages: "這個頁面沒有連到任何目錄頁（docs/NN-index.md）",
    parser_unavailable: "目錄解析器無法啟動（離線，且尚未下載過）。目錄沒有變更。",
    refresh_would_lose: Plural::invariant("新頁面少了目前收錄的 {n} 部影片（例如「{first}」），所以沒有套用"),
    // Catalogue loader bounds (issue 23).
    over_page_bytes: "頁面至少有 {found}，超過上限 {max}",
    over_total_bytes: "這次載入的頁面超過 {max}（一次載入的上限），已停止下載",
    over_index_pages: "索引頁連到超過 {max} 個目錄頁（上限）",
    over_parse_time: "解析超過 {max} 秒（上限），已停止",
    over_record_bytes: "目錄需要 {found} 才能儲存，超過上限 {max}",
    over_entries: "共 {found} 部影片，超過上限 {max}",
    parser_stopped: "目錄解析器中途停止（可能是記憶體不足）",
    parser_timed_out: "目錄解析器沒有在時限內回應，已停止",
    // Sources lock wait.
    sources_lock_timed_out: "另一個分頁的目錄工作 {secs} 秒內沒有結束，所以沒有套用任何變更：請重新載入或關閉其他分頁後再試一次",
    holdings_partial: "已載入 {total} 部中的 {n} 部影片",
    holdings_all: Plural::invariant("已載入全部 {n} 部影片"),
    holdings_builtin: "（來自內建頁面）。",
    holdings_pages: Plural::invariant("（來自內建頁面與 {n} 個載入的頁面）。"),
    holdings_by_course: "各課程",
    course_lectures: "{name}：{expected} 講中有 {loaded} 講",
    course_lectures_missing: "（缺第 {missing} 講）",
    course_videos: Plural::invariant("{name}：{n} 部影片"),
    course_maybe_earlier: "（較早的幾講可能還沒載入）",
    load_full_catalogue: "載入完整目錄",
    check_new_lectures: "檢查有沒有新影片",
    loading_catalogue: "載入中…",
    load_failed: "沒有載入成功，原因見目錄來源頁",
    not_loaded_video: "尚未載入",
    assignment_not_loaded: Plural::invariant("這 {n} 行可能是還沒載入的影片。"),
    coverage_not_loaded: "目前只有 {loaded} / {expected} 講；第 {missing} 講尚未載入。",
    coverage_maybe_earlier: "這門課較早的幾講可能還沒載入。",
    share_not_loaded: Plural::invariant("有 {n} 部影片尚未載入；會保留下來，載入後就會顯示。"),
    import_not_loaded: Plural::invariant("備份裡有 {n} 部影片尚未載入；它們的進度和筆記會保留，載入後就會顯示。"),
    playlist_not_loaded: Plural::invariant("清單裡有 {n} 部影片尚未載入，載入後就會顯示。"),
    check_new_suggestion: "如果是剛上傳的影片，可以到目錄來源頁檢查有沒有新影片。",
    video_not_loaded: "它可能是還沒載入的影片。",
    sources_link: "目錄來源",
    sources_heading: "目錄來源",
    sources_intro: "內建目錄之外，可以從影片摘要的公開頁面、網址或檔案載入更多目錄頁。載入的目錄存放在這個瀏覽器裡，離線也能用；學習進度不受影響。",
    sources_list_heading: "來源",
    sources_builtin: "內建頁面",
    source_kind_index: "索引頁",
    source_kind_page: "網址",
    source_kind_file: "檔案",
    source_pages: Plural::invariant("{n} 頁"),
    source_remove: "移除",
    source_remove_label: "移除來源 {name}",
    refresh_sources: "立即重新整理",
    auto_refresh: "連線時每天自動重新整理一次",
    add_url_heading: "加入頁面網址",
    add_url_label: "目錄頁的網址（Markdown）",
    add_url_submit: "加入並載入",
    add_url_error: "這不是可用的網址：請貼上 http(s):// 開頭的完整網址。",
    add_files_heading: "從檔案載入",
    add_files_label: "選擇目錄頁檔案（.md，可多選），或拖放到這裡",
    job_downloading: "下載中… {done} / {total}",
    job_parsing: "解析中…",
    job_storing: "儲存中…",
    job_applied: Plural::invariant("已載入：目錄從 {before} 部變成 {after} 部影片（{n} 個頁面）。"),
    job_applied_detail: "占用約 {size}。",
    job_not_stored: "但無法存進這個瀏覽器：重新載入後就會消失。",
    job_unchanged: "已是最新：目錄沒有變更。",
    job_refused: Plural::invariant("沒有套用任何變更：有 {n} 個問題，目錄維持原樣。"),
    problems_summary: "問題清單（檔案:行: 說明）",
    restored_unreadable: "存放的目錄無法讀取，先使用內建目錄：{reason}",
    not_in_catalogue_body: "目前的目錄沒有這部影片（可能被移除，或它的目錄頁尚未載入）。你的進度、筆記和播放清單位置都還在。",
    player_label: "影片播放器",
    player_offline: "離線中：無法播放影片。摘要、筆記和進度照常可用，連線後可在 YouTube 觀看。",
    player_load_failed: "YouTube 播放器無法載入：摘要、筆記和進度照常可用，也可以到 YouTube 觀看。",
    player_unavailable: "這部影片無法在這裡播放（已移除或不允許嵌入）：請到 YouTube 觀看。",
    note_at_time: "在目前時間記筆記",
    player_keys: "播放器快捷鍵（焦點在播放器區時）：k 或空白鍵 播放／暫停、j／l 倒退／快轉 10 秒、n 在目前時間記筆記",
    next_up: "接下來：「{title}」，{secs} 秒後播放",
    next_now: "立即播放",
    next_cancel: "取消",
    search_partial: "沒有影片同時符合所有字詞，以下是符合部分字詞的影片。",
    search_corrected: "沒有影片含「{typed}」，顯示「{query}」的結果。",
    did_you_mean: "你是不是要找：",
    search_ignored: "沒有影片含「{numbers}」，已略過。",
    unreadable_not_json: "從第 {line} 行第 {column} 字起不是有效的 JSON",
    unreadable_not_object: "內容不是一個 JSON 物件",
    unreadable_no_schema: "沒有資料格式版本號（schema）",
    unreadable_unknown_schema: "沒有第 {version} 版這種資料格式",
    prev_part: "上一部分",
    next_part: "下一部分",
    previous_part_missing: "前一部分（第 {n} 部分）不在目前的目錄中。",
    previous_part_not_loaded: "前一部分（第 {n} 部分）尚未載入。",
    progress_started: "學習中",
    progress_not_started: "還沒開始",
    progress_nothing_started: "還沒有開始任何課程或播放清單：從下面挑一個開始吧。",
    progress_start: "從這部開始：{title}",
    length_minutes: "{n} 分鐘",
    length_label: "長度",
    span_hours_minutes: "{h} 小時 {m} 分鐘",
    span_minutes: "{m} 分鐘",
    time_left: "還剩 {time}",
    time_total: "共 {time}",
    time_unknown: Plural::invariant("{n} 講長度未知"),
    time_only_unknown: Plural::invariant("還有 {n} 講，長度未知"),
    time_all_watched: "全部看完了",
    speed_label: "播放速度",
    due_label: "截止日期",
    due_clear: "清除截止日期",
    due_from_slide: "截止日期（從投影片讀到）：{date}",
    pace_days: Plural::invariant("還有 {n} 天 · 每天約 {time}"),
    pace_today: "今天截止",
    pace_past_due: "已過截止日期",
    ics_export: "把計畫加入行事曆（.ics）",
    ics_day_summary: Plural::invariant("{name}：看 {n} 講"),
    ics_due_summary: "{name} 截止",
    continue_heading: "繼續",
    continue_due: "截止日期 {date}",
    page_loading: "頁面載入中…",
    page_load_failed: "這個頁面沒有載入成功",
    page_load_failed_body: "它的程式沒有下載完成，可能是網路中斷了。請檢查連線後再試一次。",
    page_load_retry: "再試一次",
};

pub static EN: Strings = Strings {
    app_name: "Lecture Shelf",
    tagline: "An offline study companion for Prof. Hung-yi Lee's ML and generative AI lectures",
    tagline_short: "Prof. Hung-yi Lee's lectures",
    catalogue_heading: "Lectures",
    about_year: "c. {year}",
    unknown_date: "date unknown",
    estimated_year_hint: "No date on the page; year estimated from upload order",
    part_label: "Part {n}",
    part_of: "Part {n} of {of}",
    has_summary: "Summary",
    summary_heading: "Summary",
    no_summary: "This video has no summary yet.",
    watch_on_youtube: "Watch on YouTube",
    series_label: "Series",
    date_label: "Date",
    language_label: "Language",
    lang_zh: "Chinese",
    lang_en: "English",
    back_to_catalogue: "Back to all lectures",
    back_to_playlist: "Back to the playlist",
    not_found_title: "Page not found",
    not_found_body: "The address may be mistyped, or the page no longer exists.",
    unknown_video_title: "Video not found",
    unknown_video_body: "The catalogue has no video with this id.",
    load_error_title: "The catalogue could not be loaded",
    load_error_body: "This site's catalogue file could not be downloaded or read. Check your connection and reload the page; if it still fails, please report this message:",
    switch_language: "中文",
    switch_language_label: "切換為中文",
    update_ready: "A new version is ready.",
    update_reload: "Reload",
    skip_to_content: "Skip to content",
    nav_label: "Main",
    nav_catalogue: "Lectures",
    nav_progress: "Progress",
    nav_playlists: "Playlists",
    nav_backup: "Backup",
    sync_heading: "Sync",
    sync_link: "Sync your study across devices",
    sync_intro: "Keep progress, notes and playlists the same on every device, through storage you own. Nothing passes through a server of ours.",
    sync_address_label: "remoteStorage address",
    sync_address_hint: "As user@host, for example student@5apps.com",
    sync_connect: "Connect",
    sync_connecting: "Looking up…",
    sync_error_address: "Type the address as user@host.",
    sync_error_not_found: "No such account at {host}.",
    sync_error_not_remotestorage: "{host} is not a remoteStorage server.",
    sync_error_unreachable: "Could not reach {host}: check the address and your connection.",
    sync_error_refused: "The server did not grant access ({reason}); nothing was connected.",
    sync_error_state: "That authorization did not start in this browser; nothing was connected.",
    sync_connected_as: "Connected to {address}",
    sync_status_never: "not synced yet",
    sync_status_syncing: "syncing…",
    sync_status_synced: Plural::one_other("synced {when} · {n} device", "synced {when} · {n} devices"),
    sync_status_unreadable: Plural::one_other(
        "{n} device file could not be read and was skipped",
        "{n} device files could not be read and were skipped",
    ),
    sync_just_now: "just now",
    sync_minutes_ago: Plural::one_other("{n} min ago", "{n} min ago"),
    sync_hours_ago: Plural::one_other("{n} hour ago", "{n} hours ago"),
    sync_days_ago: Plural::one_other("{n} day ago", "{n} days ago"),
    sync_status_offline: "offline: will sync",
    sync_status_reconnect: "reconnect needed",
    sync_reconnect_body: "Every edit made here is kept; it syncs once you reconnect.",
    sync_status_failed: "sync failed: {reason}",
    sync_failed_status: "the server answered {code}",
    sync_failed_garbage: "the server's answer could not be read",
    sync_failed_too_large: "a file on the server is too large",
    sync_failed_busy: "another tab kept the sync busy",
    sync_now: "Sync now",
    sync_reconnect: "Reconnect",
    sync_disconnect: "Disconnect",
    sync_devices_heading: "Devices",
    sync_forget_note: "Forgetting a device deletes its file at the next sync; the edits it already brought stay.",
    sync_this_device: "this device",
    sync_device_name_label: "Name of “{name}”",
    sync_last_seen: "last synced {when}",
    sync_never_seen: "not synced yet",
    sync_forget: "Forget",
    sync_forget_label: "Forget “{name}”",
    sync_name_invalid: "A name has 1 to 100 characters.",
    sync_google_heading: "Or Google Drive",
    sync_google_hint: "Your study data goes into a hidden folder of your Google Drive that only this app can see; it cannot see your other files.",
    sync_google_connect: "Connect Google Drive",
    sync_unnamed: "Unnamed device",
    sync_error_forgotten: "Another device forgot this one, so it was disconnected; the study data here is all kept. Connect again to sync as a new device.",
    theme_label: "Theme",
    theme_system: "System theme",
    theme_light: "Light",
    theme_dark: "Dark",
    // --- search and facets (issue 3) ---
    search_label: "Search lectures",
    search_placeholder: "Search titles, e.g. diffusion",
    filters_heading: "Filters",
    facet_year: "Year",
    facet_series: "Series",
    facet_lang: "Language",
    facet_summary: "Summary",
    facet_watched: "Watch status",
    summary_any: "Any",
    summary_yes: "With summary",
    summary_no: "Without summary",
    watch_unwatched: "Not watched",
    watch_in_progress: "In progress",
    watch_watched: "Watched",
    hide_watched: "Hide watched videos",
    clear_all: "Clear all",
    filters_toggle_active: Plural::one_other("Filters ({n} active)", "Filters ({n} active)"),
    filters_done: Plural::one_other("Show {n} video", "Show {n} videos"),
    active_filters_label: "Active filters",
    remove_filter: "Remove filter: {label}",
    clear_filters: "Clear all filters",
    sort_label: "Sort",
    sort_relevance: "Relevance",
    sort_number_desc: "Number: newest first",
    sort_number_asc: "Number: oldest first",
    sort_date_desc: "Date: newest first",
    sort_date_asc: "Date: oldest first",
    sort_title_asc: "Title: A to Z",
    sort_title_desc: "Title: Z to A",
    no_results_title: "No lectures found",
    no_results_filters: "No video matches the current filters.",
    clear_search: "Clear search and filters",
    select_video: "Select: {title}",
    keyboard_hint: "Keys: / search, Esc clears, j/k or ↑/↓ move, Enter opens",
    series_nav_label: "In this series",
    prev_lecture: "Previous lecture",
    next_lecture: "Next lecture",
    other_language_version: "Other-language version",
    results_found: Plural::one_other("{n} video found", "{n} videos found"),
    no_results_for: "Nothing matches “{query}”",
    show_more: "Show more ({n} left)",
    // --- study: progress, notes, playlists, backup (issue 4) ---
    watch_toggle_label: "Watch state: {title}",
    tally_text: "{watched} of {total} watched ({percent}%)",
    tally_in_progress: ", {n} in progress",
    study_heading: "Progress and notes",
    resume_label: "Resume at",
    resume_hint: "A time in the video, e.g. 34:10 or 1:02:03. Leave it empty to clear.",
    resume_save: "Save time",
    resume_clear: "Clear time",
    resume_invalid: "That isn't a video time. Use m:ss or h:mm:ss, e.g. 34:10 or 1:02:03.",
    resume_link: "Continue on YouTube at {time}",
    note_label: "Note",
    note_hint: "Times in your note (like 12:34) become links into the video. Notes stay in this browser.",
    note_count: "{n} / {max} characters",
    note_saved: "Note saved.",
    note_view_heading: "Your note",
    note_time_link: "Play from {time} on YouTube",
    note_conflict_heading: "Edited on two devices",
    note_conflict_hint: "Both versions are kept until you choose: keep one, keep both, or edit the note below (it starts with both texts).",
    note_version_heading: "Version {n}",
    note_keep_this: "Keep this one",
    note_keep_both: "Keep both",
    note_keep_both_too_long: "Both versions together have {n} characters, more than the {max} a note can hold: edit them down below first.",
    import_notes_heading: "Notes that would change",
    import_note_now: "Now:",
    import_note_after: "After import:",
    import_note_none: "(no note)",
    import_note_both: "Edited on both sides: both texts are kept; choose on the video page.",
    add_to_playlist_heading: "Add to a playlist",
    add_to_playlist_button: "Add",
    added_to_playlist: "Added to “{name}”.",
    already_in_playlist: "“{name}” already has this video.",
    playlist_full: "“{name}” is full; nothing was added.",
    in_playlists_label: "In playlists:",
    unknown_video: "Not in the catalogue",
    playlist_picker_label: "Playlist",
    playlist_picker_new: "+ New playlist…",
    playlist_new_name_label: "New playlist name",
    playlist_name_empty: "Please enter a playlist name.",
    playlist_name_too_long: "A playlist name can have at most {max} characters.",
    bulk_add_heading: "Add to a playlist",
    bulk_add_selected: "Add {n} selected",
    bulk_add_all: Plural::one_other("Add the {n} result", "Add all {n} results"),
    bulk_added: Plural::one_other("Added {n} video to “{name}”", "Added {n} videos to “{name}”"),
    bulk_already: Plural::one_other("; {n} was already there", "; {n} were already there"),
    bulk_full: "; {n} left out because the playlist is full",
    full_stop: ".",
    notice_dismiss: "Dismiss",
    notice_corrupt_title: "Your saved study data could not be read.",
    notice_corrupt_kept: "It has not been deleted: a copy was kept, and you can download its raw text. New changes are saved from a fresh start.",
    notice_corrupt_not_kept: "It is still in the browser and was not overwritten; you can download its raw text. Until it can be kept elsewhere, changes stay in this tab only.",
    notice_download_raw: "Download the raw data",
    notice_download_failed: "The raw data could not be downloaded.",
    notice_details: "Technical details",
    notice_read_only_title: "Your study data was saved by a newer version of Lecture Shelf.",
    notice_read_only_body: "This version can't read data format {version}. To keep that data safe, nothing you change here will be saved. Reload the page to update to the newest version.",
    notice_storage_full: "Browser storage is full.",
    notice_storage_off: "Site storage is turned off in this browser.",
    notice_storage_failed: "The browser refused to save data.",
    notice_memory_only_body: "Changes stay in this tab only and are lost when it closes; data saved earlier is untouched.",
    notice_export_hint: "Export a backup to keep them",
    progress_heading: "Progress",
    progress_overall: "All lectures",
    continue_series: "Continue: {title}",
    continue_on_youtube: "Play on YouTube",
    play_on_youtube_label: "Play on YouTube: {title}",
    series_done: "Series finished!",
    series_as_playlist: "View as a playlist",
    my_playlists: "My playlists",
    no_playlists: "No playlists yet. Create one above, or add videos from the list or a video page.",
    series_playlists: "Series",
    series_playlists_hint: "Every series is a ready-made playlist in lecture order; save a copy to edit your own.",
    playlist_create: "Create",
    playlist_created: "Created “{name}”.",
    playlist_deleted: "Deleted “{name}”.",
    playlist_restored: "Restored “{name}”.",
    playlists_too_many: "You have {max} playlists, the most that can be kept. Delete one to create another.",
    playlists_shown: "{shown} of {total} playlists shown",
    playlists_show_more: "Show more",
    undo: "Undo",
    entry_count: Plural::one_other("{n} video", "{n} videos"),
    rename: "Rename",
    rename_label: "Rename “{name}”",
    delete: "Delete",
    delete_label: "Delete “{name}”",
    save: "Save",
    cancel: "Cancel",
    all_playlists: "All playlists",
    playlist_not_found: "Playlist not found",
    playlist_not_found_body: "It may have been deleted, or the address is mistyped.",
    series_playlist_note: "This is a series in lecture order; it can't be edited here.",
    save_copy: "Save a copy to my playlists",
    play_next: "Play next unwatched: {title}",
    playlist_all_watched: "Everything in this playlist is watched!",
    playlist_tools_label: "Playlist tools",
    export_markdown: "Export as Markdown",
    notes_export_label: "Export notes",
    notes_export_group: "Download as a file",
    notes_export_markdown: "Notes as Markdown",
    notes_export_csv: "Notes as CSV",
    notes_export_none: "No notes here yet.",
    notes_export_all: "All notes",
    note_version_mark: "version {n} of {of}",
    notes_csv_header: ["title", "time", "note", "link"],
    exported_markdown: "Downloaded {file}.",
    download_failed: "The browser could not download the file.",
    copy_share_link: "Copy share link",
    share_copied: "Share link copied.",
    share_copy_manually: "Couldn't copy automatically; please copy the link below.",
    share_link_label: "Share link",
    remove_duplicates: "Remove duplicates",
    no_duplicates: "No duplicates found.",
    removed_duplicates: Plural::one_other("Removed {n} duplicate.", "Removed {n} duplicates."),
    remove_watched: "Remove watched",
    no_watched_to_remove: "No watched videos in this playlist.",
    removed_watched: Plural::one_other("Removed {n} watched video.", "Removed {n} watched videos."),
    reorder_hint: "Drag entries to reorder them (on a touch screen, by ⠿), or use the ↑ ↓ buttons.",
    playlist_empty: "This playlist is empty.",
    moved_entry: "Moved “{title}” to position {pos} of {total}.",
    removed_entry: "Removed “{title}”.",
    move_up_label: "Move up: {title}",
    move_down_label: "Move down: {title}",
    remove: "Remove",
    remove_entry_label: "Remove: {title}",
    shared_heading: "Shared playlist",
    share_bad_title: "This share link can't be opened",
    share_not_a_link: "This address holds no playlist. Check that the whole share link was copied, including the part after #.",
    share_newer_version: "This link was made by a newer version of Lecture Shelf. Reload the page to update, then open it again.",
    share_too_long: "The link is too long to read ({len} characters, at most {max}).",
    share_malformed: "The link is damaged or incomplete. Ask the sender for it again.",
    share_bad_encoding: "The playlist name in the link is damaged.",
    share_bad_name: "The playlist name in the link can't be used:",
    share_dropped_invalid: Plural::one_other("{n} invalid video id in the link was skipped.", "{n} invalid video ids in the link were skipped."),
    share_dropped_over_limit: Plural::one_other("{n} video past the size limit was left out.", "{n} videos past the size limit were left out."),
    share_unknown: Plural::one_other("{n} video is not in this version's catalogue; it is kept and shown as unknown.", "{n} videos are not in this version's catalogue; they are kept and shown as unknown."),
    save_shared: "Save to my playlists",
    share_saved: "Saved to your playlists.",
    open_playlist: "Open the playlist",
    backup_heading: "Backup and restore",
    backup_export_heading: "Export",
    backup_export_body: "Save your progress, notes and playlists as one JSON file, to import in another browser or on another device.",
    backup_export_button: "Download backup",
    backup_exported: "Downloaded {file}.",
    backup_import_heading: "Import",
    backup_import_body: "Importing merges: for each item the newer version wins, and nothing that exists only here is removed. You'll see what changes before it is applied.",
    backup_import_label: "Backup file",
    import_reading: "Reading the file…",
    import_unreadable: "The file could not be read.",
    import_too_large: "The file is too large ({size}, at most {max}); it can't be a Lecture Shelf backup.",
    import_not_backup: "This JSON file is not a Lecture Shelf backup.",
    import_corrupt: "The file can't be read as a backup: {reason}.",
    import_newer_version: "This backup was made by a newer version of Lecture Shelf (format {version}). Reload the page to update first.",
    import_preview_caption: "What the import changes",
    import_col_kind: "Kind",
    import_col_added: "Added",
    import_col_updated: "Updated",
    import_col_removed: "Removed",
    import_col_unchanged: "Unchanged",
    import_col_kept: "Kept (newer here)",
    import_kind_progress: "Progress",
    import_kind_notes: "Notes",
    import_kind_playlists: "Playlists",
    playlist_badge: "Playlist",
    resume_placeholder: "m:ss",
    import_kind_settings: "Settings",
    import_preview_apply_hint: "If this looks right, apply the import.",
    import_preview_no_changes: "This backup matches what you have; importing changes nothing.",
    import_apply: "Apply import",
    import_done: "Imported: your data was merged.",
    import_done_nothing: "Imported; nothing changed.",
    playlist_name_direction: "A playlist name cannot contain text-direction control characters.",
    notice_salvaged_title: "Some saved items could not be read and were left out.",
    notice_salvaged_body: "Everything else is here. The stored text was kept aside; you can download it.",
    item_progress: "progress",
    item_note: "note",
    item_playlist: "playlist",
    item_settings: "settings",
    item_section: "section",
    import_undo: "Undo import",
    import_undo_hint: "Undo puts back every item this import changed (except ones you edited since), until the next import.",
    import_undone: Plural::one_other("Import undone: {n} item put back.", "Import undone: {n} items put back."),
    import_not_saved: "Imported, but it could not be saved: the changes live in this tab only.",
    import_skipped: Plural::one_other("{n} item in the file could not be read and was skipped.", "{n} items in the file could not be read and were skipped."),
    import_over_limit_list: Plural::one_other("“{name}” is full (at most {max}): {n} video will not be added.", "“{name}” is full (at most {max}): {n} videos will not be added."),
    import_over_limit_playlists: Plural::one_other("You have the most playlists that can be kept ({max}): {n} playlist will not be added.", "You have the most playlists that can be kept ({max}): {n} playlists will not be added."),
    notice_list_full_title: "A playlist was full: some videos just added are waiting.",
    notice_list_full_item: Plural::one_other("“{name}” shows at most {max}: another tab added at the same time, so {n} video is waiting until you remove some.", "“{name}” shows at most {max}: another tab added at the same time, so {n} videos are waiting until you remove some."),
    playlist_waiting: Plural::one_other("{n} video is waiting: the list shows at most {max}; remove some to make room.", "{n} videos are waiting: the list shows at most {max}; remove some to make room."),
    import_names_added: "Will be added:",
    import_names_updated: "Will be updated:",
    import_names_removed: "Will be removed:",
    playlist_gone: "“{name}” was deleted in another tab.",
    playlist_gone_restore: "Restore it with this name",
    sort_lecture: "Lecture order",
    assignment_heading: "A playlist from an assignment",
    assignment_label: "Paste an assignment or a list of lectures (titles, YouTube links, lecture numbers, “at least up to …”)",
    assignment_preview: "Preview",
    assignment_found: "Lectures found: {n}",
    assignment_unmatched: "No lecture matches these lines:",
    assignment_ambiguous: "These lines could be more than one lecture; pick one:",
    assignment_pick: "Pick a lecture…",
    assignment_name_label: "Name for this playlist",
    assignment_default_name: "Assignment",
    assignment_name_lectures: "{course} Lectures {from}–{to}",
    assignment_name_lecture: "{course} Lecture {n}",
    assignment_name_dated: "Assignment {date}",
    playlists_identical: "These {n} playlists are the same (“{name}”, same videos in the same order):",
    playlists_keep_one: "Keep one",
    playlists_kept_one: "Kept one “{name}”; the others were deleted.",
    assignment_create: "Create the playlist",
    range_heading: "Save a range of lectures as a playlist",
    range_from: "From",
    range_to: "To",
    range_save: "Save as a playlist",
    range_name: "{series}: {from} to {to}",
    lecture_number: "Lecture {n}",
    coverage_partial: "{loaded} of {expected} lectures loaded (missing: {missing})",
    summary_ai_generated: "This summary was written by AI, not by the lecturer, and may contain mistakes; the video is the reference.",
    playlist_name_taken: "Another playlist already has this name; pick another.",
    // Playlists: a new playlist's id already taken (never expected: ids are fresh).
    playlist_id_taken: "The playlist could not be created: its id is taken. Please try again.",
    source_unreachable: "could not be downloaded (offline, or the server does not allow cross-origin reads)",
    source_timed_out: "no answer within 20 seconds",
    source_status: "the server answered {status}",
    source_unreadable_file: "the file could not be read",
    index_without_pages: "this page links no catalogue pages (docs/NN-index.md)",
    parser_unavailable: "The catalogue parser could not start (offline, and never downloaded before). The catalogue is unchanged.",
    refresh_would_lose: Plural::one_other("the new pages lack {n} lecture the app holds (“{first}”), so they were not applied", "the new pages lack {n} lectures the app holds (such as “{first}”), so they were not applied"),
    // Catalogue loader bounds (issue 23).
    over_page_bytes: "page is at least {found}; the limit is {max}",
    over_total_bytes: "the pages come to more than {max}, the limit for one load; downloading stopped",
    over_index_pages: "the index links more than {max} catalogue pages, the limit",
    over_parse_time: "parsing took over {max} s, the limit; it was stopped",
    over_record_bytes: "the catalogue would take {found} to store; the limit is {max}",
    over_entries: "{found} videos; the limit is {max}",
    parser_stopped: "the catalogue parser stopped (out of memory?)",
    parser_timed_out: "the catalogue parser did not answer in time and was stopped",
    // Sources lock wait.
    sources_lock_timed_out: "another tab's catalogue job did not finish within {secs} s, so nothing was applied: reload or close the other tabs and try again",
    holdings_partial: "{n} of {total} lectures loaded",
    holdings_all: Plural::one_other("The only lecture is loaded", "All {n} lectures loaded"),
    holdings_builtin: " (from the built-in pages).",
    holdings_pages: Plural::one_other(" (from the built-in pages and {n} loaded page).", " (from the built-in pages and {n} loaded pages)."),
    holdings_by_course: "By course",
    course_lectures: "{name}: {loaded} of {expected} lectures",
    course_lectures_missing: " (missing {missing})",
    course_videos: Plural::one_other("{name}: {n} video", "{name}: {n} videos"),
    course_maybe_earlier: " (earlier lectures may not be loaded yet)",
    load_full_catalogue: "Load the full catalogue",
    check_new_lectures: "Check for new lectures",
    loading_catalogue: "Loading…",
    load_failed: "Loading failed; the sources page says why",
    not_loaded_video: "Not loaded yet",
    assignment_not_loaded: Plural::one_other("This line may be a lecture that is not loaded yet.", "These {n} lines may be lectures that are not loaded yet."),
    coverage_not_loaded: "{loaded} of {expected} lectures loaded; not loaded yet: {missing}.",
    coverage_maybe_earlier: "This course's earlier lectures may not be loaded yet.",
    share_not_loaded: Plural::one_other("{n} video is not loaded yet; it is kept and shows once it is loaded.", "{n} videos are not loaded yet; they are kept and show once they are loaded."),
    import_not_loaded: Plural::one_other("{n} video in this backup is not loaded yet; its progress and notes are kept and show once it is loaded.", "{n} videos in this backup are not loaded yet; their progress and notes are kept and show once they are loaded."),
    playlist_not_loaded: Plural::one_other("{n} entry is not loaded yet; it shows once it is loaded.", "{n} entries are not loaded yet; they show once they are loaded."),
    check_new_suggestion: "If it was uploaded recently, check for new lectures on the sources page.",
    video_not_loaded: "It may be a lecture that is not loaded yet.",
    sources_link: "Catalogue sources",
    sources_heading: "Catalogue sources",
    sources_intro: "Beyond the built-in catalogue, load more catalogue pages from the published summary pages, a URL or files. The loaded catalogue is kept in this browser and works offline; study progress is not affected.",
    sources_list_heading: "Sources",
    sources_builtin: "Built-in pages",
    source_kind_index: "Index",
    source_kind_page: "URL",
    source_kind_file: "File",
    source_pages: Plural::one_other("{n} page", "{n} pages"),
    source_remove: "Remove",
    source_remove_label: "Remove source {name}",
    refresh_sources: "Refresh now",
    auto_refresh: "Refresh automatically once a day when online",
    add_url_heading: "Add a page URL",
    add_url_label: "URL of a catalogue page (Markdown)",
    add_url_submit: "Add and load",
    add_url_error: "That is not a usable URL: paste a whole address starting with http(s)://.",
    add_files_heading: "Load from files",
    add_files_label: "Pick catalogue page files (.md, several at once), or drop them here",
    job_downloading: "Downloading… {done} of {total}",
    job_parsing: "Parsing…",
    job_storing: "Storing…",
    job_applied: Plural::one_other("Loaded: the catalogue went from {before} to {after} lectures ({n} page).", "Loaded: the catalogue went from {before} to {after} lectures ({n} pages)."),
    job_applied_detail: "About {size} used.",
    job_not_stored: "But it could not be stored in this browser: it will be gone after a reload.",
    job_unchanged: "Up to date: nothing changed.",
    job_refused: Plural::one_other("Nothing was applied: {n} problem; the catalogue is as it was.", "Nothing was applied: {n} problems; the catalogue is as it was."),
    problems_summary: "Problems (FILE:LINE: message)",
    restored_unreadable: "The stored catalogue could not be read, so the built-in one is shown: {reason}",
    not_in_catalogue_body: "The current catalogue has no such video (it was removed, or its page is not loaded). Your progress, notes and playlist places are kept.",
    player_label: "Video player",
    player_offline: "Offline: the video cannot play. The summary, notes and progress still work; watch on YouTube when back online.",
    player_load_failed: "The YouTube player could not load: the summary, notes and progress still work, or watch on YouTube.",
    player_unavailable: "This video cannot play here (removed, or embedding is not allowed): watch it on YouTube.",
    note_at_time: "Note at current time",
    player_keys: "Player keys (with focus in the player area): k or space play/pause, j / l back / forward 10 s, n note at the current time",
    next_up: "Up next: “{title}” in {secs} s",
    next_now: "Play now",
    next_cancel: "Cancel",
    search_partial: "No lecture has all the words; showing lectures with some of them.",
    search_corrected: "No lecture has “{typed}”: showing results for “{query}”.",
    did_you_mean: "Did you mean:",
    search_ignored: "No lecture has “{numbers}”: left out.",
    unreadable_not_json: "it is not valid JSON from line {line}, column {column}",
    unreadable_not_object: "it is not a JSON object",
    unreadable_no_schema: "it has no data format (schema) number",
    unreadable_unknown_schema: "there is no data format version {version}",
    prev_part: "Previous part",
    next_part: "Next part",
    previous_part_missing: "The previous part (part {n}) is not in the catalogue loaded now.",
    previous_part_not_loaded: "The previous part (part {n}) is not loaded yet.",
    progress_started: "Studying",
    progress_not_started: "Not started yet",
    progress_nothing_started: "Nothing started yet: pick a course or playlist below.",
    progress_start: "Start with: {title}",
    length_minutes: "{n} min",
    length_label: "Length",
    span_hours_minutes: "{h} h {m} min",
    span_minutes: "{m} min",
    time_left: "{time} left",
    time_total: "{time} in all",
    time_unknown: Plural::one_other("{n} lecture of unknown length", "{n} lectures of unknown length"),
    time_only_unknown: Plural::one_other("{n} lecture left, of unknown length", "{n} lectures left, of unknown length"),
    time_all_watched: "All watched",
    speed_label: "Speed",
    due_label: "Due date",
    due_clear: "Clear due date",
    due_from_slide: "Due date (read from the slide): {date}",
    pace_days: Plural::one_other("{n} day · about {time} a day", "{n} days · about {time} a day"),
    pace_today: "Due today",
    pace_past_due: "Past due",
    ics_export: "Add the plan to a calendar (.ics)",
    ics_day_summary: Plural::one_other("{name}: {n} lecture", "{name}: {n} lectures"),
    ics_due_summary: "{name} due",
    continue_heading: "Continue",
    continue_due: "due {date}",
    page_loading: "Loading this page…",
    page_load_failed: "This page could not load",
    page_load_failed_body: "Its code did not download, perhaps because the connection dropped. Check the connection and try again.",
    page_load_retry: "Try again",
};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The `{name}` placeholders of a text.
    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn both_languages_have_every_message_with_the_same_arguments() {
        // Both lists come from the one `strings!` field list, so they name
        // the same keys in the same order, each plural or not in both, by
        // construction (the field's type decides; each table's struct
        // literal makes the compiler refuse a missing key): only what the
        // tables hold is compared here.
        for ((key, zh_forms), (_, en_forms)) in ZH_TW.messages().iter().zip(&EN.messages()) {
            let args = |forms: &[&'static str]| -> BTreeSet<&'static str> {
                forms.iter().flat_map(|f| placeholders(f)).collect()
            };
            assert_eq!(args(zh_forms), args(en_forms), "{key}: arguments differ");
            for form in zh_forms.iter().chain(en_forms) {
                assert!(!form.is_empty(), "{key} is empty");
                assert!(
                    form.matches('{').count() == form.matches('}').count(),
                    "{key}: unbalanced braces in {form:?}"
                );
            }
        }
    }

    #[test]
    fn a_plural_message_has_a_count() {
        for (key, forms) in ZH_TW.messages().into_iter().chain(EN.messages()) {
            if forms.len() == 2 {
                assert!(
                    forms.iter().any(|f| placeholders(f).contains("n")),
                    "{key} is plural but never shows {{n}}"
                );
            }
        }
    }

    #[test]
    fn english_text_has_no_full_width_punctuation() {
        for (key, forms) in EN.messages() {
            for form in forms {
                for c in ['：', '，', '。', '（', '）', '「', '」'] {
                    assert!(!form.contains(c), "English {key} has {c}: {form:?}");
                }
            }
        }
    }

    #[test]
    fn english_picks_one_for_one_and_other_otherwise_chinese_has_one_form() {
        let m = Plural::one_other("{n} video", "{n} videos");
        assert_eq!(fill_count(Locale::En, &m, 1, &[]), "1 video");
        assert_eq!(fill_count(Locale::En, &m, 0, &[]), "0 videos");
        assert_eq!(fill_count(Locale::En, &m, 2, &[]), "2 videos");
        assert_eq!(fill_count(Locale::En, &m, 1234, &[]), "1,234 videos");
        let zh = Plural::invariant("{n} 部影片");
        assert_eq!(fill_count(Locale::ZhTw, &zh, 1, &[]), "1 部影片");
        assert_eq!(
            fill_count(Locale::En, &EN.results_found, 1, &[]),
            "1 video found"
        );
        assert_eq!(
            fill_count(Locale::En, &EN.bulk_added, 1, &[("name", "ML")]),
            "Added 1 video to “ML”"
        );
    }

    #[test]
    fn filling_leaves_values_as_given() {
        // A value that holds another key's placeholder is not filled again,
        // in either order of the values (filling key after key failed the
        // first: "x and x").
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
            "{b} and x"
        );
        assert_eq!(
            fill("{a} and {b}", &[("b", "x"), ("a", "{b}")]),
            "{b} and x"
        );
        // The next lecture's title holding the countdown's own placeholder.
        assert_eq!(
            fill(
                "Next: {title} in {secs} s",
                &[("title", "Why {secs}?"), ("secs", "9")]
            ),
            "Next: Why {secs}? in 9 s"
        );
        // A value holding its own placeholder, and the count's.
        assert_eq!(fill("{a}{a}", &[("a", "{a}")]), "{a}{a}");
        assert_eq!(
            fill_count(Locale::En, &EN.bulk_added, 2, &[("name", "{n} of {n}")]),
            "Added 2 videos to “{n} of {n}”"
        );
    }

    #[test]
    fn filling_keeps_unknown_placeholders_and_stray_braces() {
        assert_eq!(fill("{a} {b}", &[("a", "1")]), "1 {b}");
        assert_eq!(fill("{ {a} }", &[("a", "1")]), "{ 1 }");
        assert_eq!(fill("x{", &[("a", "1")]), "x{");
        assert_eq!(fill("}{a", &[("a", "1")]), "}{a");
        assert_eq!(fill("「{a}」", &[("a", "片")]), "「片」");
    }
}
