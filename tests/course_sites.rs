//! Courses in the layouts real course sites use (fixtures under tests/fixtures/sites/, written for
//! these tests): a Docusaurus `docs/` tree, and a folder with the problems instructors meet.
mod util;

use std::path::{Path, PathBuf};

use atelier::course::{Course, CourseFiles};
use atelier::i18n::Lang;
use atelier::render::{Style, render_lesson};
use util::{atelier, atelier_in, root};

fn site(name: &str) -> PathBuf {
    root().join("tests/fixtures/sites").join(name)
}

fn docs_tree() -> Course {
    Course::load(Some(&site("docs-tree"))).unwrap()
}

/// A copy of one lesson of the problems fixture alone in a course folder.
fn course_with(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    for file in files {
        std::fs::copy(
            site("problems").join("lessons").join(file),
            dir.path().join("lessons").join(file),
        )
        .unwrap();
    }
    dir
}

fn no_panic(run: &util::Run) {
    assert!(!run.stderr().contains("panicked"), "panic:\n{}", run.stderr());
}

#[test]
fn docs_tree_loads_in_sidebar_order_with_categories() {
    let course = docs_tree();
    assert!(course.problems.is_empty(), "{:?}", course.problems);
    let slugs: Vec<&str> = course.lessons.iter().map(|l| l.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "intro",
            "01-bases/variables",
            "01-bases/boucles",
            "02-avance/fonctions",
            "02-avance/classes",
            "03-projets/projet"
        ]
    );
    let projet = &course.lessons[5];
    assert_eq!(projet.title, "Un petit projet", "the frontmatter's title");
    let run = atelier()
        .args(["--course".as_ref(), site("docs-tree").as_os_str(), "toc".as_ref()])
        .run()
        .code(0);
    let out = run.stdout();
    let bases = out.find("▸ Les bases").expect(&out);
    let avance = out.find("▸ Avancé").expect(&out);
    let boucles = out.find("Boucles").expect(&out);
    assert!(bases < boucles && boucles < avance, "{out}");
    assert!(out.contains("\n  2 — Boucles  (01-bases/boucles)"), "{out}");
    assert!(
        out.contains("▸ Projets\n  1 — Un petit projet"),
        "a _category_.yml: {out}"
    );
    assert!(out.ends_with("6 leçons\n"), "{out}");
}

#[test]
fn lesson_in_the_repl_moves_between_chapters() {
    let run = atelier()
        .args(["--course".as_ref(), site("docs-tree").as_os_str()])
        .stdin("lesson next\nlesson\nlesson 01-bases/boucles\nquit\n")
        .run()
        .code(0);
    no_panic(&run);
    let out = run.stdout();
    assert!(out.contains("§1 Nommer une valeur"), "{out}");
    assert!(out.contains("› 1 — Variables et types"), "{out}");
    assert!(out.contains("§1 Deux façons de compter"), "{out}");
}

#[test]
fn mdx_and_docusaurus_blocks_are_rendered_not_raw() {
    let course = docs_tree();
    let lesson = &course.lessons[course.find_lesson("01-bases/boucles").unwrap()];
    let text = render_lesson(lesson, Lang::Fr, Style::plain(80));
    for raw in [":::", "import ", "<Tabs", "<TabItem", "</TabItem"] {
        assert!(!text.contains(raw), "`{raw}` shows raw:\n{text}");
    }
    assert!(text.contains("┌─ Onglet « Avec for »"), "{text}");
    assert!(text.contains("┌─ Onglet « Avec while »"), "{text}");
    assert!(text.contains("┌─ Attention : Boucle infinie"), "{text}");
    assert!(text.contains("│ Une boucle `while` dont la condition"), "{text}");
    assert!(text.contains("┌─ Astuce\n│ Préférez `for`"), "{text}");
    assert!(text.contains("┌─ mermaid\ngraph LR"), "{text}");
    assert!(
        text.contains("[image: Le déroulé d'une boucle] (./img/boucle.png)"),
        "{text}"
    );
    assert!(text.starts_with("Boucles\n=======\n"), "{text}");
    assert!(
        text.contains("§1 Deux façons de compter\n-------------------------\n"),
        "{text}"
    );
}

