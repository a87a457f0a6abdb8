//! Builds the extension: one Rust module, delivered twice.
//!
//! 1. `cargo build --release --lib --target wasm32-unknown-unknown` with `-C target-cpu=mvp`
//!    and bulk memory, sign extension and saturating float-to-int conversion: wasm2js handles
//!    a single table only, so the module must not use reference types (research/toolchain.md
//!    §5, P7).
//! 2. `wasm-bindgen --target web` (for real wasm) and `--target bundler` (for the translation).
//! 3. `wasm-opt -Oz` on the first; on the second `wasm-opt -Oz --alignment-lowering` (wasm2js
//!    translates only naturally aligned stores) and `wasm2js -Oz`, patched so that memory
//!    growth detaches the old buffer (P9) and its glue imports the translation (P8); the
//!    translation and its glue minified with esbuild.
//! 4. `dist/` = `extension/` + `manifest.json` + `pkg/` (wasm) + `pkgjs/` (JS) + `data/`, and
//!    `target/waypoint-<version>.zip` from it; the sizes are printed against the budgets.

use crate::{setup, Ctx, Failure, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// binaryen features the Rust output uses (std relies on bulk memory).
const FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-sign-ext",
    "--enable-nontrapping-float-to-int",
    "--enable-mutable-globals",
];

/// wasm2js's memory.grow copies into a new ArrayBuffer but leaves the old one attached, so
/// wasm-bindgen's cached views keep pointing at stale memory. Growing by `transfer` detaches
/// it (Chromium ≥ 114); `structuredClone` with a transfer list does the same elsewhere.
/// And it copies all of memory at every growth, which the heap asks for a few pages at a time
/// (a page reading 5,000 posts grew twenty times, copying up to 5 MB each time): the buffer
/// is made half as large again at least, and the module's size in pages is kept apart from
/// it, so that most growths copy nothing.
const GROW_FROM: &str = "var newBuffer = new ArrayBuffer(newPages << 16);
   var newHEAP8 = new Int8Array(newBuffer);
   newHEAP8.set(HEAP8);";
const GROW_TO: &str = "if ((newPages << 16) > buffer.byteLength) {
   var capacity = Math.min(65535, Math.max(newPages, oldPages + (oldPages >> 1)));
   var newBuffer = typeof buffer.transfer === 'function' ? buffer.transfer(capacity << 16) : (function (old, size) { var fresh = new ArrayBuffer(size); new Int8Array(fresh).set(new Int8Array(old)); structuredClone(old, { transfer: [old] }); return fresh; })(buffer, capacity << 16);";
/// The end of the growth: the views over the new buffer are made only when there is one
/// (the condition opened by `GROW_TO`), and the size the module sees moves in either case.
const GROWN_FROM: &str = "   bufferView = HEAPU8;
  }
  return oldPages;";
const GROWN_TO: &str = "   bufferView = HEAPU8;
   }
   wpPages = newPages;
  }
  return oldPages;";
const SIZE_FROM: &str = " function __wasm_memory_size() {
  return buffer.byteLength >> 16;
 }";
const SIZE_TO: &str = " var wpPages = wpInitial >> 16;
 function __wasm_memory_size() {
  return wpPages;
 }";
/// The module's data (136 kB, as base64 in the translation) is decoded by the
/// browser's own `Uint8Array.prototype.setFromBase64` where there is one (Chromium >= 140):
/// wasm2js's decoding loop ran as unoptimized JS at every x.com page load. The module's
/// import took 26.4 ms of main thread with it and 21.6 ms without (profiled, medians of 7
/// launches). The loop stays for browsers without the method.
const BASE64_FROM: &str =
    "  function base64DecodeToExistingUint8Array(uint8Array, offset, b64) {\n";
const BASE64_TO: &str = "  function base64DecodeToExistingUint8Array(uint8Array, offset, b64) {
    if (typeof uint8Array.setFromBase64 === 'function') {
      uint8Array.subarray(offset).setFromBase64(b64);
      return uint8Array;
    }
