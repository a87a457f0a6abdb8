//! `waypoint`: the core on the command line.

mod analyze;
mod check;
mod sla;

use std::process::ExitCode;
use waypoint::core::{route, VERSION};

const USAGE: &str = "\
waypoint — social customer care, on the command line

USAGE:
    waypoint route <URL>...    say which site and surface each page URL is (JSON lines)
    waypoint sla FILE.csv      reply times of twcs threads against SLA targets (sla --help)
    waypoint analyze FILE.csv  scenario, emotions, language and suggested templates of each
                               customer tweet; accuracy against labels (analyze --help)
    waypoint check FILE.csv    the pre-send checklist on every brand reply (check --help)
    waypoint --version         print the version
    waypoint --help            print this help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("-V" | "--version") => {
            println!("waypoint {VERSION}");
            ExitCode::SUCCESS
        }
        Some("route") if args.len() > 1 => {
            let mut ok = true;
            for url in &args[1..] {
                match route::classify(url) {
                    Some(r) => println!("{}", serde_json::to_string(&r).expect("route serializes")),
                    None => {
                        eprintln!("waypoint: {url}: not a page Waypoint runs on");
                        ok = false;
                    }
                }
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some("sla") if matches!(args.get(1).map(String::as_str), Some("-h" | "--help")) => {
            print!("{}", sla::USAGE);
            ExitCode::SUCCESS
        }
        Some("sla") => sla::run(&args[1..]),
        Some("analyze") if matches!(args.get(1).map(String::as_str), Some("-h" | "--help")) => {
            print!("{}", analyze::USAGE);
            ExitCode::SUCCESS
        }
        Some("analyze") => analyze::run(&args[1..]),
        Some("check") if matches!(args.get(1).map(String::as_str), Some("-h" | "--help")) => {
            print!("{}", check::USAGE);
            ExitCode::SUCCESS
        }
        Some("check") => check::run(&args[1..]),
        Some(other) => {
            eprintln!("waypoint: unknown or incomplete command '{other}'\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
