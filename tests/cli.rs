//! The command line through the built binary: toc, show, the REPL on piped stdin, progress, errors.
mod util;

use util::{atelier, atelier_in, root};

#[test]
fn toc_json_lists_anchors_questions_exercises() {
    let run = atelier().args(["toc", "43", "--json"]).run().code(0);
    let doc = run.json();
    assert_eq!(doc["anchors"].as_array().unwrap().len(), 9);
    assert_eq!(doc["questions"].as_array().unwrap().len(), 4);
    assert_eq!(doc["exercises"].as_array().unwrap().len(), 3);
    assert_eq!(doc["sections"][2]["anchor"], "pool-de-processus");
    let slug = atelier()
        .args(["toc", "multiprocessing", "--json"])
        .run()
        .code(0)
        .json();
    assert_eq!(slug["number"], 43);
}

#[test]
fn unknown_lesson_lists_the_lessons() {
    let run = atelier().args(["toc", "99"]).run().code(2);
    assert!(
        run.stderr().contains("43 (43-multiprocessing)"),
        "{}",
        run.stderr()
    );
    // Changed behaviour: the message was English in a French course; it follows the lesson's language.
    let run = atelier().args(["show", "44"]).run().code(2);
    assert!(run.stderr().contains("leçon `44` inconnue"), "{}", run.stderr());
    let run = atelier().args(["--lang", "en", "show", "44"]).run().code(2);
    assert!(run.stderr().contains("unknown lesson `44`"), "{}", run.stderr());
}

#[test]
fn show_section_plain_has_the_table_and_no_escape() {
    let run = atelier()
        .args(["show", "43#processus-vs-threads"])
        .env("NO_COLOR", "1")
        .run()
        .code(0);
    let out = run.stdout();
    assert!(out.contains("Caractéristique"), "{out}");
    assert!(out.contains("Cœurs CPU"));
    assert!(!out.contains('\x1b'));
    assert!(!out.contains("{#"));
    let run = atelier().args(["show", "43#nulle-part"]).run().code(2);
    assert!(
        run.stderr().contains("creation-de-processus"),
        "lists anchors: {}",
        run.stderr()
    );
}

#[test]
fn show_whole_lesson_folds_solutions() {
    let out = atelier().args(["show", "43"]).run().code(0).stdout();
    assert!(
        out.contains("« solution 1 »") && out.contains("« solution 3 »"),
        "{out}"
    );
    assert!(
        !out.contains("count_primes_in_chunk(data)"),
        "the solution stays folded"
    );
}

#[test]
fn scripted_session_from_the_issue() {
    let run = atelier()
        .stdin("toc\nnext\nnext\ngoto pool-de-processus\nsolution 1\nquit\n")
        .run()
        .code(0);
    let out = run.stdout();
    for expected in [
        "#processus-vs-threads",
        "§2 2. Création de processus",
        "§3 3. Pool de processus",
        "43 §3 › solution 1",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert!(
        out.contains("Pool(processes=4)"),
        "the solution of exercise 1 is shown"
    );
    assert!(out.contains("À bientôt"));
}

#[test]
fn progress_survives_and_resumes() {
    let run = atelier().stdin("goto 4\nquit\n").run().code(0);
    let progress = std::fs::read_to_string(run.home.path().join("data/atelier/progress.json")).unwrap();
    assert!(progress.contains("communication-inter-processus"));
    let again = atelier_in(run.home).stdin("quit\n").run().code(0);
    assert!(again.stdout().contains("Reprise"), "{}", again.stdout());
    assert!(again.stdout().contains("43 §4 › quit"));
    let summary = atelier_in(again.home).args(["progress"]).run().code(0);
    assert!(summary.stdout().contains("sections vues"), "{}", summary.stdout());
}

#[test]
fn corrupt_progress_is_set_aside() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("data/atelier")).unwrap();
    std::fs::write(home.path().join("data/atelier/progress.json"), "{ broken").unwrap();
    let run = atelier_in(home).stdin("quit\n").run().code(0);
    assert!(run.stdout().contains("corrupt"), "{}", run.stdout());
    // Said in the lesson's language, as the rest of the session.
    assert!(
        run.stdout().contains("fichier de progression corrompu"),
        "{}",
        run.stdout()
    );
    assert!(
        run.home
            .path()
            .join("data/atelier/progress.json.corrupt")
            .exists()
    );
}