";
/// The buffer is made with room for this many bytes from the start, and the module's initial
/// size kept apart (`wpInitial`): even half as large again, a growth copies all of memory
/// into a new buffer, and on a long page it cost up to 18 ms (a page appending 5,000 posts to
/// x.com's shape grew the buffer twice while Waypoint read them, 33 ms of its main-thread
/// time). Memory grows within the room without a copy. The room is 8 MiB: Waypoint's module
/// used 4.8 MB after reading those 5,000 posts.
const ROOM_BYTES: u32 = 8 << 20;
const BUFFER_FROM: &str = " var buffer = new ArrayBuffer(";

/// Budgets of DESIGN.md, in bytes. Its "KB" and "MB" are read strictly, as 1,000 and
/// 1,000,000 bytes (the smaller of the two readings).
const WASM_GZ_BUDGET: u64 = 300_000;
const JS_GZ_BUDGET: u64 = 600_000;
const ZIP_BUDGET: u64 = 1_500_000;

/// What a build is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The extension as it ships: the size budgets must hold.
    Ship,
    /// The benchmark's: the content module with its entry points (feature `bench`), a little
    /// larger, so the sizes are printed but the budgets are held by the shipping build.
    Bench,
}

pub fn build(ctx: &Ctx, purpose: Purpose) -> Result<()> {
    setup::wasm_target(ctx)?;
    setup::wasm_bindgen(ctx)?;
    setup::npm_packages(ctx)?;
    let root = &ctx.root;
    let version = check_manifest(root)?;
    // WAYPOINT_NAMES=1 keeps function names in both modules, for a profiler (larger output:
    // not for shipping; the budgets still apply and are likely to fail).
    let names = std::env::var_os("WAYPOINT_NAMES").is_some_and(|v| v == "1");
    let keep_names: &[&str] = if names { &["-g"] } else { &[] };

    // One build, with bulk memory: `memory.copy` and `memory.fill` where compiler_builtins'
    // byte loops would be (1.1 kB smaller gzipped as wasm; in the translation they become the
    // typed array's native `copyWithin` and `fill`).
    let module = match purpose {
        Purpose::Ship => module_build(ctx, names, "content")?,
        Purpose::Bench => module_build(ctx, names, "content,bench")?,
    };
    let options = module_build(ctx, names, "options")?;

    println!("==> wasm-bindgen, wasm-opt, wasm2js");
    let glue = root.join("target/glue");
    let (web, js) = (glue.join("web"), glue.join("js"));
    for (target, dir) in [("web", &web), ("bundler", &js)] {
        let _ = std::fs::remove_dir_all(dir);
        ctx.run(
            "wasm-bindgen",
            ctx.cmd("wasm-bindgen")
                .args([
                    "--target",
                    target,
                    "--no-typescript",
                    "--out-name",
                    "waypoint",
                ])
                .arg("--out-dir")
                .arg(dir)
                .arg(&module),
        )?;
    }

    let options_glue = glue.join("options");
    let _ = std::fs::remove_dir_all(&options_glue);
    ctx.run(
        "wasm-bindgen (options)",
        ctx.cmd("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "waypoint",
            ])
            .arg("--out-dir")
            .arg(&options_glue)
            .arg(&options),
    )?;

    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    copy_dir(&root.join("extension"), &dist)?;
    // The panel's sheet ships minified, as data (see `write_data`).
    std::fs::remove_file(dist.join("panel.css"))?;
    std::fs::copy(root.join("manifest.json"), dist.join("manifest.json"))?;
    let (pkg, pkgjs) = (dist.join("pkg"), dist.join("pkgjs"));
    let pkg_options = dist.join("pkg-options");
    std::fs::create_dir_all(&pkg)?;
    std::fs::create_dir_all(&pkgjs)?;
    std::fs::create_dir_all(&pkg_options)?;

    std::fs::copy(web.join("waypoint.js"), pkg.join("waypoint.js"))?;
    std::fs::copy(
        options_glue.join("waypoint.js"),
        pkg_options.join("waypoint.js"),
    )?;
    // JS the Rust code imports (`#[wasm_bindgen(module = ...)]`), next to each glue.
    for (glue, out) in [(&web, &pkg), (&js, &pkgjs), (&options_glue, &pkg_options)] {
        if glue.join("snippets").exists() {
            copy_dir(&glue.join("snippets"), &out.join("snippets"))?;
        }
    }
    // After -Oz, flattening the code, running binaryen's relooper on it again, merging
    // blocks and folding identical code tails finds smaller control flow: 1.3 kB less
    // gzipped (measured on this module), for about 25 s more build. A last -Oz after the
    // folding finds a little more: 0.4 kB less (December 2026), for about 10 s. Before all of
    // it, functions that differ only in constants are merged into one taking them as
    // arguments (`--merge-similar-functions`, not part of -Oz): 1.6 kB less gzipped (measured
    // 2026-12-05); after -Oz it finds nothing, the functions no longer being alike.
    wasm_opt(
        ctx,
        "wasm-opt",
        &[
            &[
                "--merge-similar-functions",
                "-Oz",
                "--converge",
                "--flatten",
                "--rereloop",
                "--merge-blocks",
            ],
            &["-Oz", "--converge", "--code-folding", "-Oz", "-Oz"],
            keep_names,
        ],
        &web.join("waypoint_bg.wasm"),
        &pkg.join("waypoint_bg.wasm"),
    )?;
    // The settings page's module: opened now and then, on the extension's own page, so the
    // optimizer's plain -Oz.
    wasm_opt(
        ctx,
        "wasm-opt (options)",
        &[&["-Oz"], keep_names],
        &options_glue.join("waypoint_bg.wasm"),
        &pkg_options.join("waypoint_bg.wasm"),
    )?;
    if !names {
        for dir in [&pkg, &pkg_options] {
            short_imports(
                &dir.join("waypoint_bg.wasm"),
                &dir.join("waypoint.js"),
                |name| format!("\n        {name}: function("),
            )?;
        }
    }

    // wasm2js translates only stores of natural alignment (it asserts otherwise), and both
    // LLVM and binaryen's optimizer turn a small `memory.copy` into one unaligned load and
    // store: the module is optimized first, then its unaligned accesses are split into aligned
    // ones, last, so that wasm2js's own optimizer finds none to make. wasm2js cannot translate
    // a saturating conversion to i64 either: those are lowered back to MVP code (with the
    // same results) for the translation only.
    let aligned = js.join("waypoint_bg.aligned.wasm");
    wasm_opt(
        ctx,
        "wasm-opt (alignment lowering)",
        &[
            &[
                "--llvm-nontrapping-fptoint-lowering",
                "-Oz",
                "--converge",
                "--alignment-lowering",
            ],
            keep_names,
        ],
        &js.join("waypoint_bg.wasm"),
        &aligned,
    )?;
    // The same short import names for the translation: its glue exports each import as a
    // function, and wasm2js names them as the module's import section does.
    std::fs::copy(js.join("waypoint_bg.js"), pkgjs.join("waypoint_bg.js"))?;
    if !names {
        short_imports(&aligned, &pkgjs.join("waypoint_bg.js"), |name| {
            format!("\nexport function {name}(")
        })?;
    }
    let translated = pkgjs.join("waypoint_bg.wasm.js");
    ctx.run(
        "wasm2js",
        ctx.cmd("wasm2js")
            .arg("-Oz")
            .args(keep_names)
            .args(FEATURES)
            .arg(&aligned)
            .arg("-o")
            .arg(&translated),
    )?;
    patch(&translated, GROW_FROM, GROW_TO, "wasm2js memory growth")?;
    patch(
        &translated,
        GROWN_FROM,
        GROWN_TO,
        "wasm2js memory growth's end",
    )?;
    patch(&translated, SIZE_FROM, SIZE_TO, "wasm2js memory size")?;
    patch(&translated, BASE64_FROM, BASE64_TO, "wasm2js data decoding")?;
    make_room(&translated)?;
    if !names {
        minify(ctx, &[&translated, &pkgjs.join("waypoint_bg.js")])?;
    }
    std::fs::copy(js.join("waypoint.js"), pkgjs.join("waypoint.js"))?;
    patch(
        &pkgjs.join("waypoint.js"),
        r#"from "./waypoint_bg.wasm";"#,
        r#"from "./waypoint_bg.wasm.js";"#,
        "bundler glue import",
    )?;

    write_data(root, &dist)?;

    let zip = root.join(format!("target/waypoint-{version}.zip"));
    write_zip(&dist, &zip)?;
    report(root, &dist, &zip, purpose)
}

