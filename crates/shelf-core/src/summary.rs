//! Video summaries as a safe block tree.
//!
//! Summaries are AI-written Markdown that may contain anything, including
//! HTML. They are converted once, at import time, into this closed set of
//! blocks and inlines. There is no "raw HTML" variant: HTML in a summary
//! becomes text, so the app can only ever create text nodes and a fixed set
//! of elements from it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub blocks: Vec<Block>,
    /// The summary's words without markup, for search and snippets.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    #[serde(rename = "h")]
    Heading(u8, Vec<Inline>),
    #[serde(rename = "p")]
    Paragraph(Vec<Inline>),
    /// `start` is the first number of an ordered list; `None` for bullets.
    #[serde(rename = "list")]
    List {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    #[serde(rename = "quote")]
    Quote(Vec<Block>),
    #[serde(rename = "pre")]
    Code(String),
    #[serde(rename = "hr")]
    Rule,
    #[serde(rename = "table")]
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    #[serde(rename = "t")]
    Text(String),
    #[serde(rename = "b")]
    Strong(Vec<Inline>),
    #[serde(rename = "i")]
    Emphasis(Vec<Inline>),
    #[serde(rename = "s")]
    Strike(Vec<Inline>),
    #[serde(rename = "code")]
    Code(String),
    /// `$…$` LaTeX, kept as its source text.
    #[serde(rename = "math")]
    Math(String),
    /// Only http(s) targets survive import; anything else becomes text.
    #[serde(rename = "a")]
    Link { href: String, content: Vec<Inline> },
    #[serde(rename = "br")]
    Break,
}

/// True for a link target the app may put in an `href`.
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !href
            .chars()
            .any(|c| c.is_control() || c == '"' || c == '<' || c == '>')
}

#[cfg(feature = "import")]
pub use convert::from_markdown;

#[cfg(feature = "import")]
mod convert {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// Converts summary Markdown; `None` when it holds no text at all.
    pub fn from_markdown(markdown: &str) -> Option<Summary> {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
        let mut builder = Builder::default();
        for event in Parser::new_ext(markdown, options) {
            builder.event(event);
        }
        let blocks = builder.finish();
        let mut text = String::new();
        blocks_text(&blocks, &mut text);
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(Summary { blocks, text })
    }

    /// Deepest nesting of quotes, lists and list items kept as structure.
    const MAX_NESTING: usize = 8;

    /// A container being filled: its kind and its children so far.
    enum Frame {
        Root(Vec<Block>),
        Quote(Vec<Block>),
        List(Option<u64>, Vec<Vec<Block>>),
        Item(Vec<Block>),
        Heading(u8, Vec<Inline>),
        Paragraph(Vec<Inline>),
        Strong(Vec<Inline>),
        Emphasis(Vec<Inline>),
        Strike(Vec<Inline>),
        /// A link whose target is unsafe keeps only its text.
        Link(Option<String>, Vec<Inline>),
        /// Images are never loaded: their alt text stands in.
        Image(Vec<Inline>),
        Code(String),
        Table(Vec<Vec<Inline>>, Vec<Vec<Vec<Inline>>>, bool),
        Row(Vec<Vec<Inline>>),
        Cell(Vec<Inline>),
    }

    struct Builder {
        stack: Vec<Frame>,
    }

    impl Default for Builder {
        fn default() -> Self {
            Builder {
                stack: vec![Frame::Root(Vec::new())],
            }
        }
    }

    impl Builder {
        fn event(&mut self, event: Event<'_>) {
            match event {
                Event::Start(tag) => self.start(tag),
                Event::End(end) => self.end(end),
                Event::Text(t) => self.text(&t),
                Event::Code(t) => self.inline(Inline::Code(t.into_string())),
                Event::InlineMath(t) => self.inline(Inline::Math(t.into_string())),
                Event::DisplayMath(t) => self.inline(Inline::Math(t.into_string())),
                // HTML is shown as the text it is, never interpreted.
                Event::Html(t) | Event::InlineHtml(t) => self.text(&t),
                Event::SoftBreak => self.text(" "),
                Event::HardBreak => self.inline(Inline::Break),
                Event::Rule => self.block(Block::Rule),
                Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
                Event::FootnoteReference(t) => self.text(&format!("[{t}]")),
            }
        }

