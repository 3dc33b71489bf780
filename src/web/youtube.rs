//! YouTube's official IFrame Player API (`https://www.youtube.com/iframe_api`),
//! loaded only when a video page asks for a player, and a few typed calls on
//! its `YT.Player`. Every call can fail (the API is third-party script that
//! may change or be half-loaded): failures come back as values.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use shelf_core::playback::{PlayerState, Position, Reading};
use shelf_core::study::plan::speed_from_rate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
    fn get_current_time(this: &YtPlayer) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setPlaybackRate)]
    fn set_playback_rate(this: &YtPlayer, rate: f64) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = getDuration)]
    fn get_duration(this: &YtPlayer) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, method, js_name = getPlayerState)]
    fn get_player_state(this: &YtPlayer) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, method, js_name = seekTo)]
    fn seek_to(this: &YtPlayer, seconds: f64, allow_seek_ahead: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = playVideo)]
    fn play_video(this: &YtPlayer) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = pauseVideo)]
    fn pause_video(this: &YtPlayer) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn destroy(this: &YtPlayer) -> Result<(), JsValue>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Ready,
    State(PlayerState),
    /// The API's error code (2 bad id, 5 HTML5 error, 100 removed, 101/150
    /// embedding not allowed).
    Error(i32),
    /// The rate changed (the API's `onPlaybackRateChange`), e.g. in
    /// YouTube's own menu, to a speed the app offers, in percent.
    Speed(u16),
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

/// What a handler the API holds is for (bound into it as a number).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ready = 0,
    StateChange = 1,
    Error = 2,
    Rate = 3,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Ready, Kind::StateChange, Kind::Error, Kind::Rate];

    fn from_code(code: f64) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|&kind| f64::from(kind as u32) == code)
    }

    /// The event an API call of this handler means, if any.
    fn event(self, event: &JsValue) -> Option<Event> {
        let data = data(event);
        match self {
            Kind::Ready => Some(Event::Ready),
            // Only codes the API documents: NaN once read as "ended".
            Kind::StateChange => PlayerState::from_raw(data).map(Event::State),
            Kind::Error => Some(Event::Error(if data.is_finite() { data as i32 } else { 0 })),
            Kind::Rate => speed_from_rate(data).map(Event::Speed),
        }
    }
}

type Handler = Rc<dyn Fn(Event)>;

thread_local! {
    /// The live players' event handlers, by key. A player leaves it before
    /// it is destroyed, so a call the API makes after that finds nothing.
    static LIVE: RefCell<BTreeMap<u32, Handler>> = const { RefCell::new(BTreeMap::new()) };
    static NEXT_KEY: Cell<u32> = const { Cell::new(0) };
    /// The one function every handler the API holds is bound from. It
    /// lives as long as the page, so the API can call it at any time:
    /// a Rust closure dropped with its player made such late calls throw
    /// "closure invoked after being dropped" into the API.
    static DISPATCH: Function = Closure::<dyn Fn(JsValue, JsValue, JsValue)>::new(
        |key: JsValue, kind: JsValue, event: JsValue| {
            let (Some(key), Some(kind)) = (key.as_f64(), kind.as_f64().and_then(Kind::from_code))
            else {
                return;
            };
            // Cloned out first: the handler may drop players (and so LIVE entries).
            let handler = LIVE.with(|live| live.borrow().get(&(key as u32)).cloned());
            if let (Some(handler), Some(event)) = (handler, kind.event(&event)) {
                handler(event);
            }
        },
    )
    .into_js_value()
    .unchecked_into();
}

/// One embedded player. Dropping it disconnects its event handlers, then
/// destroys the player.
pub struct Player {
    inner: YtPlayer,
    key: u32,
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

impl Player {
    /// Replaces `element` with the player for `video_id`, starting at
    /// `start` seconds. Events reach `on_event` until the player is dropped.
    pub fn create(
        element: &web_sys::Element,
        video_id: &str,
        start: u32,
        autoplay: bool,
        on_event: impl Fn(Event) + 'static,
    ) -> Result<Player, ()> {
        let key = NEXT_KEY.with(|next| {
            let key = next.get();
            next.set(key.wrapping_add(1));
            key
        });
        let handler = |kind: Kind| -> JsValue {
            DISPATCH
                .with(|dispatch| dispatch.bind2(&JsValue::NULL, &key.into(), &(kind as u32).into()))
                .into()
        };
        let events = Object::new();
        set(&events, "onReady", &handler(Kind::Ready));
        set(&events, "onStateChange", &handler(Kind::StateChange));
        set(&events, "onError", &handler(Kind::Error));
        set(&events, "onPlaybackRateChange", &handler(Kind::Rate));
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
        // Connected before the player is made, in case the API calls back
        // while making it.
        let on_event: Handler = Rc::new(on_event);
        LIVE.with(|live| live.borrow_mut().insert(key, on_event));
        match YtPlayer::new(element, &options) {
            Ok(inner) => Ok(Player { inner, key }),
            Err(_) => {
                LIVE.with(|live| live.borrow_mut().remove(&key));
                Err(())
            }
        }
    }

    /// Where the player is and how long the video is, as far as the
    /// player's answers can be trusted (see `shelf_core::playback::Reading`).
    pub fn reading(&self) -> Reading {
        Reading::from_raw(
            number(self.inner.get_current_time()),
            number(self.inner.get_duration()),
        )
    }

    /// The current position, if the player answers with one.
    pub fn current_time(&self) -> Option<Position> {
        Position::from_raw(number(self.inner.get_current_time()))
    }

    pub fn state(&self) -> Option<PlayerState> {
        PlayerState::from_raw(number(self.inner.get_player_state()))
    }

    pub fn seek(&self, secs: u32) {
        let _ = self.inner.seek_to(f64::from(secs), true);
    }

    /// The video's length, once the player knows it (raw seconds for the
    /// core to judge).
    pub fn raw_length(&self) -> f64 {
        number(self.inner.get_duration())
    }

    /// Plays at `percent` of normal speed (YouTube keeps the nearest rate
    /// it offers).
    pub fn set_speed(&self, percent: u16) {
        let _ = self.inner.set_playback_rate(f64::from(percent) / 100.0);
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
        // Disconnected first: whatever the API calls from here on does nothing.
        LIVE.with(|live| live.borrow_mut().remove(&self.key));
        let _ = self.inner.destroy();
    }
}

/// The `data` of an API event; NaN when it is not a number.
fn data(event: &JsValue) -> f64 {
    number(Reflect::get(event, &"data".into()))
}

/// A getter's answer as a number for the core to judge: anything but a
/// number (`null`, `undefined`, a string, a thrown exception) is NaN, so
/// `null` is never taken for 0.
fn number(answer: Result<JsValue, JsValue>) -> f64 {
    answer.ok().and_then(|v| v.as_f64()).unwrap_or(f64::NAN)
}