/// `wasm-opt` with the features the module uses and `args`, from `input` to `output`.
///
/// With `--low-memory-unused`, binaryen folds a constant below 1,024 added to an address into
/// the load's or store's offset. The two differ only when the addition wraps past 4 GiB to an
/// address below 1,024, and no address of this module does: its data starts at 1 MiB, and its
/// 1 MiB stack grows down from there (only a stack overflowing all of it would wrap; it
/// would then trap instead of writing over low memory). 1.9 kB less gzipped (measured on
/// this module, December 2026).
fn wasm_opt(ctx: &Ctx, what: &str, args: &[&[&str]], input: &Path, output: &Path) -> Result<()> {
    ctx.run(
        what,
        ctx.cmd("wasm-opt")
            .arg("--low-memory-unused")
            .args(args.concat())
            .args(FEATURES)
            .arg(input)
            .arg("-o")
            .arg(output),
    )
}

/// `cargo build --release --lib` for wasm32 in `target/wasm`: the module (with
/// WAYPOINT_NAMES=1 unstripped, its target-features section removed so that wasm-bindgen
/// emits no reference types, which wasm2js cannot translate).
fn module_build(ctx: &Ctx, names: bool, feature: &str) -> Result<PathBuf> {
    // On top of the MVP, sign extension and saturating float-to-int conversion (Chromium 75;
    // the manifest asks for 116, and wasm2js translates both): an `as` cast from a float is
    // one `trunc_sat` instruction instead of LLVM's range checks around a trapping one, with
    // the same results. 749 bytes less gzipped (measured on this module, December 2026).
    let rustflags =
        "-C target-cpu=mvp -C target-feature=+bulk-memory,+sign-ext,+nontrapping-fptoint";
    println!("\n==> cargo build (wasm32, release, --features {feature}, {rustflags})");
    // A panic's location names its source file, and a dependency's file is named by its place
    // in this machine's cargo registry ("/root/.cargo/registry/src/index.crates.io-…/"): said
    // from the crate's own folder, the module does not carry the machine's paths, and is
    // 107 bytes smaller gzipped (December 2026). (The standard library's files are named
    // "/rustc/<commit>/library/…" when it was built; a remap here does not reach them.)
    // Passed one flag apart from the next (`CARGO_ENCODED_RUSTFLAGS`), so a path may hold a space.
    let mut flags: Vec<String> = rustflags.split(' ').map(str::to_owned).collect();
    let registry = crate::setup::cargo_bin_dir()
        .with_file_name("registry")
        .join("src");
    for index in std::fs::read_dir(&registry).into_iter().flatten().flatten() {
        flags.push(format!("--remap-path-prefix={}=", index.path().display()));
    }
    let target_dir = ctx.root.join("target/wasm");
    ctx.run(
        "cargo build (wasm32)",
        ctx.cmd("cargo")
            .args(["build", "--release", "--lib", "--no-default-features"])
            .args(["--features", feature])
            .args(["--target", "wasm32-unknown-unknown", "--target-dir"])
            .arg(&target_dir)
            .env_remove("RUSTFLAGS")
            .env("CARGO_ENCODED_RUSTFLAGS", flags.join("\x1f"))
            .env(
                "CARGO_PROFILE_RELEASE_STRIP",
                if names { "false" } else { "true" },
            ),
    )?;
    // Each build writes the same file: kept under the feature's name before the next.
    let built = target_dir.join("wasm32-unknown-unknown/release/waypoint.wasm");
    let stem = feature.replace(',', "-");
    let module = target_dir.join(format!("waypoint-{stem}.wasm"));
    std::fs::copy(&built, &module)?;
    if !names {
        return Ok(module);
    }
    // Unstripped, the module keeps its `target_features` section, from which wasm-bindgen
    // would take reference types: the section goes, the names stay.
    let named = target_dir.join(format!("waypoint-{stem}-named.wasm"));
    wasm_opt(
        ctx,
        "wasm-opt (names)",
        &[&["-g", "--strip-target-features", "--strip-dwarf"]],
        &module,
        &named,
    )?;
    Ok(named)
}

