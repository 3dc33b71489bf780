//! The element an event happened on, read the way the app's handlers need
//! it (delegated handlers, shortcuts that must not fire while typing).

use wasm_bindgen::JsCast;

/// The element an event's target is (`None` for a non-element target).
pub struct Target(web_sys::Element);

/// The element `ev` happened on.
pub fn of(ev: &web_sys::Event) -> Option<Target> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(Target)
}

impl Target {
    pub fn id(&self) -> String {
        self.0.id()
    }

    /// The tag name, upper case for HTML elements (`INPUT`).
    pub fn tag(&self) -> String {
        self.0.tag_name()
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.0.class_list().contains(class)
    }

    pub fn attribute(&self, name: &str) -> Option<String> {
        self.0.get_attribute(name)
    }

    /// Whether the element is or sits inside one matching `selector`.
    pub fn is_within(&self, selector: &str) -> bool {
        self.0.closest(selector).ok().flatten().is_some()
    }

    /// The attribute `name` of the nearest element (itself or an ancestor)
    /// matching `selector`.
    pub fn closest_attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.0.closest(selector).ok().flatten()?.get_attribute(name)
    }

    /// Whether keys typed here are text: a field other than a checkbox or
    /// radio, a select, or editable content.
    pub fn is_text_field(&self) -> bool {
        let el = &self.0;
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            && el.get_attribute("type").as_deref() != Some("checkbox")
            && el.get_attribute("type").as_deref() != Some("radio")
            || el
                .dyn_ref::<web_sys::HtmlElement>()
                .is_some_and(|h| h.is_content_editable())
    }

    /// Selects an input's whole text (nothing for other elements).
    pub fn select_text(&self) {
        if let Some(input) = self.0.dyn_ref::<web_sys::HtmlInputElement>() {
            input.select();
        }
    }

    /// Takes the element out of the page, first adding `class` to its
    /// parent (which then shows what the element no longer does).
    pub fn remove_marking_parent(&self, class: &str) {
        if let Some(parent) = self.0.parent_element() {
            let _ = parent.class_list().add_1(class);
        }
        self.0.remove();
    }
}