#[test]
fn plain_mode_keeps_code_links_and_list_markers() {
    let course = docs_tree();
    let intro = &course.lessons[course.find_lesson("intro").unwrap()];
    let text = render_lesson(intro, Lang::Fr, Style::plain(80));
    assert!(
        text.contains("la documentation (https://example.org/doc)"),
        "{text}"
    );
    assert!(text.contains("`.md` et `.mdx`"), "{text}");
    let vars = &course.lessons[course.find_lesson("01-bases/variables").unwrap()];
    let text = render_lesson(vars, Lang::Fr, Style::plain(60));
    assert!(text.contains("\n- premier point"), "{text}");
    assert!(text.contains("\n  * un point imbriqué"), "{text}");
    assert!(text.contains("\n> Une citation"), "{text}");
    assert!(!text.contains("**Quel") && !text.contains("*entier*"), "{text}");
    assert!(text.contains("désigne ici un entier"), "{text}");
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 60, "{line:?}");
        assert!(!line.starts_with(['?', ':', ';', '!', '»']), "{line:?}");
    }
}

#[test]
fn key_questions_in_three_layouts() {
    let course = docs_tree();
    let questions = |slug: &str| {
        course.lessons[course.find_lesson(slug).unwrap()]
            .questions
            .clone()
    };
    let numbered = questions("01-bases/variables");
    assert_eq!(numbered.len(), 2);
    assert_eq!(
        numbered[0].question,
        "Quel est le type de `kwargs` dans `def f(**kwargs)` ?"
    );
    assert_eq!(
        numbered[0].answer,
        "Un dictionnaire : les arguments nommés en trop, rangés par nom."
    );
    let bullets = questions("02-avance/fonctions");
    assert_eq!(bullets.len(), 2, "{bullets:?}");
    assert_eq!(bullets[0].question, "Que renvoie une fonction sans `return` ?");
    assert_eq!(bullets[0].answer, "`None`, implicitement.");
    assert_eq!(
        bullets[1].answer,
        "oui, une fonction est une valeur comme une autre."
    );
    let headings = questions("02-avance/classes");
    assert_eq!(headings.len(), 2, "{headings:?}");
    assert_eq!(headings[0].question, "À quoi sert `self` ?");
    assert_eq!(
        headings[1].answer,
        "Il initialise une instance juste après sa création."
    );
}

#[test]
fn lint_warns_when_no_question_is_recognised() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::write(
        dir.path().join("lessons/03-x.md"),
        "# X\n\n## A {#a}\n\ntexte\n\n## Questions clés {#questions-cles-3}\n\nPensez-y bien.\n",
    )
    .unwrap();
    let run = atelier()
        .args([
            "--lang".as_ref(),
            "en".as_ref(),
            "lint".as_ref(),
            dir.path().as_os_str(),
        ])
        .run()
        .code(1);
    assert!(
        run.stdout()
            .contains("03-x.md:7: the key-questions section has content but no question was recognised"),
        "{}",
        run.stdout()
    );
    // A French course (no `lang` in its frontmatter): the lint speaks French.
    let run = atelier()
        .args(["lint".as_ref(), dir.path().as_os_str()])
        .run()
        .code(1);
    assert!(
        run.stdout().contains(
            "03-x.md:7: la section des questions clés a du contenu mais aucune question n'a été reconnue"
        ),
        "{}",
        run.stdout()
    );
}

#[test]
fn anchors_match_without_accents_or_case_and_the_title_anchor_works() {
    let course = docs_tree();
    let vars = &course.lessons[course.find_lesson("01-bases/variables").unwrap()];
    assert_eq!(vars.find_section("questions-cles"), Some(1));
    assert_eq!(vars.find_section("Questions-Clés-2"), Some(1));
    assert_eq!(vars.find_section("variables"), Some(0), "the title's own anchor");
    let run = atelier()
        .args(["--course".as_ref(), site("docs-tree").as_os_str()])
        .stdin("goto 01-bases/variables\nlesson 01-bases/variables\ngoto questions-cles\nquit\n")
        .run()
        .code(0);
    assert!(run.stdout().contains("§2 Questions clés"), "{}", run.stdout());
}

#[test]
fn a_fence_wrapped_lesson_is_blamed_on_its_fence() {
    let run = atelier()
        .args([
            "--lang".as_ref(),
            "en".as_ref(),
            "lint".as_ref(),
            site("problems").as_os_str(),
        ])
        .run()
        .code(1);
    let out = run.stdout();
    assert!(
        out.contains("05-collee.md:1: the lesson is wrapped in a code fence (```markdown)"),
        "{out}"
    );
    assert!(!out.contains("blank line after </summary>"), "{out}");
    let run = atelier()
        .args(["lint".as_ref(), site("problems").as_os_str()])
        .run()
        .code(1);
    let out = run.stdout();
    assert!(
        out.contains("05-collee.md:1: la leçon est enveloppée dans un bloc de code (```markdown)"),
        "{out}"
    );
    assert!(!out.contains("</summary>"), "{out}");
}