/// The data the module is handed at start instead of carrying it (the loaders import these
/// modules the way they import the module's glue, so it works under every site's CSP):
/// `dist/data/lexicon.js`, whose default export is the VADER lexicon file as a string, with the
/// lexicon's MIT license beside it; `dist/data/library.js`, the template library as the flat
/// text `core::library::flatten` writes; `dist/data/rules.js`, the analysis's phrase
/// rules; `dist/data/zones.js`, the time zone table as one string; and `dist/data/panel.js`,
/// the panel's style sheet (`extension/panel.css`, minified by `css::panel_sheet`).
fn write_data(root: &Path, dist: &Path) -> Result<()> {
    let source = root.join("src/core/analysis/data");
    let data = dist.join("data");
    std::fs::create_dir_all(&data)?;
    let lexicon = std::fs::read_to_string(source.join("vader_lexicon.tsv"))?;
    let module = format!(
        "// VADER sentiment lexicon (MIT, see LICENSE-vader.txt), handed to Waypoint at start.\n\
         export default {};\n",
        serde_json::to_string(&lexicon)?
    );
    std::fs::write(data.join("lexicon.js"), module)?;
    let library = waypoint::core::library::flatten(waypoint::core::library::built_in());
    let module = format!(
        "// Waypoint's reply templates, handed to the module at start (see core::library).\n\
         export default {};\n",
        serde_json::to_string(&library)?
    );
    std::fs::write(data.join("library.js"), module)?;
    let module = format!(
        "// Waypoint's phrase rules for reading the customer, handed to the module at start (see core::analysis::text).\n\
         export default {};\n",
        serde_json::to_string(&waypoint::core::analysis::text::rule_file())?
    );
    std::fs::write(data.join("rules.js"), module)?;
    let module = format!(
        "// IANA time zones and their POSIX rules (tzdata, public domain), handed to Waypoint at start (see core::sla::tz).\n\
         export default {};\n",
        serde_json::to_string(waypoint::core::sla::tz_table::ZONES)?
    );
    std::fs::write(data.join("zones.js"), module)?;
    let sheet =
        crate::css::panel_sheet(&std::fs::read_to_string(root.join("extension/panel.css"))?)?;
    let module = format!(
        "// The panel's style sheet (extension/panel.css, minified), handed to Waypoint at start.\n\
         export default {};\n",
        serde_json::to_string(&sheet)?
    );
    std::fs::write(data.join("panel.js"), module)?;
    std::fs::copy(
        source.join("LICENSE-vader.txt"),
        data.join("LICENSE-vader.txt"),
    )?;
    Ok(())
}

