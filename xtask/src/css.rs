//! The panel's style sheet as the page gets it: `extension/panel.css` without its comments and
//! layout white space (they are for the people who read the sheet), handed to the module at
//! start as `dist/data/panel.js` like the other data files, so that the module does not carry
//! it (10 kB raw; 2.4 kB of its 300 kB gzipped budget).

use crate::Result;

/// `css` minified, checked to hold the same rules in the same order: nothing but comments,
/// spaces and a block's last `;` may go.
pub fn panel_sheet(css: &str) -> Result<String> {
    let small = minify(css);
    let braces = |s: &str| (s.matches('{').count(), s.matches('}').count());
    let uncommented = strip_comments(css);
    if braces(&uncommented) != braces(&small) {
        return Err("panel.css: minifying changed its braces".into());
    }
    let words = |s: &str| s.split_whitespace().collect::<String>();
    if words(&uncommented).replace(";}", "}") != words(&small) {
        return Err("panel.css: minifying changed more than white space".into());
    }
    Ok(small)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_layout_space_go_and_strings_stay() {
        let css =
            "/* a note */\n.a  .b ,\n.c {\n  color : red;\n  content: \"  x  /* y */ \";\n}\n";
        assert_eq!(
            panel_sheet(css).unwrap(),
            ".a .b,.c{color :red;content:\"  x  /* y */ \"}"
        );
    }

    #[test]
    fn the_panel_sheet_minifies_to_the_same_rules() {
        let css = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../extension/panel.css"),
        )
        .unwrap();
        let small = panel_sheet(&css).unwrap();
        assert!(
            small.len() * 10 < css.len() * 8,
            "{} of {}",
            small.len(),
            css.len()
        );
        assert!(
            small.starts_with(":host{all:initial;position:fixed"),
            "{small:.60}"
        );
    }
}
