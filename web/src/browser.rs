//! The few browser services the playground uses: the URL fragment, localStorage,
//! the clipboard and file downloads. Each fails softly: a private window without
//! storage still runs the playground.

use wasm_bindgen::JsCast;

/// localStorage key of the last session.
const SESSION_KEY: &str = "flushq.session";

/// The browser window; `None` off the web (server-side renders in tests), where
/// calling into JavaScript would panic.
fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The URL fragment without `#`, if any.
pub fn fragment() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let body = hash.trim_start_matches('#');
    (!body.is_empty()).then(|| body.to_string())
}

/// Replaces the URL fragment without adding a history entry.
pub fn set_fragment(body: &str) {
    if let Some(w) = window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{body}")));
        }
    }
}

/// The full URL of the page with fragment `body`.
pub fn url_with_fragment(body: &str) -> String {
    let base = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default().to_string();
    format!("{base}#{body}")
}

// Storage through web_sys directly: gloo's storage would bring serde_json into
// the bundle to store one string.
fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok()?
}

/// localStorage key of the lesson progress.
const PROGRESS_KEY: &str = "flushq.progress";
/// localStorage key of the lesson being worked on: `id hints`, or empty.
const LESSON_KEY: &str = "flushq.lesson";
/// localStorage key of the chosen language.
const LANG_KEY: &str = "flushq.lang";

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Saves under `key` (ignored when storage is unavailable or full).
fn save(key: &str, body: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, body);
    }
}

/// The saved session, if any.
pub fn load_session() -> Option<String> {
    load(SESSION_KEY)
}

/// Saves the session.
pub fn save_session(body: &str) {
    save(SESSION_KEY, body);
}

/// The saved lesson progress, if any.
pub fn load_progress() -> Option<String> {
    load(PROGRESS_KEY)
}

/// Saves the lesson progress.
pub fn save_progress(body: &str) {
    save(PROGRESS_KEY, body);
}

/// The lesson open when the page was last used, with the hints shown: `id hints`.
pub fn load_lesson() -> Option<String> {
    load(LESSON_KEY)
}

/// Remembers the open lesson (`id hints`, or empty when none is open).
pub fn save_lesson(body: &str) {
    save(LESSON_KEY, body);
}

/// The language chosen on an earlier visit, if any.
pub fn load_lang() -> Option<String> {
    load(LANG_KEY)
}

/// Remembers the chosen language.
pub fn save_lang(code: &str) {
    save(LANG_KEY, code);
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// Sets `<html lang>` (so the browser picks CJK fonts for Chinese and screen
/// readers the right voice) and the document's title.
pub fn set_document_lang(tag: &str, title: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else { return };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", tag);
    }
    doc.set_title(title);
}

/// Reads the first file chosen in an `<input type="file">` as text, then calls `done`.
pub fn read_file(input: &web_sys::HtmlInputElement, done: impl FnOnce(String) + 'static) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
            if let Some(text) = text.as_string() {
                done(text);
            }
        }
    });
}

/// Copies `text` to the clipboard (best effort).
pub fn copy(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            // Attached while clicked (some browsers ignore detached anchors).
            if let Some(body) = document.body() {
                let _ = body.append_child(&a);
                a.click();
                a.remove();
            }
        }
    }
    // Revoking at once can cancel the download before it starts.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// The outer HTML of the first element matching `selector`.
pub fn outer_html(selector: &str) -> Option<String> {
    let el = window()?.document()?.query_selector(selector).ok()??;
    Some(el.outer_html())
}

/// True when the keyboard event comes from a place where typing must not be
/// taken as a shortcut: inputs, text areas, selects, editable content.
pub fn typing_target(e: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    let tag = target.tag_name().to_ascii_uppercase();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.closest("[contenteditable=true]").ok().flatten().is_some()
}

/// The page's query string (with `?`), if any.
pub fn query() -> Option<String> {
    window()?.location().search().ok().filter(|q| !q.is_empty())
}

/// The page's URL without query or fragment: where the full playground lives.
pub fn page_url() -> String {
    let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}

/// Posts `{type, ...fields}` to the embedding page, if any.
pub fn post_to_parent(kind: &str, fields: &[(&str, wasm_bindgen::JsValue)]) {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return; // Not in a frame.
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    let _ = parent.post_message(&msg, "*");
}

/// Reports the document's height to the embedding page whenever it changes.
/// Returns the observer, which stops when dropped.
pub fn observe_height() -> Option<HeightObserver> {
    let element = window()?.document()?.document_element()?;
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            // The root element's own height, not its scrollHeight: that never goes
            // below the frame's height, so an embed could grow but never shrink.
            post_to_parent("flushq:height", &[("height", el.get_bounding_client_rect().height().ceil().into())]);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some(HeightObserver { observer, _callback: callback })
}

/// A running height observer.
pub struct HeightObserver {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for HeightObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Reads `{type, step}` out of a `message` event's data.
pub fn message_of(e: &web_sys::Event) -> Option<(String, Option<f64>)> {
    let e = e.dyn_ref::<web_sys::MessageEvent>()?;
    let data = e.data();
    let kind = js_sys::Reflect::get(&data, &"type".into()).ok()?.as_string()?;
    let step = js_sys::Reflect::get(&data, &"step".into()).ok().and_then(|v| v.as_f64());
    Some((kind, step))
}