/// Checks manifest.json against Cargo.toml and returns the version.
fn check_manifest(root: &Path) -> Result<String> {
    let text = std::fs::read_to_string(root.join("manifest.json"))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("manifest.json is not valid JSON: {e}"))?;
    let version = manifest["version"]
        .as_str()
        .ok_or("manifest.json has no version")?
        .to_owned();
    let cargo = std::fs::read_to_string(root.join("Cargo.toml"))?;
    let crate_version = cargo
        .lines()
        .find_map(|l| l.strip_prefix("version = "))
        .map(|v| v.trim_matches('"'))
        .ok_or("Cargo.toml has no version")?;
    if crate_version != version {
        return Err(Failure(format!(
            "manifest.json says version {version} but Cargo.toml says {crate_version}: make them equal"
        )));
    }
    Ok(version)
}

/// Has the translation's memory buffer made with [`ROOM_BYTES`] of room, its initial size
/// (wasm2js writes it as a number) kept as `wpInitial`.
fn make_room(file: &Path) -> Result<()> {
    let text = std::fs::read_to_string(file)?;
    let found = || {
        Failure(format!(
            "wasm2js memory buffer: `{}<bytes>);` was not found exactly once in {}",
            BUFFER_FROM.trim(),
            file.display()
        ))
    };
    if text.matches(BUFFER_FROM).count() != 1 {
        return Err(found());
    }
    let at = text.find(BUFFER_FROM).ok_or_else(found)? + BUFFER_FROM.len();
    let digits = text[at..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !text[at + digits..].starts_with(");") {
        return Err(found());
    }
    let initial = &text[at..at + digits];
    let made = format!(
        " var wpInitial = {initial};\n var buffer = new ArrayBuffer(Math.max(wpInitial, {ROOM_BYTES}));"
    );
    let start = at - BUFFER_FROM.len();
    let end = at + digits + 2;
    std::fs::write(file, format!("{}{made}{}", &text[..start], &text[end..]))?;
    Ok(())
}

/// Minifies each of `files` in place with esbuild (white space, local names, shorter
/// syntax; imports and exports keep their names). wasm2js writes readable JS: indented,
/// with names such as `$2_1`; minified, the translation is about 28 % smaller gzipped
/// (567 → 410 kB, measured on this module in December 2026), with the same code.
fn minify(ctx: &Ctx, files: &[&Path]) -> Result<()> {
    for file in files {
        ctx.run(
            "esbuild (minifying the JS translation)",
            ctx.cmd("esbuild")
                .arg(file)
                .args(["--minify", "--format=esm", "--log-level=warning"])
                .arg("--allow-overwrite")
                .arg(format!("--outfile={}", file.display())),
        )?;
    }
    Ok(())
}

fn patch(file: &Path, from: &str, to: &str, what: &str) -> Result<()> {
    let text = std::fs::read_to_string(file)?;
    if text.matches(from).count() != 1 {
        return Err(Failure(format!(
            "{what}: the expected code was not found exactly once in {} (did binaryen or \
             wasm-bindgen change their output?)",
            file.display()
        )));
    }
    std::fs::write(file, text.replacen(from, to, 1))?;
    Ok(())
}

/// The glue's import names, one of each of its JS functions: `__wbg_querySelector_` and a
/// 16-digit hash for most, 7 kB that gzip cannot shrink much. Each becomes a short name
/// ("a", "b", … "ba", …) in the module's import section and in the glue, where each must be
/// defined as `key` gives it, and named, exactly once (else the build stops, naming it):
/// 4.3 kB less gzipped for the wasm (measured 2026-12-05).
fn short_imports(wasm: &Path, glue: &Path, key: impl Fn(&str) -> String) -> Result<()> {
    const GLUE_MODULE: &[u8] = b"./waypoint_bg.js";
    let bytes = std::fs::read(wasm)?;
    let mut js = std::fs::read_to_string(glue)?;
    let leb = |b: &[u8], i: &mut usize| -> Result<u32> {
        let (mut v, mut shift) = (0u32, 0);
        loop {
            let byte = *b.get(*i).ok_or_else(|| Failure("wasm: truncated".into()))?;
            *i += 1;
            v |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(v);
            }
            shift += 7;
        }
    };
    let put = |out: &mut Vec<u8>, mut v: u32| loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    };
    let short = |mut n: usize| {
        let letters = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let mut s = vec![letters[n % 52]];
        n /= 52;
        while n > 0 {
            s.push(letters[n % 52]);
            n /= 52;
        }
        String::from_utf8(s).unwrap_or_default()
    };
    let mut out = bytes[..8].to_vec();
    let mut i = 8;
    let mut renamed = 0;
    while i < bytes.len() {
        let id = bytes[i];
        i += 1;
        let size = leb(&bytes, &mut i)? as usize;
        let body = &bytes[i..i + size];
        i += size;
        if id != 2 {
            out.push(id);
            put(&mut out, size as u32);
            out.extend_from_slice(body);
            continue;
        }
        let mut section = Vec::new();
        let mut j = 0;
        let count = leb(body, &mut j)?;
        put(&mut section, count);
        for _ in 0..count {
            let len = leb(body, &mut j)? as usize;
            let module = &body[j..j + len];
            j += len;
            let len = leb(body, &mut j)? as usize;
            let field = std::str::from_utf8(&body[j..j + len])?.to_owned();
            j += len;
            // The import's kind and type, as they are.
            let start = j;
            match body[j] {
                0 => {
                    j += 1;
                    leb(body, &mut j)?;
                }
                kind => return Err(Failure(format!("wasm: an import of kind {kind} ({field})"))),
            }
            let name = if module == GLUE_MODULE {
                let new = short(renamed);
                renamed += 1;
                let old = key(&field);
                if js.matches(&old).count() != 1 || js.matches(field.as_str()).count() != 1 {
                    return Err(Failure(format!(
                        "the glue does not define the import {field} once as expected"
                    )));
                }
                js = js.replacen(&old, &key(&new), 1);
                new
            } else {
                field
            };
            put(&mut section, module.len() as u32);
            section.extend_from_slice(module);
            put(&mut section, name.len() as u32);
            section.extend_from_slice(name.as_bytes());
            section.extend_from_slice(&body[start..j]);
        }
        out.push(id);
        put(&mut out, section.len() as u32);
        out.extend_from_slice(&section);
    }
    std::fs::write(wasm, out)?;
    std::fs::write(glue, js)?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), dest)?;
        }
    }
    Ok(())
}

fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The zip a store would take: dist/ without the development `key` (it pins the extension id
/// for unpacked loads; stores assign their own).
fn write_zip(dist: &Path, zip_path: &Path) -> Result<()> {
    let file = std::fs::File::create(zip_path)?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for path in files(dist)? {
        let name = path
            .strip_prefix(dist)?
            .to_string_lossy()
            .replace('\\', "/");
        let mut bytes = std::fs::read(&path)?;
        if name == "manifest.json" {
            let mut m: serde_json::Value = serde_json::from_slice(&bytes)?;
            if let Some(obj) = m.as_object_mut() {
                obj.remove("key");
            }
            bytes = serde_json::to_vec_pretty(&m)?;
        }
        zip.start_file(name, options)?;
        zip.write_all(&bytes)?;
    }
    zip.finish()?;
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?.len() as u64)
}

/// Kilobytes of 1,000 bytes, as the budgets are read.
fn kb(n: u64) -> String {
    format!("{:.1} kB", n as f64 / 1000.0)
}

fn report(root: &Path, dist: &Path, zip: &Path, purpose: Purpose) -> Result<()> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| Failure(format!("{}: {e}", p.display())));
    let wasm = read(&dist.join("pkg/waypoint_bg.wasm"))?;
    let glue = read(&dist.join("pkg/waypoint.js"))?;
    let options = read(&dist.join("pkg-options/waypoint_bg.wasm"))?;
    let options_gz = gzip_len(&options)?;
    let mut js = read(&dist.join("pkgjs/waypoint_bg.wasm.js"))?;
    js.extend(read(&dist.join("pkgjs/waypoint_bg.js"))?);
    js.extend(read(&dist.join("pkgjs/waypoint.js"))?);
    let snippets = dist.join("pkgjs/snippets");
    if snippets.exists() {
        for p in files(&snippets)? {
            js.extend(read(&p)?);
        }
    }
    let zip_len = std::fs::metadata(zip)?.len();
    let dist_len: u64 = files(dist)?
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();

    let (wasm_gz, js_gz) = (gzip_len(&wasm)?, gzip_len(&js)?);
    println!("\nWaypoint build sizes (gzip -9 as the budget measures it):");
    println!(
        "  {:<34} {:>11} {:>11} {:>12}",
        "artefact", "raw", "gzipped", "budget"
    );
    let row = |name: &str, raw: u64, gz: Option<u64>, budget: Option<u64>| {
        println!(
            "  {:<34} {:>11} {:>11} {:>12}",
            name,
            kb(raw),
            gz.map(kb).unwrap_or_default(),
            budget.map(|b| format!("≤ {}", kb(b))).unwrap_or_default()
        );
    };
    row(
        "wasm (pkg/waypoint_bg.wasm)",
        wasm.len() as u64,
        Some(wasm_gz),
        Some(WASM_GZ_BUDGET),
    );
    row(
        "wasm, settings page (pkg-options/)",
        options.len() as u64,
        Some(options_gz),
        Some(WASM_GZ_BUDGET),
    );
    row(
        "wasm glue (pkg/waypoint.js)",
        glue.len() as u64,
        Some(gzip_len(&glue)?),
        None,
    );
    row(
        "JS translation (pkgjs/**, wasm2js)",
        js.len() as u64,
        Some(js_gz),
        Some(JS_GZ_BUDGET),
    );
    row("dist/ unpacked, all files", dist_len, None, None);
    let zip_name = zip.strip_prefix(root).unwrap_or(zip).display().to_string();
    row(&zip_name, zip_len, None, Some(ZIP_BUDGET));

    let mut over = Vec::new();
    if wasm_gz > WASM_GZ_BUDGET {
        over.push("wasm");
    }
    if options_gz > WASM_GZ_BUDGET {
        over.push("wasm of the settings page");
    }
    if js_gz > JS_GZ_BUDGET {
        over.push("JS translation");
    }
    if zip_len > ZIP_BUDGET {
        over.push("zip");
    }
    if over.is_empty() {
        println!("  all within budget; unpacked extension in dist/");
        Ok(())
    } else if purpose == Purpose::Bench {
        println!(
            "  the benchmark's build, over budget: {} (the budgets hold for the shipping build, \
             `cargo xtask build`)",
            over.join(", ")
        );
        Ok(())
    } else {
        Err(Failure(format!("over budget: {}", over.join(", "))))
    }
}