#[test]
fn two_lessons_numbered_six_are_an_ambiguity() {
    let run = atelier()
        .args([
            "--lang".as_ref(),
            "en".as_ref(),
            "lint".as_ref(),
            site("problems").as_os_str(),
        ])
        .run()
        .code(1);
    assert!(
        run.stdout().contains(
            "06-tuples.md:2: chapter number 6 is ambiguous: 2 lessons have it (06-listes, 06-tuples)"
        ),
        "{}",
        run.stdout()
    );
    let run = atelier()
        .args(["lint".as_ref(), site("problems").as_os_str()])
        .run()
        .code(1);
    assert!(
        run.stdout().contains(
            "06-tuples.md:2: le numéro de chapitre 6 est ambigu : 2 leçons le portent (06-listes, 06-tuples)"
        ),
        "{}",
        run.stdout()
    );
    let show = atelier()
        .args([
            "--course".as_ref(),
            site("problems").as_os_str(),
            "show".as_ref(),
            "6".as_ref(),
        ])
        .run()
        .code(2);
    assert!(
        show.stderr()
            .contains("le chapitre 6 est ambigu : 2 leçons portent ce numéro (06-listes, 06-tuples)"),
        "{}",
        show.stderr()
    );
    let english = atelier()
        .args(["--lang", "en", "--course"])
        .args([site("problems").as_os_str(), "show".as_ref(), "6".as_ref()])
        .run()
        .code(2);
    assert!(
        english.stderr().contains("chapter 6 is ambiguous"),
        "{}",
        english.stderr()
    );
    let slug = atelier()
        .args([
            "--course".as_ref(),
            site("problems").as_os_str(),
            "show".as_ref(),
            "06-tuples".as_ref(),
        ])
        .run()
        .code(0);
    assert!(slug.stdout().contains("parenthèses"), "{}", slug.stdout());
}

#[test]
fn a_lesson_without_sections_is_one_section_and_never_a_panic() {
    let dir = course_with(&["07-sans-section.md"]);
    let run = atelier()
        .args(["--course".as_ref(), dir.path().as_os_str()])
        .stdin("next\nshow\nquiz\nquit\n")
        .run()
        .code(0);
    no_panic(&run);
    let out = run.stdout();
    assert!(out.contains("Tout le texte est là"), "{out}");
    assert!(out.contains("Fin de la leçon"), "{out}");
    assert!(out.contains("pas de questions clés"), "{out}");
}

#[cfg(unix)]
#[test]
fn links_out_of_the_folder_or_in_a_loop_are_not_followed() {
    let dir = course_with(&["06-listes.md"]);
    let lessons = dir.path().join("lessons");
    std::os::unix::fs::symlink(".", lessons.join("boucle")).unwrap();
    std::os::unix::fs::symlink("soi", lessons.join("soi")).unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "# Secret\n\ntexte\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), lessons.join("dehors")).unwrap();
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .args([dir.path().as_os_str(), "toc".as_ref()])
        .run()
        .code(2);
    no_panic(&run);
    let err = run.stderr();
    assert!(err.contains("boucle: a symbolic link back to"), "{err}");
    assert!(err.contains("soi: a symbolic link loop: not followed"), "{err}");
    assert!(
        err.contains("dehors: a symbolic link out of the course folder"),
        "{err}"
    );
    assert!(run.stdout().contains("Listes"), "{}", run.stdout());
    assert!(!run.stdout().contains("Secret"), "{}", run.stdout());
    // The course is French: so are its problems.
    let run = atelier()
        .args(["--course".as_ref(), dir.path().as_os_str(), "toc".as_ref()])
        .run()
        .code(2);
    let err = run.stderr();
    assert!(
        err.contains("soi: une boucle de liens symboliques : non suivie"),
        "{err}"
    );
}

fn two_courses() -> (tempfile::TempDir, tempfile::TempDir) {
    let a = course_with(&["06-listes.md"]);
    let b = course_with(&["07-sans-section.md"]);
    (a, b)
}