        fn start(&mut self, tag: Tag<'_>) {
            // Past a few levels, quotes and lists flatten into paragraphs: no
            // summary needs more, and deeper trees would exceed the JSON
            // decoder's recursion limit (and the stack) when the app reads them.
            let nested = self
                .stack
                .iter()
                .filter(|f| matches!(f, Frame::Quote(_) | Frame::List(..) | Frame::Item(_)))
                .count();
            let flatten = nested >= MAX_NESTING
                && matches!(tag, Tag::BlockQuote(_) | Tag::List(_) | Tag::Item);
            let frame = match tag {
                _ if flatten => Frame::Paragraph(Vec::new()),
                Tag::Paragraph => Frame::Paragraph(Vec::new()),
                Tag::Heading { level, .. } => Frame::Heading(level as u8, Vec::new()),
                Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
                Tag::CodeBlock(_) => Frame::Code(String::new()),
                Tag::List(start) => Frame::List(start, Vec::new()),
                Tag::Item => Frame::Item(Vec::new()),
                Tag::Emphasis => Frame::Emphasis(Vec::new()),
                Tag::Strong => Frame::Strong(Vec::new()),
                Tag::Strikethrough => Frame::Strike(Vec::new()),
                Tag::Link { dest_url, .. } => {
                    let href = is_safe_href(&dest_url).then(|| dest_url.trim().to_string());
                    Frame::Link(href, Vec::new())
                }
                Tag::Image { .. } => Frame::Image(Vec::new()),
                Tag::Table(_) => Frame::Table(Vec::new(), Vec::new(), true),
                Tag::TableHead => Frame::Row(Vec::new()),
                Tag::TableRow => Frame::Row(Vec::new()),
                Tag::TableCell => Frame::Cell(Vec::new()),
                // Containers this importer does not model keep their content
                // in the enclosing block as a paragraph.
                _ => Frame::Paragraph(Vec::new()),
            };
            self.stack.push(frame);
        }

        fn end(&mut self, end: TagEnd) {
            let Some(frame) = self.stack.pop() else {
                return;
            };
            match frame {
                Frame::Root(blocks) => self.stack.push(Frame::Root(blocks)),
                Frame::Paragraph(inlines) => {
                    if !inlines.is_empty() {
                        self.block(Block::Paragraph(inlines))
                    }
                }
                Frame::Heading(level, inlines) => self.block(Block::Heading(level, inlines)),
                Frame::Quote(blocks) => self.block(Block::Quote(blocks)),
                Frame::Code(text) => self.block(Block::Code(text.trim_end().to_string())),
                Frame::List(start, items) => self.block(Block::List { start, items }),
                Frame::Item(blocks) => {
                    if let Some(Frame::List(_, items)) = self.stack.last_mut() {
                        items.push(blocks);
                    }
                }
                Frame::Strong(c) => self.inline(Inline::Strong(c)),
                Frame::Emphasis(c) => self.inline(Inline::Emphasis(c)),
                Frame::Strike(c) => self.inline(Inline::Strike(c)),
                Frame::Link(Some(href), content) => self.inline(Inline::Link { href, content }),
                Frame::Link(None, content) | Frame::Image(content) => {
                    for inline in content {
                        self.inline(inline);
                    }
                }
                Frame::Cell(inlines) => {
                    if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                        cells.push(inlines);
                    }
                }
                Frame::Row(cells) => {
                    if let Some(Frame::Table(head, rows, in_head)) = self.stack.last_mut() {
                        if *in_head && matches!(end, TagEnd::TableHead) {
                            *head = cells;
                            *in_head = false;
                        } else {
                            rows.push(cells);
                        }
                    }
                }
                Frame::Table(head, rows, _) => self.block(Block::Table { head, rows }),
            }
        }

        fn text(&mut self, text: &str) {
            if let Some(Frame::Code(code)) = self.stack.last_mut() {
                code.push_str(text);
                return;
            }
            // Adjacent text runs (pulldown splits at entities and HTML) merge.
            if let Some(Inline::Text(last)) = self.inlines_mut().and_then(|v| v.last_mut()) {
                last.push_str(text);
                return;
            }
            self.inline(Inline::Text(text.to_string()));
        }

        fn inlines_mut(&mut self) -> Option<&mut Vec<Inline>> {
            match self.stack.last_mut()? {
                Frame::Heading(_, v)
                | Frame::Paragraph(v)
                | Frame::Strong(v)
                | Frame::Emphasis(v)
                | Frame::Strike(v)
                | Frame::Link(_, v)
                | Frame::Image(v)
                | Frame::Cell(v) => Some(v),
                _ => None,
            }
        }

        fn inline(&mut self, inline: Inline) {
            if let Some(inlines) = self.inlines_mut() {
                inlines.push(inline);
                return;
            }
            match self.stack.last_mut() {
                Some(Frame::Code(code)) => code.push_str(&inline_text(&inline)),
                // Tight list items hold inlines directly: give them a paragraph.
                Some(Frame::Item(blocks))
                | Some(Frame::Quote(blocks))
                | Some(Frame::Root(blocks)) => match (blocks.last_mut(), inline) {
                    (Some(Block::Paragraph(p)), Inline::Text(text)) => match p.last_mut() {
                        Some(Inline::Text(last)) => last.push_str(&text),
                        _ => p.push(Inline::Text(text)),
                    },
                    (Some(Block::Paragraph(p)), inline) => p.push(inline),
                    (_, inline) => blocks.push(Block::Paragraph(vec![inline])),
                },
                _ => {}
            }
        }

