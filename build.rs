//! Build script: the panel's style sheet goes into the page module without its comments and
//! layout whitespace (`src/web/panel/mod.rs` includes the result). They are for the people
//! who read `extension/panel.css`; in the module they cost about 0.7 kB of its 300 kB gzipped
//! budget.

use std::path::Path;

fn main() {
    let src = "extension/panel.css";
    println!("cargo::rerun-if-changed={src}");
    println!("cargo::rerun-if-changed=build.rs");
    let css = std::fs::read_to_string(src).expect("extension/panel.css is readable");
    let small = minify(&css);
    // Nothing but comments, spaces and a block's last `;` may go: the same rules, in the same
    // order.
    let braces = |s: &str| (s.matches('{').count(), s.matches('}').count());
    let uncommented = strip_comments(&css);
    assert_eq!(
        braces(&uncommented),
        braces(&small),
        "panel.css: braces changed"
    );
    assert_eq!(
        uncommented
            .split_whitespace()
            .collect::<String>()
            .replace(";}", "}"),
        small.split_whitespace().collect::<String>(),
        "panel.css: more than white space changed"
    );
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("panel.css");
    std::fs::write(out, small).expect("OUT_DIR is writable");
}

/// `css` without its `/* … */` comments (none is inside a string in this sheet; strings are
/// kept as they are all the same).
fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                out.push(' ');
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// Comments gone, runs of white space outside strings made one space, and no space next to
/// `{`, `}`, `;`, `,`, or after `:` (a space before `:` is a descendant selector and stays).
fn minify(css: &str) -> String {
    let css = strip_comments(css);
    let mut out = String::with_capacity(css.len());
    let mut quote: Option<char> = None;
    let mut space = false;
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
    let mut chars = css.chars();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            let prev = out.chars().last();
            if !(tight(c) || prev.is_none_or(|p| tight(p) || p == ':')) {
                out.push(' ');
            }
            space = false;
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        // The last declaration of a block needs no `;`.
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}