#[test]
fn progress_and_quiz_are_kept_per_course() {
    let (a, b) = two_courses();
    let arg = |d: &Path| [std::ffi::OsString::from("--course"), d.as_os_str().to_owned()];
    let first = atelier().args(arg(a.path())).stdin("show\nquit\n").run().code(0);
    let other = atelier_in(first.home)
        .args(arg(b.path()))
        .args(["progress"])
        .run()
        .code(0);
    let out = other.stdout();
    assert!(out.contains("Un chapitre sans section"), "{out}");
    assert!(
        !out.contains("Listes"),
        "course A's progress shows in course B: {out}"
    );
    assert!(!out.contains("Position"), "{out}");
    let back = atelier_in(other.home)
        .args(arg(a.path()))
        .args(["progress"])
        .run()
        .code(0);
    assert!(
        back.stdout().contains("Position : 06-listes#creer"),
        "{}",
        back.stdout()
    );
}

#[test]
fn a_course_offers_only_the_demos_it_links() {
    let dir = course_with(&["06-listes.md"]);
    let run = atelier()
        .args(["--course".as_ref(), dir.path().as_os_str()])
        .stdin("demo\ndemo pool\nquit\n")
        .run()
        .code(0);
    let out = run.stdout();
    assert!(out.contains("Ce cours n'a pas de démo."), "{out}");
    assert!(out.contains("Démo inconnue « pool »"), "{out}");
    for demo in ["duel", "startup-cost", "counter"] {
        assert!(!out.contains(demo), "chapter 43's demo `{demo}` offered: {out}");
    }
}

#[test]
fn messages_follow_one_language_with_plurals() {
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .args([site("docs-tree").as_os_str(), "toc".as_ref()])
        .run()
        .code(0);
    assert!(run.stdout().ends_with("6 lessons\n"), "{}", run.stdout());
    let dir = course_with(&["06-listes.md"]);
    let run = atelier()
        .args(["--course".as_ref(), dir.path().as_os_str(), "toc".as_ref()])
        .run()
        .code(0);
    assert!(run.stdout().ends_with("1 leçon\n"), "{}", run.stdout());
}

#[test]
fn chapter_43_fits_80_columns_and_no_line_starts_with_punctuation() {
    let run = atelier().args(["show", "43"]).env("NO_COLOR", "1").run().code(0);
    let out = run.stdout();
    assert!(!out.contains('\x1b'));
    for line in out.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "wider than 80: {line:?}"
        );
        assert!(!line.starts_with(['?', ':', ';', '!']), "{line:?}");
    }
}

/// Plain rendering of one fixture at 60, 80 and 100 columns, against committed snapshots
/// (`UPDATE_SNAPSHOTS=1` rewrites them).
#[test]
fn plain_snapshots_at_three_widths() {
    let course = docs_tree();
    for slug in ["01-bases/variables", "01-bases/boucles"] {
        let lesson = &course.lessons[course.find_lesson(slug).unwrap()];
        for width in [60, 80, 100] {
            let text = render_lesson(lesson, Lang::Fr, Style::plain(width));
            let name = slug.replace('/', "-");
            let path = root().join(format!("tests/snapshots/sites-{name}-{width}.txt"));
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
                std::fs::write(&path, &text).unwrap();
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            assert_eq!(
                text,
                expected,
                "snapshot {} differs (UPDATE_SNAPSHOTS=1 to accept)",
                path.display()
            );
        }
    }
}

#[test]
fn builtin_course_still_loads_from_lessons() {
    let course = Course::from_files(CourseFiles::builtin());
    assert!(course.problems.is_empty());
    assert_eq!(course.lessons[0].slug, "43-multiprocessing");
    assert_eq!(course.demos().len(), 10);
}

#[test]
fn the_quiz_keeps_a_question_with_code_whole() {
    let run = atelier()
        .args(["--course".as_ref(), site("docs-tree").as_os_str()])
        .stdin("lesson 01-bases/variables\nquiz\nun dict\no\nje ne sais pas\nn\nquit\n")
        .run()
        .code(0);
    let out = run.stdout();
    assert!(
        out.contains("Question 1/2 : Quel est le type de `kwargs` dans `def f(**kwargs)` ?"),
        "{out}"
    );
    assert!(out.contains("Réponse modèle : Un dictionnaire"), "{out}");
}