        fn block(&mut self, block: Block) {
            match self.stack.last_mut() {
                Some(Frame::Root(blocks))
                | Some(Frame::Quote(blocks))
                | Some(Frame::Item(blocks)) => blocks.push(block),
                // A block where only inlines fit (HTML oddities): keep its text.
                _ => {
                    let mut text = String::new();
                    blocks_text(std::slice::from_ref(&block), &mut text);
                    self.text(text.trim());
                }
            }
        }

        fn finish(mut self) -> Vec<Block> {
            while self.stack.len() > 1 {
                self.end(TagEnd::Paragraph);
            }
            match self.stack.pop() {
                Some(Frame::Root(blocks)) => blocks,
                _ => Vec::new(),
            }
        }
    }

    fn inline_text(inline: &Inline) -> String {
        let mut out = String::new();
        inlines_text(std::slice::from_ref(inline), &mut out);
        out
    }

    pub(super) fn blocks_text(blocks: &[Block], out: &mut String) {
        for block in blocks {
            match block {
                Block::Heading(_, c) | Block::Paragraph(c) => inlines_text(c, out),
                Block::List { items, .. } => items.iter().for_each(|item| blocks_text(item, out)),
                Block::Quote(b) => blocks_text(b, out),
                Block::Code(code) => out.push_str(code),
                Block::Rule => {}
                Block::Table { head, rows } => {
                    head.iter().chain(rows.iter().flatten()).for_each(|cell| {
                        inlines_text(cell, out);
                        out.push(' ');
                    })
                }
            }
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
        }
    }

    fn inlines_text(inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) | Inline::Math(t) => out.push_str(t),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strike(c) => inlines_text(c, out),
                Inline::Link { content, .. } => inlines_text(content, out),
                Inline::Break => out.push(' '),
            }
        }
    }
}

#[cfg(all(test, feature = "import"))]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn html_in_summaries_becomes_text() {
        let s = from_markdown(
            "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> **<BERT 方法>**",
        )
        .unwrap();
        let json = serde_json::to_string(&s.blocks).unwrap();
        assert!(json.contains("<script>alert(1)</script>"), "{json}");
        assert!(json.contains("<img src=x onerror=alert(1)>"), "{json}");
        assert!(s.text.contains("<BERT 方法>"), "{}", s.text);
        // No variant can carry markup: every string is a Text/Code/Math payload.
        assert!(matches!(s.blocks[0], Block::Paragraph(_)));
    }

    #[test]
    fn unsafe_link_targets_keep_only_their_text() {
        let s =
            from_markdown("[click](javascript:alert(1)) and [ok](https://example.org/a)").unwrap();
        let Block::Paragraph(inlines) = &s.blocks[0] else {
            panic!("{:?}", s.blocks)
        };
        assert_eq!(inlines[0], text("click and "));
        assert_eq!(
            inlines[1],
            Inline::Link {
                href: "https://example.org/a".into(),
                content: vec![text("ok")]
            }
        );
        assert!(!is_safe_href("JavaScript:alert(1)"));
        assert!(!is_safe_href("data:text/html,x"));
        assert!(!is_safe_href("https://x.org/\"onmouseover=1"));
    }

    #[test]
    fn structure_headings_lists_setext_and_math() {
        let md = "## 核心主題\n- **重點**：一\n- 二  \n\t- 巢狀\n\n標題\n===\n\n1. 甲\n2. $E=mc^2$\n\n---\n";
        let s = from_markdown(md).unwrap();
        assert_eq!(s.blocks[0], Block::Heading(2, vec![text("核心主題")]));
        let Block::List { start: None, items } = &s.blocks[1] else {
            panic!("{:?}", s.blocks)
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(items[1][1], Block::List { .. }), "{:?}", items[1]);
        assert_eq!(s.blocks[2], Block::Heading(1, vec![text("標題")]));
        let Block::List {
            start: Some(1),
            items,
        } = &s.blocks[3]
        else {
            panic!("{:?}", s.blocks)
        };
        assert_eq!(
            items[1],
            vec![Block::Paragraph(vec![Inline::Math("E=mc^2".into())])]
        );
        assert_eq!(s.blocks[4], Block::Rule);
        assert!(
            s.text.contains("核心主題") && s.text.contains("巢狀") && s.text.contains("E=mc^2")
        );
    }

    #[test]
    fn blank_summary_is_none() {
        assert_eq!(from_markdown("  \n\n---\n"), None);
        assert_eq!(from_markdown(""), None);
    }

    #[test]
    fn tables_keep_head_and_rows() {
        let s = from_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n").unwrap();
        let Block::Table { head, rows } = &s.blocks[0] else {
            panic!("{:?}", s.blocks)
        };
        assert_eq!(head.len(), 2);
        assert_eq!(rows, &vec![vec![vec![text("1")], vec![text("2")]]]);
    }
}
