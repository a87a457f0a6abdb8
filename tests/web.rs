//! Browser tests of the web adapter, run by wasm-bindgen-test in headless Chromium
//! (`cargo xtask test` runs them through Debian's chromedriver).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use waypoint::core::conversation::{ReadState, Site, Surface};
use waypoint::core::route;
use waypoint::web::content::read;
use waypoint::web::panel::{Panel, View, TAG};
use waypoint::web::Mode;
use web_sys::{Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts fixture markup in a container of its own (never replace the harness's body).
struct Fixture(Element);

impl Fixture {
    fn new(html: &str) -> Fixture {
        let doc = document();
        let div = doc.create_element("div").unwrap();
        div.set_inner_html(html);
        doc.body().unwrap().append_child(&div).unwrap();
        Fixture(div)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn view(site: Site, surface: Option<Surface>, state: ReadState, messages: usize) -> View {
    View {
        site,
        surface,
        state,
        messages,
        note: None,
    }
}

#[wasm_bindgen_test]
fn panel_mounts_an_open_shadow_root_with_the_contract() {
    let doc = document();
    let mut panel = Panel::mount(&doc, Mode::Js).unwrap();
    let host = panel.host().clone();
    assert_eq!(host.tag_name().to_lowercase(), TAG);
    assert_eq!(host.get_attribute("data-mode").as_deref(), Some("js"));
    let root = host.shadow_root().expect("open shadow root");
    assert_eq!(root.mode(), web_sys::ShadowRootMode::Open);
    assert!(root.query_selector("style").unwrap().is_some());

    panel
        .show(&view(
            Site::Facebook,
            Some(Surface::Dm),
            ReadState::Ready,
            4,
        ))
        .unwrap();
    assert_eq!(host.get_attribute("data-site").as_deref(), Some("facebook"));
    assert_eq!(host.get_attribute("data-surface").as_deref(), Some("dm"));
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(host.get_attribute("data-messages").as_deref(), Some("4"));
    let text = root.text_content().unwrap();
    assert!(text.contains("Facebook · direct messages"), "{text}");
    assert!(text.contains("4 messages read"), "{text}");

    panel
        .show(&view(Site::Facebook, None, ReadState::NoConversation, 0))
        .unwrap();
    assert_eq!(host.get_attribute("data-surface"), None);
    assert_eq!(
        host.get_attribute("data-state").as_deref(),
        Some("no-conversation")
    );

    drop(panel);
    assert!(
        !host.is_connected(),
        "dropping the panel removes it from the page"
    );
}

#[wasm_bindgen_test]
fn an_unchanged_view_does_not_touch_the_page() {
    let doc = document();
    let mut panel = Panel::mount(&doc, Mode::Wasm).unwrap();
    let v = view(Site::X, Some(Surface::Post), ReadState::Ready, 2);
    panel.show(&v).unwrap();
    // Change an attribute behind the panel's back: an identical view must not rewrite it.
    panel
        .host()
        .set_attribute("data-messages", "tampered")
        .unwrap();
    panel.show(&v).unwrap();
    assert_eq!(
        panel.host().get_attribute("data-messages").as_deref(),
        Some("tampered")
    );
    panel
        .show(&view(Site::X, Some(Surface::Post), ReadState::Ready, 3))
        .unwrap();
    assert_eq!(
        panel.host().get_attribute("data-messages").as_deref(),
        Some("3")
    );
}

#[wasm_bindgen_test]
fn a_removed_panel_is_put_back() {
    let doc = document();
    let panel = Panel::mount(&doc, Mode::Wasm).unwrap();
    panel.host().remove();
    assert!(!panel.is_attached());
    panel.reattach(&doc).unwrap();
    assert!(panel.is_attached());
}

#[wasm_bindgen_test]
fn reads_an_x_thread_by_the_profile() {
    let _f = Fixture::new(
        r#"<div data-testid="primaryColumn"><section role="region">
             <article data-testid="tweet" tabindex="0"></article>
             <article data-testid="tweet" tabindex="-1"></article>
           </section></div>"#,
    );
    let r = route::classify("https://x.com/someone/status/1").unwrap();
    let v = read(&document(), &r);
    assert_eq!((v.state, v.messages), (ReadState::Ready, 2));
}

#[wasm_bindgen_test]
fn markup_that_is_not_understood_is_unrecognized() {
    // A Messenger URL, but no message log anywhere in the document.
    let _f = Fixture::new(r#"<div role="main"><div class="x1lliihq">Hello</div></div>"#);
    let r = route::classify("https://www.facebook.com/messages/t/5").unwrap();
    let v = read(&document(), &r);
    assert_eq!(v.state, ReadState::Unrecognized);
    assert_eq!(v.messages, 0);
}

#[wasm_bindgen_test]
fn a_locked_chat_reads_nothing_and_says_why() {
    let r = route::classify("https://x.com/i/chat/pin/recovery").unwrap();
    let v = read(&document(), &r);
    assert_eq!(v.state, ReadState::NoConversation);
    assert!(v.note.unwrap().contains("passcode"));
}

#[wasm_bindgen_test]
fn unknown_modes_and_pages_are_clear_errors() {
    let e = waypoint::web::boot_content("turbo").unwrap_err();
    assert!(e.as_string().unwrap().contains("unknown mode \"turbo\""));
    let e = waypoint::web::boot_page("nope", "wasm").unwrap_err();
    assert!(e.as_string().unwrap().contains("#app"), "{e:?}");
}