#[test]
fn colour_mode_leaks_no_markup() {
    let course = docs_tree();
    let vars = &course.lessons[course.find_lesson("01-bases/variables").unwrap()];
    let text = render_lesson(vars, Lang::Fr, Style::colour(80));
    assert!(text.contains('\x1b'), "colour is on");
    assert!(!text.contains("*entier*") && !text.contains("**Quel"), "{text}");
    assert!(!text.contains("`kwargs`"), "code is coloured, not quoted: {text}");
    let intro = &course.lessons[course.find_lesson("intro").unwrap()];
    let text = render_lesson(intro, Lang::Fr, Style::colour(80));
    assert!(
        text.contains("\x1b]8;;https://example.org/doc\x1b\\"),
        "an OSC 8 link: {text:?}"
    );
    assert!(!text.contains("](https://"), "{text}");
    // No line is wider than the page once escapes are set aside.
    for line in text.lines() {
        assert!(textwrap::core::display_width(line) <= 80, "{line:?}");
    }
}

#[test]
fn the_demo_command_lists_only_the_course_demos_in_its_language() {
    let dir = course_with(&["06-listes.md"]);
    let run = atelier()
        .args(["--course".as_ref(), dir.path().as_os_str(), "demo".as_ref()])
        .run()
        .code(0);
    assert_eq!(run.stdout(), "Ce cours n'a pas de démo.\n");
    let english = root().join("tests/fixtures/course-recursion");
    let run = atelier()
        .args([
            "--course".as_ref(),
            english.as_os_str(),
            "demo".as_ref(),
            "pool".as_ref(),
        ])
        .run()
        .code(2);
    assert!(
        run.stderr().contains("this course has no demo 'pool'"),
        "{}",
        run.stderr()
    );
    // The built-in course keeps all of chapter 43's.
    let builtin = atelier().args(["demo"]).run().code(0);
    assert!(builtin.stdout().contains("startup-cost"), "{}", builtin.stdout());
}

/// Issue 11's "Done when": `NO_COLOR=1 atelier show 43 | awk 'length > 80'` prints nothing (mawk
/// counts bytes, and a French accent is two), and no line starts with `?`, `:`, `;` or `!`; with
/// `COLUMNS` unset or set to 80 alike.
#[test]
fn piped_chapter_43_fits_80_bytes() {
    for columns in [None, Some("80")] {
        let mut cmd = atelier().env("NO_COLOR", "1").args(["show", "43"]);
        if let Some(columns) = columns {
            cmd = cmd.env("COLUMNS", columns);
        }
        let run = cmd.run().code(0);
        let out = run.stdout();
        assert!(out.lines().count() > 100, "the whole chapter: {out}");
        for line in out.lines() {
            assert!(
                line.len() <= 80,
                "{} bytes (COLUMNS={columns:?}): {line:?}",
                line.len()
            );
            assert!(!line.starts_with(['?', ':', ';', '!']), "{line:?}");
        }
        // The Done-when's own command, when an awk is installed (any awk: mawk counts bytes).
        match std::process::Command::new("awk")
            .arg("length > 80")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
        {
            Ok(mut awk) => {
                use std::io::Write;
                awk.stdin
                    .take()
                    .expect("piped stdin")
                    .write_all(out.as_bytes())
                    .expect("awk reads the page");
                let long = awk.wait_with_output().expect("awk runs");
                assert!(long.status.success());
                assert_eq!(String::from_utf8_lossy(&long.stdout), "", "awk 'length > 80'");
            }
            Err(e) => {
                println!("skipped: awk does not run ({e})");
                assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "awk is needed in CI");
            }
        }
    }
}

/// Bound for a pipe, every line of a rendered lesson fits its width in bytes as well as in columns;
/// in a terminal, columns alone count (an accented line may use its whole width).
#[test]
fn piped_lines_fit_in_bytes_terminal_lines_in_columns() {
    let course = Course::load(None).unwrap();
    let lesson = &course.lessons[course.find_lesson("43").unwrap()];
    for width in [60, 80, 100] {
        let text = render_lesson(lesson, Lang::Fr, Style::plain(width));
        for line in text.lines() {
            assert!(line.len() <= width, "{} bytes > {width}: {line:?}", line.len());
        }
        let text = render_lesson(lesson, Lang::Fr, Style::plain_terminal(width));
        let widest = text.lines().map(|l| l.len()).max().unwrap_or(0);
        assert!(
            widest > width,
            "in a terminal, accents do not shorten lines ({widest} bytes)"
        );
        for line in text.lines() {
            let columns = unicode_width::UnicodeWidthStr::width(line);
            assert!(columns <= width, "{columns} columns > {width}: {line:?}");
        }
    }
}
