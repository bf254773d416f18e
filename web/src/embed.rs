//! Embed mode, for documentation pages: `?embed` shows the chosen panels with
//! minimal chrome, sizes itself to the host page and talks to it by postMessage.
//!
//! Query: `embed`, then optionally `preset=NAME` (else the `#v=1&s=` fragment, else
//! the default preset), `step=N`, `panels=diagram,narration,controls,table,trace,script`
//! (default: diagram, narration, controls), `readonly` (no editing, no dialogs
//! to answer: the scenario's answers are used) and `lang=en|zh` (the page's
//! language; read by [`crate::i18n`], as for the full playground).
//!
//! Messages to the host: `{type: "flushq:step", step, total, narration}` after each
//! step and `{type: "flushq:height", height}` when the content's height changes.
//! Messages from the host: `{type: "flushq:goto", step}`, `{type: "flushq:play"}`,
//! `{type: "flushq:pause"}`.

use crate::i18n::Lang;

/// A part of the page an embed can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The session diagram.
    Diagram,
    /// The one-sentence narration.
    Narration,
    /// Playback controls.
    Controls,
    /// The status table.
    Table,
    /// The trace list.
    Trace,
    /// The client script (read-only when `readonly`).
    Script,
}

impl Part {
    /// Every part with its query name.
    pub const ALL: [(&'static str, Part); 6] = [
        ("diagram", Part::Diagram),
        ("narration", Part::Narration),
        ("controls", Part::Controls),
        ("table", Part::Table),
        ("trace", Part::Trace),
        ("script", Part::Script),
    ];
}

/// What an embed shows and starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    /// Parts shown, in page order.
    pub parts: Vec<Part>,
    /// No editing and no dialogs to answer.
    pub readonly: bool,
    /// Preset to open (when the fragment holds no state).
    pub preset: Option<String>,
    /// Step to start at.
    pub step: Option<usize>,
}

impl Embed {
    /// Reads a query string (with or without `?`); `None` without `embed`.
    pub fn from_query(query: &str) -> Option<Embed> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut embed = None;
        let mut e = Embed {
            parts: vec![Part::Diagram, Part::Narration, Part::Controls],
            readonly: false,
            preset: None,
            step: None,
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "embed" => embed = Some(()),
                "readonly" => e.readonly = value != "0" && value != "false",
                "preset" => e.preset = Some(decode(value)).filter(|p| !p.is_empty()),
                "step" => e.step = value.parse().ok(),
                "panels" => {
                    let parts: Vec<Part> = value
                        .split([',', '+'])
                        .filter_map(|name| Part::ALL.iter().find(|(n, _)| *n == name).map(|(_, p)| *p))
                        .collect();
                    if !parts.is_empty() {
                        e.parts = parts;
                    }
                }
                _ => {}
            }
        }
        embed.map(|_| e)
    }

    /// True when `part` is shown.
    pub fn shows(&self, part: Part) -> bool {
        self.parts.contains(&part)
    }
}

/// `%XX` and `+` decoding for query values (preset names are plain anyway).
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or(()) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The HTML a documentation page pastes to embed this state: `page` is the
/// playground's URL without query or fragment, `fragment` the share link body.
/// `lang` is written into the link, so the embed speaks the language it was copied in.
pub fn embed_code(page: &str, fragment: &str, title: &str, lang: Lang) -> String {
    let title = title.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let lang = lang.code();
    format!(
        "<iframe src=\"{page}?embed&amp;lang={lang}&amp;panels=diagram,narration,controls#{fragment}\" title=\"flushq: {title}\" \
         width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\" sandbox=\"allow-scripts allow-popups\"></iframe>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_select_parts_preset_and_step() {
        assert_eq!(Embed::from_query("?preset=link-down"), None, "no `embed`: the full playground");
        let e =
            Embed::from_query("?embed&preset=per-transport-download&step=20&panels=diagram,table&readonly").unwrap();
        assert_eq!(e.parts, [Part::Diagram, Part::Table]);
        assert_eq!((e.preset.as_deref(), e.step, e.readonly), (Some("per-transport-download"), Some(20), true));
        let d = Embed::from_query("embed").unwrap();
        assert_eq!(d.parts, [Part::Diagram, Part::Narration, Part::Controls]);
        assert!(!d.readonly && d.preset.is_none() && d.step.is_none());
        let odd = Embed::from_query("?embed&panels=nothing&step=x&preset=a%2Db").unwrap();
        assert_eq!(odd.parts.len(), 3, "unknown panels keep the default");
        assert_eq!((odd.step, odd.preset.as_deref()), (None, Some("a-b")));
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%zz"), "%zz");
    }

    #[test]
    fn embed_code_escapes_the_title() {
        let code = embed_code("https://x.test/flushq/", "v=1&s=abc", "A \"quoted\" <title>", Lang::ZH);
        assert!(code.starts_with(
            "<iframe src=\"https://x.test/flushq/?embed&amp;lang=zh&amp;panels=diagram,narration,controls#v=1&s=abc\""
        ));
        assert!(code.contains("title=\"flushq: A &quot;quoted&quot; &lt;title>\""));
        assert!(code.contains("sandbox=\"allow-scripts allow-popups\""));
    }
}
