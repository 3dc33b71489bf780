//! Reading a file the student picked with `<input type="file">`.

use wasm_bindgen_futures::JsFuture;

/// The first file picked in a file input, if any.
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// The file's text (UTF-8, malformed bytes replaced); Err when unreadable.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let value = JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    value
        .as_string()
        .ok_or_else(|| "the file could not be read".to_string())
}
