//! YouTube's official IFrame Player API (`https://www.youtube.com/iframe_api`),
//! loaded only when a video page asks for a player, and a few typed calls on
//! its `YT.Player`. Every call can fail (the API is third-party script that
//! may change or be half-loaded): failures come back as values.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;

use wasm_bindgen_futures::JsFuture;

const API_URL: &str = "https://www.youtube.com/iframe_api";
/// The privacy-enhanced player host.
const PLAYER_HOST: &str = "https://www.youtube-nocookie.com";
/// The API must have called back by then, or the page says it failed.
const LOAD_DEADLINE_MS: i32 = 8_000;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = YT, js_name = Player)]
    type YtPlayer;

    #[wasm_bindgen(catch, constructor, js_namespace = YT, js_class = "Player")]
    fn new(element: &web_sys::Element, options: &JsValue) -> Result<YtPlayer, JsValue>;

    #[wasm_bindgen(catch, method, js_name = getCurrentTime)]
    fn get_current_time(this: &YtPlayer) -> Result<f64, JsValue>;

    #[wasm_bindgen(catch, method, js_name = getDuration)]
    fn get_duration(this: &YtPlayer) -> Result<f64, JsValue>;

    #[wasm_bindgen(catch, method, js_name = getPlayerState)]
    fn get_player_state(this: &YtPlayer) -> Result<f64, JsValue>;

    #[wasm_bindgen(catch, method, js_name = seekTo)]
    fn seek_to(this: &YtPlayer, seconds: f64, allow_seek_ahead: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = playVideo)]
    fn play_video(this: &YtPlayer) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = pauseVideo)]
    fn pause_video(this: &YtPlayer) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn destroy(this: &YtPlayer) -> Result<(), JsValue>;
}

/// `YT.PlayerState`, as the API numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Unstarted,
    Ended,
    Playing,
    Paused,
    Buffering,
    Cued,
}

impl State {
    fn from_code(code: f64) -> Option<State> {
        Some(match code as i32 {
            -1 => State::Unstarted,
            0 => State::Ended,
            1 => State::Playing,
            2 => State::Paused,
            3 => State::Buffering,
            5 => State::Cued,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Ready,
    State(State),
    /// The API's error code (2 bad id, 5 HTML5 error, 100 removed, 101/150
    /// embedding not allowed).
    Error(i32),
}

thread_local! {
    /// The API loads once per page; later players reuse it.
    static API: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

fn has_api() -> bool {
    Reflect::get(&js_sys::global(), &"YT".into())
        .ok()
        .and_then(|yt| Reflect::get(&yt, &"Player".into()).ok())
        .is_some_and(|p| p.is_function())
}

fn load_promise() -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        if has_api() {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        }
        let window = leptos::prelude::window();
        let ready = resolve.clone();
        let on_ready = Closure::once_into_js(move || {
            let _ = ready.call0(&JsValue::NULL);
        });
        let _ = Reflect::set(&window, &"onYouTubeIframeAPIReady".into(), &on_ready);
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, LOAD_DEADLINE_MS);
        let Some(document) = window.document() else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let Ok(script) = document.create_element("script") else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let _ = script.set_attribute("src", API_URL);
        let _ = script.set_attribute("async", "");
        let failed = reject.clone();
        let on_error = Closure::once_into_js(move || {
            let _ = failed.call0(&JsValue::NULL);
        });
        let _ = Reflect::set(&script, &"onerror".into(), &on_error);
        if let Some(head) = document.head() {
            let _ = head.append_child(&script);
        }
    })
}

/// Loads the API (once per page; a failed load is retried by the next call).
pub async fn load() -> Result<(), ()> {
    let promise = API.with(|api| api.borrow_mut().get_or_insert_with(load_promise).clone());
    let loaded = JsFuture::from(promise).await.is_ok() && has_api();
    if !loaded {
        API.with(|api| api.borrow_mut().take());
    }
    loaded.then_some(()).ok_or(())
}

/// One embedded player. Dropping it destroys the player and frees its
/// event handlers.
pub struct Player {
    inner: YtPlayer,
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

impl Player {
    /// Replaces `element` with the player for `video_id`, starting at
    /// `start` seconds. Events reach `on_event` (never before this returns).
    pub fn create(
        element: &web_sys::Element,
        video_id: &str,
        start: u32,
        autoplay: bool,
        on_event: impl Fn(Event) + 'static,
    ) -> Result<Player, ()> {
        let on_event = Rc::new(on_event);
        let handler = |make: fn(&JsValue) -> Option<Event>| {
            let on_event = on_event.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                if let Some(event) = make(&e) {
                    on_event(event);
                }
            })
        };
        let handlers = vec![
            handler(|_| Some(Event::Ready)),
            handler(|e| data(e).and_then(State::from_code).map(Event::State)),
            handler(|e| Some(Event::Error(data(e).unwrap_or(0.0) as i32))),
        ];
        let events = Object::new();
        set(&events, "onReady", handlers[0].as_ref());
        set(&events, "onStateChange", handlers[1].as_ref());
        set(&events, "onError", handlers[2].as_ref());
        let vars = Object::new();
        set(&vars, "start", &start.into());
        set(&vars, "autoplay", &u32::from(autoplay).into());
        set(&vars, "playsinline", &1.into());
        // Related videos from the same channel only, and no YouTube branding games.
        set(&vars, "rel", &0.into());
        let options = Object::new();
        set(&options, "videoId", &video_id.into());
        set(&options, "host", &PLAYER_HOST.into());
        set(&options, "width", &"100%".into());
        set(&options, "height", &"100%".into());
        set(&options, "playerVars", &vars);
        set(&options, "events", &events);
        let inner = YtPlayer::new(element, &options).map_err(|_| ())?;
        Ok(Player {
            inner,
            _handlers: handlers,
        })
    }

    /// Whole seconds played, if the player answers.
    pub fn current_time(&self) -> Option<u32> {
        seconds(self.inner.get_current_time().ok())
    }

    /// Whole seconds; `None` until known.
    pub fn duration(&self) -> Option<u32> {
        seconds(self.inner.get_duration().ok()).filter(|&d| d > 0)
    }

    pub fn state(&self) -> Option<State> {
        self.inner
            .get_player_state()
            .ok()
            .and_then(State::from_code)
    }

    pub fn seek(&self, secs: u32) {
        let _ = self.inner.seek_to(f64::from(secs), true);
    }

    pub fn play(&self) {
        let _ = self.inner.play_video();
    }

    pub fn pause(&self) {
        let _ = self.inner.pause_video();
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        let _ = self.inner.destroy();
    }
}

/// The `data` of an API event.
fn data(event: &JsValue) -> Option<f64> {
    Reflect::get(event, &"data".into())
        .ok()
        .and_then(|d| d.as_f64())
}

fn seconds(value: Option<f64>) -> Option<u32> {
    value
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v.min(f64::from(u32::MAX)) as u32)
}