#[cfg(test)]
mod tests {
    use super::short_imports;

    /// A module importing `names` from the glue (a type section, then the imports).
    fn module(names: &[&str]) -> Vec<u8> {
        let mut imports = vec![names.len() as u8];
        for n in names {
            imports.push(16);
            imports.extend_from_slice(b"./waypoint_bg.js");
            imports.push(n.len() as u8);
            imports.extend_from_slice(n.as_bytes());
            imports.extend_from_slice(&[0, 0]);
        }
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        m.push(2);
        m.push(imports.len() as u8);
        m.extend_from_slice(&imports);
        m
    }

    fn glue(names: &[&str]) -> String {
        let keys: String = names
            .iter()
            .map(|n| format!("\n        {n}: function(arg0) {{ return arg0; }},"))
            .collect();
        format!("const import0 = {{{keys}\n}};\n")
    }

    #[test]
    fn imports_get_short_names_in_the_module_and_the_glue_alike() {
        let dir = std::env::temp_dir().join(format!("wp-short-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (wasm, js) = (dir.join("m.wasm"), dir.join("m.js"));
        let names = [
            "__wbg_querySelector_0123456789abcdef",
            "__wbindgen_object_drop_ref",
        ];
        std::fs::write(&wasm, module(&names)).unwrap();
        std::fs::write(&js, glue(&names)).unwrap();
        let key = |n: &str| format!("\n        {n}: function(");
        short_imports(&wasm, &js, key).unwrap();
        assert_eq!(std::fs::read(&wasm).unwrap(), module(&["a", "b"]));
        assert_eq!(std::fs::read_to_string(&js).unwrap(), glue(&["a", "b"]));
        // A glue that does not define an import as expected stops the build, naming it.
        std::fs::write(&wasm, module(&names)).unwrap();
        std::fs::write(&js, glue(&names[..1])).unwrap();
        let e = short_imports(&wasm, &js, key).unwrap_err();
        assert!(e.0.contains("__wbindgen_object_drop_ref"), "{}", e.0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
