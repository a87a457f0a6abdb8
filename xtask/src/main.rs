//! Waypoint's task runner: the two commands of the README, and the build they share.
//!
//! ```text
//! cargo xtask run     build the extension, then open Chromium with it on the practice page
//! cargo xtask test    every check and test: fmt, clippy, native, browser (wasm), end to end
//! cargo xtask build   only build dist/ and the versioned zip, printing the sizes
//! ```
//!
//! Each command first installs what it needs and skips what is present: the wasm32 target,
//! the wasm-bindgen CLI of exactly the version in Cargo.lock, the npm packages of
//! package-lock.json, and Debian's chromium and chromium-driver.

mod build;
mod css;
mod setup;

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

const USAGE: &str = "\
cargo xtask <command>

  run [--headless]   build the extension and open Chromium with it on the practice page
                     (headless when there is no display: writes a screenshot, prints its path)
  test               run every check and test (what CI runs)
  build              build dist/ and target/waypoint-<version>.zip, print the sizes
  bench              build (with the benchmark's entry points), then measure speed and
                     memory in Chromium against the budgets
";

/// A failure that ends the command, with what to do about it.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

pub type Result<T, E = Failure> = std::result::Result<T, E>;

/// Paths and the environment every step shares.
pub struct Ctx {
    pub root: PathBuf,
    /// PATH with cargo's bin directory and node_modules/.bin in front.
    pub path: OsString,
}

impl Ctx {
    fn new() -> Result<Ctx> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .ok_or("xtask is not inside the repository")?
            .to_path_buf();
        let mut dirs = vec![root.join("node_modules/.bin"), setup::cargo_bin_dir()];
        if let Some(p) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&p));
        }
        let path = std::env::join_paths(dirs)?;
        Ok(Ctx { root, path })
    }

    /// A command run from the repository root with our PATH.
    pub fn cmd(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.current_dir(&self.root).env("PATH", &self.path);
        c
    }

    /// Runs `c`, failing with `what` if it does not succeed.
    pub fn run(&self, what: &str, c: &mut Command) -> Result<()> {
        let status = c
            .status()
            .map_err(|e| format!("{what}: could not start {:?}: {e}", c.get_program()))?;
        if status.success() {
            Ok(())
        } else {
            Err(Failure(format!("{what} failed ({status})")))
        }
    }

    /// Runs `c`, echoing its output line by line while counting test results in it.
    pub fn run_counted(&self, what: &str, c: &mut Command, tally: &mut Tally) -> Result<()> {
        c.stdout(Stdio::piped()).stderr(Stdio::inherit());
        let mut child = c
            .spawn()
            .map_err(|e| format!("{what}: could not start {:?}: {e}", c.get_program()))?;
        let before = (tally.passed, tally.failed);
        if let Some(out) = child.stdout.take() {
            let stdout = std::io::stdout();
            for line in BufReader::new(out).lines() {
                let line = line?;
                tally.scan(&line);
                let mut lock = stdout.lock();
                let _ = writeln!(lock, "{line}");
            }
        }
        let status = child.wait()?;
        if status.success() {
            Ok(())
        } else {
            if tally.failed == before.1 {
                // It failed without saying which test: count the step itself.
                tally.failed += 1;
            }
            Err(Failure(format!("{what} failed ({status})")))
        }
    }
}

/// Test counts gathered from the runners' own summary lines.
#[derive(Default, Debug)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl Tally {
    /// Reads `test result: ok. 8 passed; 0 failed; …` (cargo test and wasm-bindgen-test) and
    /// `ℹ pass 9` / `ℹ fail 0` (node --test, spec reporter).
    fn scan(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split(';') {
                let words: Vec<&str> = part.split_whitespace().collect();
                if let [.., n, kind] = words.as_slice() {
                    let n: u64 = n.parse().unwrap_or(0);
                    match *kind {
                        "passed" => self.passed += n,
                        "failed" => self.failed += n,
                        _ => {}
                    }
                }
            }
        } else if let Some(rest) = line.strip_prefix("ℹ pass ") {
            self.passed += rest.trim().parse().unwrap_or(0);
        } else if let Some(rest) = line.strip_prefix("ℹ fail ") {
            self.failed += rest.trim().parse().unwrap_or(0);
        }
    }
}

fn step(name: &str) {
    println!("\n==> {name}");
}

