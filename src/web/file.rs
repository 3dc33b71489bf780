//! Files the student picked with `<input type="file">` or dropped on the
//! page, and reading their text.

use wasm_bindgen_futures::JsFuture;

/// A file the student picked or dropped: its name, size and text.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Size in bytes, as the browser reports it (before reading).
    pub fn size(&self) -> u64 {
        self.0.size() as u64
    }
}

/// The first file picked in a file input, if any.
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<PickedFile> {
    input.files().and_then(|files| files.get(0)).map(PickedFile)
}

/// Every file picked in a file input, in order.
pub fn picked_files(input: &web_sys::HtmlInputElement) -> Vec<PickedFile> {
    files_of(input.files())
}

/// Every file dropped with a drag (none when it carried no files).
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<PickedFile> {
    files_of(ev.data_transfer().and_then(|d| d.files()))
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<PickedFile> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(PickedFile)
        .collect()
}

/// The file's text (UTF-8, malformed bytes replaced); Err when unreadable.
pub async fn read_text(file: &PickedFile) -> Result<String, String> {
    let value = JsFuture::from(file.0.text())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    value
        .as_string()
        .ok_or_else(|| "the file could not be read".to_string())
}
