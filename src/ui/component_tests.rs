//! Components mounted in a real browser (`wasm-bindgen-test`, headless
//! Chromium through chromedriver; `scripts/test` runs them). The whole app
//! is driven by the Playwright tests; these check a component's contract
//! on its own: what it renders and how it follows its inputs.

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use shelf_core::locale::Locale;

use crate::i18n::{plural, EN, ZH_TW};
use crate::preferences::LocaleSignal;
use crate::ui::not_found::Missing;
use crate::ui::page_title::PageTitle;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the test page's body to mount into.
fn host() -> web_sys::HtmlElement {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_missing_page_and_the_tab_title_follow_the_language() {
    let locale = RwSignal::new(Locale::ZhTw);
    let host = host();
    let mounted = mount_to(host.clone(), move || {
        provide_meta_context();
        provide_context(LocaleSignal(locale.into()));
        view! {
            <Router>
                <PageTitle name=|| Some("ML 2021".to_string()) />
                <Missing title=|s| s.not_found_title body=|s| s.not_found_body />
            </Router>
        }
    });
    leptos::task::tick().await;
    assert_eq!(text_of(&host, "h1"), ZH_TW.not_found_title);
    assert_eq!(document().title(), format!("ML 2021 · {}", ZH_TW.app_name));

    locale.set(Locale::En);
    leptos::task::tick().await;
    assert_eq!(text_of(&host, "h1"), EN.not_found_title);
    assert_eq!(text_of(&host, "p"), EN.not_found_body);
    assert_eq!(document().title(), format!("ML 2021 · {}", EN.app_name));
    drop(mounted);
}

#[wasm_bindgen_test]
async fn counts_take_the_plural_form_of_the_language_shown() {
    let locale = RwSignal::new(Locale::En);
    let count = RwSignal::new(1_usize);
    let host = host();
    let mounted = mount_to(host.clone(), move || {
        provide_context(LocaleSignal(locale.into()));
        view! { <p class="count">{move || plural(&crate::i18n::t().results_found, count.get(), &[])}</p> }
    });
    leptos::task::tick().await;
    assert_eq!(text_of(&host, ".count"), "1 video found");
    count.set(1234);
    leptos::task::tick().await;
    assert_eq!(text_of(&host, ".count"), "1,234 videos found");
    locale.set(Locale::ZhTw);
    leptos::task::tick().await;
    assert_eq!(text_of(&host, ".count"), "找到 1,234 部影片");
    drop(mounted);
}