#[test]
fn english_on_request() {
    let out = atelier()
        .args(["--lang", "en"])
        .stdin("nxet\nquit\n")
        .run()
        .code(0)
        .stdout();
    assert!(
        out.contains("Unknown command « nxet ». Did you mean « next » ?"),
        "{out}"
    );
    // The greeting comes from the English catalog whole (it used to keep French words).
    assert!(
        out.starts_with("atelier — type “help” for the commands, “quit” to leave; Enter: next section."),
        "{out}"
    );
    let out = atelier()
        .env("LANG", "en_US.UTF-8")
        .stdin("help\nquit\n")
        .run()
        .code(0)
        .stdout();
    assert!(out.contains("next section"), "{out}");
}

#[test]
fn reference_chapter_unchanged_loads_with_course() {
    let course = tempfile::tempdir().unwrap();
    std::fs::create_dir(course.path().join("lessons")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/lessons/reference-43.md"),
        course.path().join("lessons/chapter-43-multiprocessing.md"),
    )
    .unwrap();
    let run = atelier()
        .args(["--course".as_ref(), course.path().as_os_str(), "toc".as_ref()])
        .run()
        .code(0);
    let out = run.stdout();
    assert!(
        out.contains("#processus-vs-threads") && out.contains("#exercice-3-memoire-partagee"),
        "{out}"
    );
}

#[test]
fn broken_lesson_is_reported_with_file_and_line_and_others_load() {
    let course = tempfile::tempdir().unwrap();
    std::fs::create_dir(course.path().join("lessons")).unwrap();
    std::fs::write(
        course.path().join("lessons/01-ok.md"),
        "# Ok\n\n## Un {#un}\n\ntexte\n",
    )
    .unwrap();
    std::fs::write(
        course.path().join("lessons/02-bad.md"),
        "# Bad\n\n## A {#a}\n\n## B {#a}\n",
    )
    .unwrap();
    let run = atelier()
        .args(["--course".as_ref(), course.path().as_os_str(), "toc".as_ref()])
        .run()
        .code(2);
    assert!(
        run.stderr().contains("02-bad.md:5: duplicate anchor `a`"),
        "{}",
        run.stderr()
    );
    assert!(run.stdout().contains("#un"));
    let run = atelier()
        .args(["--course".as_ref(), course.path().as_os_str()])
        .stdin("quit\n")
        .run()
        .code(0);
    assert!(run.stderr().contains("02-bad.md:5"));
}

#[test]
fn closed_stdout_is_quiet() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["show", "43"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.code() == Some(0),
        "{:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn scripted_session_runs_the_section_demo() {
    let run = atelier()
        .stdin("goto creation-de-processus\ndemo\nquit\n")
        .run()
        .code(0);
    let out = run.stdout();
    assert!(out.contains("demo process"), "{out}");
    let demo = &out[out.find("demo process").unwrap()..];
    assert_eq!(
        demo.matches("333333283333335000000").count(),
        2,
        "both children's results: {demo}"
    );
    assert!(out.contains("main-guard"), "the section's other demo is named");
}

#[test]
fn scripted_session_runs_the_lesson_example() {
    let out = atelier().stdin("goto 3\nrun\nquit\n").run().code(0).stdout();
    assert!(
        out.contains("carré : 64"),
        "the Pool example ran with python3: {out}"
    );
    assert!(out.contains("◀ code de sortie 0"));
}

