//! Installs what the build and the tests need on first use, and skips what is present.

use crate::{Ctx, Failure, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Where `cargo install` puts binaries: `$CARGO_HOME/bin`, or `~/.cargo/bin`.
pub fn cargo_bin_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    PathBuf::from(home).join(".cargo/bin")
}

pub fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

pub fn chromedriver_path() -> PathBuf {
    std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"))
}

/// Output of a command, or `None` if it cannot run or fails.
fn output(c: &mut Command) -> Option<String> {
    let out = c.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0")
}

fn have_apt() -> bool {
    Path::new("/usr/bin/apt-get").exists()
}

/// Installs Debian packages as root, or explains what to install.
fn apt_install(ctx: &Ctx, packages: &[&str], why: &str) -> Result<()> {
    if !(is_root() && have_apt()) {
        return Err(Failure(format!(
            "{why} is missing. Install it with:\n    sudo apt-get install {}\n(or point the \
             CHROMIUM / CHROMEDRIVER environment variables at your own copies)",
            packages.join(" ")
        )));
    }
    println!(
        "==> installing {} (apt-get, first use only)",
        packages.join(" ")
    );
    ctx.run(
        "apt-get update",
        ctx.cmd("apt-get")
            .args(["update", "-qq"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    ctx.run(
        "apt-get install",
        ctx.cmd("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// The wasm32 target of the active Rust toolchain.
pub fn wasm_target(ctx: &Ctx) -> Result<()> {
    let installed = output(ctx.cmd("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => Ok(()),
        Some(_) => {
            println!("==> adding the {WASM_TARGET} target (rustup, first use only)");
            ctx.run(
                "rustup target add",
                ctx.cmd("rustup").args(["target", "add", WASM_TARGET]),
            )
        }
        None => {
            // No rustup: accept a toolchain that already has the target's standard library.
            let sysroot = output(ctx.cmd("rustc").args(["--print", "sysroot"])).unwrap_or_default();
            let lib = Path::new(sysroot.trim())
                .join("lib/rustlib")
                .join(WASM_TARGET);
            if lib.exists() {
                Ok(())
            } else {
                Err(Failure(format!(
                    "the Rust target {WASM_TARGET} is missing and rustup is not available to add it"
                )))
            }
        }
    }
}

/// The version of the `wasm-bindgen` crate locked in Cargo.lock.
pub fn locked_wasm_bindgen(ctx: &Ctx) -> Result<String> {
    let lock = std::fs::read_to_string(ctx.root.join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == r#"name = "wasm-bindgen""# {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_owned());
            }
        }
    }
    Err(Failure("Cargo.lock has no wasm-bindgen package".into()))
}

/// The wasm-bindgen CLI (and its test runner) of exactly the crate's version.
pub fn wasm_bindgen(ctx: &Ctx) -> Result<()> {
    let want = locked_wasm_bindgen(ctx)?;
    let have = output(ctx.cmd("wasm-bindgen").arg("--version"));
    let runner = output(ctx.cmd("wasm-bindgen-test-runner").arg("--version"));
    let matches = |v: &Option<String>| {
        v.as_deref()
            .is_some_and(|s| s.split_whitespace().nth(1) == Some(&want))
    };
    if matches(&have) && matches(&runner) {
        return Ok(());
    }
    println!(
        "==> installing wasm-bindgen-cli {want} (cargo install, first use only; a few minutes){}",
        have.map(|h| format!(": found {}", h.trim()))
            .unwrap_or_default()
    );
    // No --locked: the registry mirror lacks a version the CLI's own lock file names, and
    // resolving afresh builds fine (research/toolchain.md, P3).
    ctx.run(
        "cargo install wasm-bindgen-cli",
        ctx.cmd("cargo")
            .args(["install", "wasm-bindgen-cli", "--force", "--version"])
            .arg(format!("={want}")),
    )
}

/// Node.js and npm, from Debian when missing and running as root.
fn node(ctx: &Ctx) -> Result<()> {
    let node = output(ctx.cmd("node").arg("--version"));
    let npm = output(ctx.cmd("npm").arg("--version"));
    if node.is_some() && npm.is_some() {
        return Ok(());
    }
    apt_install(ctx, &["nodejs", "npm"], "Node.js with npm")
}

/// The npm packages of package-lock.json (binaryen's wasm-opt and wasm2js, esbuild,
/// playwright-core). A stamp holding the lock file's content marks an install as current.
pub fn npm_packages(ctx: &Ctx) -> Result<()> {
    node(ctx)?;
    let lock = std::fs::read(ctx.root.join("package-lock.json"))
        .map_err(|e| format!("package-lock.json: {e}"))?;
    let stamp = ctx.root.join("node_modules/.waypoint-lock");
    let tools_present = ["wasm-opt", "wasm2js", "esbuild"]
        .iter()
        .all(|t| ctx.root.join("node_modules/.bin").join(t).exists())
        && ctx.root.join("node_modules/playwright-core").exists();
    if tools_present && std::fs::read(&stamp).ok().as_deref() == Some(&lock[..]) {
        return Ok(());
    }
    println!("==> installing npm packages from package-lock.json (npm ci)");
    ctx.run(
        "npm ci",
        ctx.cmd("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]),
    )?;
    std::fs::write(&stamp, &lock)?;
    Ok(())
}

/// Debian's chromium and chromium-driver (never a browser downloaded by a test tool).
pub fn chromium(ctx: &Ctx) -> Result<()> {
    npm_packages(ctx)?;
    let browser = chromium_path();
    let driver = chromedriver_path();
    if browser.exists() && driver.exists() {
        return Ok(());
    }
    apt_install(
        ctx,
        &["chromium", "chromium-driver"],
        "Chromium with its driver",
    )?;
    if browser.exists() && driver.exists() {
        Ok(())
    } else {
        Err(Failure(format!(
            "installed chromium, but {} or {} is still missing",
            browser.display(),
            driver.display()
        )))
    }
}
