//! Renders a summary's block tree. Every string becomes a text node; the
//! only elements are the fixed ones below, and links are http(s) only
//! (checked at import and again here).

use leptos::prelude::*;
use shelf_core::summary::{is_safe_href, Block, Inline};

use crate::ui::study::note_view::time_text;

/// The video whose summary is shown, for its time-code links.
#[derive(Clone, Copy)]
pub struct CurrentVideo(pub &'static str);

#[component]
pub fn SummaryView(blocks: &'static [Block]) -> impl IntoView {
    view! { <div class="summary">{blocks_view(blocks)}</div> }
}

fn blocks_view(blocks: &'static [Block]) -> AnyView {
    blocks.iter().map(block_view).collect_view().into_any()
}

fn block_view(block: &'static Block) -> AnyView {
    match block {
        // The page's own headings are h1/h2; summary headings nest below them.
        Block::Heading(level, content) => match level {
            1 => view! { <h3>{inlines_view(content)}</h3> }.into_any(),
            2 => view! { <h4>{inlines_view(content)}</h4> }.into_any(),
            3 => view! { <h5>{inlines_view(content)}</h5> }.into_any(),
            _ => view! { <h6>{inlines_view(content)}</h6> }.into_any(),
        },
        Block::Paragraph(content) => view! { <p>{inlines_view(content)}</p> }.into_any(),
        Block::List { start: Some(start), items } => view! {
            <ol start=*start>{items.iter().map(|item| view! { <li>{blocks_view(item)}</li> }).collect_view()}</ol>
        }
        .into_any(),
        Block::List { start: None, items } => view! {
            <ul>{items.iter().map(|item| view! { <li>{blocks_view(item)}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::Quote(inner) => view! { <blockquote>{blocks_view(inner)}</blockquote> }.into_any(),
        Block::Code(code) => view! { <pre><code>{code.clone()}</code></pre> }.into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
        Block::Table { head, rows } => view! {
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>{head.iter().map(|cell| view! { <th scope="col">{inlines_view(cell)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {rows
                            .iter()
                            .map(|row| view! { <tr>{row.iter().map(|cell| view! { <td>{inlines_view(cell)}</td> }).collect_view()}</tr> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}

fn inlines_view(inlines: &'static [Inline]) -> AnyView {
    inlines.iter().map(inline_view).collect_view().into_any()
}

fn inline_view(inline: &'static Inline) -> AnyView {
    match inline {
        // Time codes in a summary seek the player, as in notes.
        Inline::Text(text) => match use_context::<CurrentVideo>() {
            Some(CurrentVideo(id)) => time_text(id, text),
            None => text.clone().into_any(),
        },
        Inline::Strong(c) => view! { <strong>{inlines_view(c)}</strong> }.into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines_view(c)}</em> }.into_any(),
        Inline::Strike(c) => view! { <s>{inlines_view(c)}</s> }.into_any(),
        Inline::Code(code) => view! { <code>{code.clone()}</code> }.into_any(),
        Inline::Math(tex) => view! { <code class="math">{tex.clone()}</code> }.into_any(),
        Inline::Link { href, content } if is_safe_href(href) => view! {
            <a href=href.clone() target="_blank" rel="noopener noreferrer">{inlines_view(content)}</a>
        }
        .into_any(),
        Inline::Link { content, .. } => inlines_view(content),
        Inline::Break => view! { <br /> }.into_any(),
    }
}