#[test]
fn scripted_exercise_check_and_hint() {
    let run = atelier().stdin("exercise 3\ncheck 3\nhint\nquit\n").run().code(0);
    let out = run.stdout();
    let starter = run.home.path().join("atelier-43.3/compteur.py");
    assert!(
        starter.is_file(),
        "the starter was written where the student works"
    );
    assert!(out.contains("atelier-43.3/compteur.py"), "{out}");
    assert!(out.contains('✗'), "the starter fails its checks: {out}");
    assert!(out.contains("💡"), "a hint: {out}");

    // The student completes it with the reference solution: the check passes and is recorded.
    let solution = root().join("exercises/43.3-memoire-partagee/solution.py");
    std::fs::copy(solution, &starter).unwrap();
    let run = util::atelier_in(run.home)
        .stdin("check 3\nprogress\nquit\n")
        .run()
        .code(0);
    let out = run.stdout();
    assert!(out.contains("Réussi"), "{out}");
    assert!(out.contains("exercices réussis 1/3"), "{out}");
}

#[test]
fn counter_in_the_repl_asks_for_a_prediction_first() {
    let out = atelier()
        .stdin("goto exercice-3-memoire-partagee\ndemo\n1000\nquit\n")
        .run()
        .code(0)
        .stdout();
    let asked = out.find("Quelle valeur finale").expect("asks for a prediction");
    let ran = out.find("run 1/20").expect("then 20 unlocked runs");
    assert!(asked < ran);
    assert!(out.contains("votre prédiction"), "compares the prediction: {out}");
    assert!(
        out.contains("valeur finale 1000 (0 mise(s) à jour perdue(s))"),
        "then the locked run: {out}"
    );
}

#[test]
fn color_flag_and_environment_decide_together() {
    let escapes = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = atelier().args(args);
        for (key, value) in env {
            cmd = cmd.env(key, value);
        }
        cmd.run().code(0).stdout().contains('\x1b')
    };
    // stdout is a pipe in every case here.
    assert!(
        escapes(&["--color", "always", "show", "43"], &[]),
        "--color always colours a pipe"
    );
    assert!(
        !escapes(&["--color", "never", "show", "43"], &[]),
        "--color never"
    );
    assert!(!escapes(&["show", "43"], &[]), "auto: no colour on a pipe");
    assert!(
        escapes(&["show", "43"], &[("CLICOLOR_FORCE", "1")]),
        "CLICOLOR_FORCE colours a pipe"
    );
    assert!(
        !escapes(&["show", "43"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins over CLICOLOR_FORCE"
    );
    assert!(
        !escapes(&["--color", "never", "show", "43"], &[("CLICOLOR_FORCE", "1")]),
        "the flag wins over the environment"
    );
    assert!(
        escapes(&["--color", "always", "show", "43"], &[("NO_COLOR", "1")]),
        "an explicit --color always wins over NO_COLOR"
    );
    let run = atelier()
        .args(["--color", "sometimes", "show", "43"])
        .run()
        .code(2);
    assert!(run.stderr().contains("possible values"), "{}", run.stderr());
}

#[test]
fn completions_for_each_shell() {
    let bash = atelier().args(["completions", "bash"]).run().code(0).stdout();
    assert!(
        bash.contains("_atelier()") && bash.contains("complete -F _atelier"),
        "{bash}"
    );
    assert!(
        bash.contains("gradebook") && bash.contains("--color"),
        "every command and flag"
    );
    let zsh = atelier().args(["completions", "zsh"]).run().code(0).stdout();
    assert!(zsh.starts_with("#compdef atelier"), "{zsh}");
    let fish = atelier().args(["completions", "fish"]).run().code(0).stdout();
    assert!(fish.contains("complete -c atelier"), "{fish}");
    let ps = atelier()
        .args(["completions", "powershell"])
        .run()
        .code(0)
        .stdout();
    assert!(ps.contains("Register-ArgumentCompleter"), "{ps}");
    atelier().args(["completions", "tcsh"]).run().code(2);
}

#[test]
fn man_page_is_roff() {
    let page = atelier().args(["man"]).run().code(0).stdout();
    assert!(page.starts_with(".TH atelier 1"), "{page}");
    assert!(
        page.contains(".SH NAME") && page.contains(".SH SUBCOMMANDS"),
        "{page}"
    );
    assert!(page.contains("completions") && page.contains("gradebook"));
}
