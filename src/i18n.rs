//! Every UI string, in one typed table per language. Catalogue text (titles,
//! summaries) is shown as written and never passes through here.

use leptos::prelude::*;
use shelf_core::catalogue::{Series, Video};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    ZhTw,
    En,
}

/// The current language, provided once at the top of the app.
#[derive(Clone, Copy)]
pub struct LocaleSignal(pub RwSignal<Locale>);

pub fn use_locale() -> Locale {
    expect_context::<LocaleSignal>().0.get()
}

/// Strings of the current language; reactive where called inside a closure.
pub fn t() -> &'static Strings {
    use_locale().strings()
}

impl Locale {
    pub fn other(self) -> Locale {
        match self {
            Locale::ZhTw => Locale::En,
            Locale::En => Locale::ZhTw,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::ZhTw => &ZH_TW,
            Locale::En => &EN,
        }
    }

    pub fn series_name(self, series: &Series) -> &str {
        match self {
            Locale::ZhTw => &series.name_zh,
            Locale::En => &series.name_en,
        }
    }

    /// The date, or the year marked as estimated when the page gave none.
    pub fn when(self, video: &Video) -> String {
        let s = self.strings();
        match (video.date, video.year, video.year_estimated) {
            (Some(date), _, _) => date.to_string(),
            (None, Some(year), true) => format!("{}{year}{}", s.about_year.0, s.about_year.1),
            (None, Some(year), false) => year.to_string(),
            (None, None, _) => s.unknown_date.to_string(),
        }
    }
}

pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub catalogue_heading: &'static str,
    /// "{n} 部影片" is written as (before, after) the number.
    pub about_year: (&'static str, &'static str),
    pub unknown_date: &'static str,
    pub estimated_year_hint: &'static str,
    pub lecture_label: (&'static str, &'static str),
    pub part_label: (&'static str, &'static str),
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
    pub results_found: (&'static str, &'static str),
    pub no_results_for: (&'static str, &'static str),
    pub show_more: (&'static str, &'static str),
    // --- study: progress, notes, playlists, backup (issue 4) ---
}

pub static ZH_TW: Strings = Strings {
    app_name: "Lecture Shelf 課程書架",
    tagline: "李宏毅老師機器學習與生成式 AI 課程的離線學習夥伴",
    catalogue_heading: "課程影片",
    about_year: ("約 ", " 年"),
    unknown_date: "日期不詳",
    estimated_year_hint: "頁面未標日期，年份依上傳順序推估",
    lecture_label: ("第 ", " 講"),
    part_label: ("第 ", " 部分"),
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
    not_found_title: "找不到這個頁面",
    not_found_body: "網址可能打錯了，或這個頁面已經不存在。",
    unknown_video_title: "找不到這部影片",
    unknown_video_body: "目錄裡沒有這個影片 ID。",
    load_error_title: "課程目錄無法載入",
    load_error_body: "這個版本內建的課程目錄讀取失敗。請重新整理頁面；若仍然失敗，請回報以下訊息：",
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
    // --- search and facets (issue 3) ---
    search_label: "搜尋課程",
    search_placeholder: "搜尋標題與摘要，例如：机器学习 強化學習",
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
    select_video: "選取這部影片",
    keyboard_hint: "快捷鍵：/ 搜尋、Esc 清除、j／k 或 ↑／↓ 移動、Enter 開啟",
    series_nav_label: "同系列的課程",
    prev_lecture: "上一講",
    next_lecture: "下一講",
    other_language_version: "另一種語言的版本",
    results_found: ("找到 ", " 部影片"),
    no_results_for: ("沒有影片符合「", "」"),
    show_more: ("顯示更多（還有 ", " 部）"),
    // --- study: progress, notes, playlists, backup (issue 4) ---
};

pub static EN: Strings = Strings {
    app_name: "Lecture Shelf",
    tagline: "An offline study companion for Prof. Hung-yi Lee's ML and generative AI lectures",
    catalogue_heading: "Lectures",
    about_year: ("c. ", ""),
    unknown_date: "date unknown",
    estimated_year_hint: "No date on the page; year estimated from upload order",
    lecture_label: ("Lecture ", ""),
    part_label: ("Part ", ""),
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
    not_found_title: "Page not found",
    not_found_body: "The address may be mistyped, or the page no longer exists.",
    unknown_video_title: "Video not found",
    unknown_video_body: "The catalogue has no video with this id.",
    load_error_title: "The catalogue could not be loaded",
    load_error_body: "The catalogue built into this version could not be read. Reload the page; if it still fails, please report this message:",
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
    // --- search and facets (issue 3) ---
    search_label: "Search lectures",
    search_placeholder: "Search titles and summaries, e.g. diffusion agent",
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
    select_video: "Select this video",
    keyboard_hint: "Keys: / search, Esc clears, j/k or ↑/↓ move, Enter opens",
    series_nav_label: "In this series",
    prev_lecture: "Previous lecture",
    next_lecture: "Next lecture",
    other_language_version: "Other-language version",
    results_found: ("", " videos found"),
    no_results_for: ("Nothing matches “", "”"),
    show_more: ("Show more (", " left)"),
    // --- study: progress, notes, playlists, backup (issue 4) ---
};