fn test(ctx: &Ctx) -> Result<()> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let result = test_steps(ctx, &mut tally);
    println!(
        "\nwaypoint: the whole suite took {:.0} s",
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = &result {
        println!("waypoint: FAILED: {}", e.0);
        if tally.failed == 0 {
            tally.failed = 1;
        }
    }
    // The plain closing line CI reads.
    println!("tests: {} passed, {} failed", tally.passed, tally.failed);
    result
}

fn test_steps(ctx: &Ctx, tally: &mut Tally) -> Result<()> {
    setup::wasm_target(ctx)?;
    step("cargo fmt --check");
    ctx.run(
        "cargo fmt",
        ctx.cmd("cargo").args(["fmt", "--all", "--check"]),
    )?;

    step("cargo clippy (native, then wasm32)");
    ctx.run(
        "clippy (native)",
        ctx.cmd("cargo")
            .args(["clippy", "--workspace", "--all-targets", "--"])
            .args(["-D", "warnings"]),
    )?;
    ctx.run(
        "clippy (wasm32)",
        ctx.cmd("cargo")
            .args(["clippy", "--target", "wasm32-unknown-unknown"])
            .args([
                "--no-default-features",
                "--features",
                "content,options,bench",
            ])
            .args(["--lib", "--tests", "--"])
            .args(["-D", "warnings"]),
    )?;

    step("native tests (cargo test)");
    ctx.run_counted(
        "native tests",
        ctx.cmd("cargo").args(["test", "--workspace"]),
        tally,
    )?;

    build::build(ctx, build::Purpose::Ship)?;

    setup::chromium(ctx)?;
    step("browser tests of the web code (wasm-bindgen-test in headless Chromium)");
    ctx.run_counted(
        "wasm-bindgen tests",
        ctx.cmd("cargo")
            .args(["test", "--target", "wasm32-unknown-unknown"])
            .args([
                "--no-default-features",
                "--features",
                "content,options",
                "--test",
                "web",
                "--test",
                "web_rules",
            ])
            .env("CHROMEDRIVER", setup::chromedriver_path())
            .env("WASM_BINDGEN_TEST_TIMEOUT", "180"),
        tally,
    )?;

    step("end-to-end tests (Playwright driving Chromium with dist/ loaded)");
    ctx.run_counted(
        "end-to-end tests",
        ctx.cmd("node")
            .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
            .arg("tests/e2e/")
            .env("WAYPOINT_DIST", ctx.root.join("dist"))
            .env("CHROMIUM", setup::chromium_path()),
        tally,
    )?;
    Ok(())
}

fn run(ctx: &Ctx, args: &[String]) -> Result<()> {
    build::build(ctx, build::Purpose::Ship)?;
    setup::chromium(ctx)?;
    let display = std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
        || std::env::var_os("WAYLAND_DISPLAY").is_some_and(|d| !d.is_empty());
    let headless = args.iter().any(|a| a == "--headless") || !display;
    step(if headless {
        "opening the practice page in headless Chromium (no display)"
    } else {
        "opening Chromium with Waypoint on the practice page (close the window to finish)"
    });
    ctx.run(
        "run",
        ctx.cmd("node")
            .arg("xtask/run.mjs")
            .arg(if headless { "--headless" } else { "--headed" })
            .env("WAYPOINT_DIST", ctx.root.join("dist"))
            .env("CHROMIUM", setup::chromium_path()),
    )
}

fn bench(ctx: &Ctx) -> Result<()> {
    // The benchmark's entry points are built into the content module for it alone.
    build::build(ctx, build::Purpose::Bench)?;
    setup::chromium(ctx)?;
    step("benchmark (figures against the budgets of DESIGN.md)");
    ctx.run(
        "benchmark",
        ctx.cmd("node")
            .arg("tests/bench/bench.mjs")
            .env("WAYPOINT_DIST", ctx.root.join("dist"))
            .env("CHROMIUM", setup::chromium_path()),
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ctx = match Ctx::new() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("xtask: {}", e.0);
            return ExitCode::FAILURE;
        }
    };
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&ctx, &args[1..]),
        Some("test") => test(&ctx),
        Some("build") => build::build(&ctx, build::Purpose::Ship),
        Some("bench") => bench(&ctx),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("xtask: unknown command '{other}'\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {}", e.0);
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn tally_reads_cargo_and_node_summaries() {
        let mut t = Tally::default();
        t.scan("test result: ok. 8 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s");
        t.scan("test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out");
        t.scan("ℹ pass 9");
        t.scan("ℹ fail 1");
        t.scan("running 3 tests");
        assert_eq!((t.passed, t.failed), (20, 3));
    }
}
