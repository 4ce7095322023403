//! `atelier new lesson NUMBER SLUG` and `atelier new exercise ID`: files an instructor starts from.
//! Each passes `atelier lint` as written and explains itself in comments, so that editing it is the
//! fastest way to learn the formats.
use std::path::{Path, PathBuf};

use crate::atomic_file::write_atomic;
use crate::course::Course;
use crate::course::parse::slug;
use crate::i18n::Message;
use crate::msg;
use anyhow::Result;

/// Stops with `message`: why `atelier new` will not do it, worded in the instructor's language at
/// the command line (a [`crate::i18n::Failure`]).
pub fn refuse<T>(message: Message) -> Result<T> {
    crate::i18n::fail(message)
}

/// Refuses to overwrite an instructor's work.
pub(crate) fn fresh(path: &Path) -> Result<()> {
    if path.exists() {
        return refuse(msg!("derive-already-exists", path = path.display().to_string()));
    }
    Ok(())
}

/// `44.1`: the chapter and the exercise number, else a refusal.
pub(crate) fn exercise_id(id: &str) -> Result<(u32, u32)> {
    match id
        .split_once('.')
        .and_then(|(c, n)| Some((c.parse::<u32>().ok()?, n.parse::<u32>().ok()?)))
    {
        Some(pair) => Ok(pair),
        None => refuse(msg!("derive-bad-exercise-id", id = id)),
    }
}

/// Writes `lessons/<number>-<slug>.md`.
pub fn new_lesson(root: &Path, number: u32, name: &str) -> Result<Vec<PathBuf>> {
    let name = slug(name);
    if name.is_empty() {
        return refuse(msg!("derive-slug-empty"));
    }
    let path = root.join("lessons").join(format!("{number}-{name}.md"));
    fresh(&path)?;
    write_atomic(&path, lesson_template(number, &name).as_bytes())?;
    Ok(vec![path])
}

fn lesson_template(number: u32, name: &str) -> String {
    format!(
        r#"---
sidebar_label: "Chapitre {number} : {name}"
sidebar_position: {number}
lang: fr
# Live demos linked to sections (atelier only; the web site ignores this key):
# atelier:
#   demos:
#     premiere-notion: pool
---

# Chapitre {number} : {name}

<!-- Made by `atelier new lesson {number} {name}`. Each `##` section needs an anchor {{#like-this}}: students
     move with next/prev and `goto anchor`. A <details> block stays folded until `solution N`; leave a
     blank line after </summary>. Check everything with `atelier lint`. See lessons/README.md. -->

Ce que l'étudiant saura faire à la fin de ce chapitre, en une ou deux phrases.

## 1. Première notion {{#premiere-notion}}

### 1. Quoi

La notion, définie simplement.

### 2. Pourquoi

Le problème qu'elle résout.

### 3. Comment

```python
def double(x):
    return 2 * x

if __name__ == "__main__":
    print(f"double(21) = {{double(21)}}")
```

## Questions clés {{#questions-cles-{number}}}

1.  **Une question que l'étudiant doit savoir traiter ?**
    Sa réponse modèle, en une ou deux phrases.

## Exercices {{#exercices-{number}}}

### Exercice 1 - Premier exercice {{#exercice-1-premier-exercice}}

🎯 **Objectif** : ce que l'exercice fait pratiquer.

📝 **Énoncé** :
1.  Écrivez une fonction `double(x)` qui renvoie le double de `x`.
2.  Affichez `Résultat : 42` pour `double(21)`.

📺 **Résultat attendu** :
```text
Résultat : 42
```

<details>
<summary>💡 Voir la solution</summary>

```python
def double(x):
    return 2 * x

if __name__ == "__main__":
    print(f"Résultat : {{double(21)}}")
```
</details>
"#
    )
}

/// Writes `exercises/<id>-<slug>/` (spec, solution, starter) for exercise N of lesson `<chapter>`,
/// linked to that exercise's anchor in the lesson.
pub fn new_exercise(root: &Path, id: &str) -> Result<Vec<PathBuf>> {
    let (chapter, number) = exercise_id(id)?;
    let course = Course::load(Some(root))?;
    let Some(lesson) = course.lessons.iter().find(|l| l.number == Some(chapter)) else {
        return refuse(msg!(
            "derive-no-lesson-create-first",
            chapter = chapter,
            dir = root.join("lessons").display().to_string()
        ));
    };
    let Some(entry) = lesson.exercise(number) else {
        return refuse(msg!(
            "derive-no-exercise-section",
            file = &lesson.file,
            number = number,
            id = id
        ));
    };
    let dir = root
        .join("exercises")
        .join(format!("{id}-{}", slug(&entry.title)));
    fresh(&dir)?;
    let files = [
        (
            "exercise.yaml",
            spec_template(id, chapter, &entry.title, &entry.anchor),
        ),
        ("solution.py", SOLUTION.to_string()),
        ("starter.py", STARTER.to_string()),
    ];
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(name);
        write_atomic(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

fn spec_template(id: &str, chapter: u32, title: &str, anchor: &str) -> String {
    format!(
        r#"# Spec of exercise {id}, made by `atelier new exercise {id}`. Every key and check kind is described in
# exercises/README.md. `atelier lint` runs solution.py (it must pass) and starter.py (it must fail).
version: 1
id: "{id}"
title:
  fr: "{title}"
  en: "{title}"
lesson: {chapter}                  # the chapter number of the lesson
anchor: {anchor}   # the exercise's section in the lesson
file: exercice.py                # the name students give their file
run: python3 {{file}}
timing_sensitive: false          # true: never graded alongside another run (speed checks)
runs: 1
limits:
  wall_s: 10
  cpu_s: 10
  memory_mb: 256
  processes: 8
  output_bytes: 65536
checks:
  - name: termine-sans-erreur
    kind: exit-status
    points: 1
    hint:
      fr: Le programme doit aller au bout sans exception ; lancez-le avec python3 et lisez le Traceback.
      en: The program must run to the end without an exception; run it with python3 and read the traceback.
  - name: resultat-affiche
    kind: regex
    patterns:
      - '(?m)^\s*(?:Résultat|Result)\s*:\s*(?P<resultat>-?\d+)\s*$'
    points: 1
    hint:
      fr: 'Affichez une ligne « Résultat : N ».'
      en: 'Print a line "Result: N".'
  - name: resultat-juste
    kind: number
    var: resultat
    expected: 42
    points: 2
    hint:
      fr: double(21) vaut 42.
      en: double(21) is 42.
"#
    )
}

const SOLUTION: &str = r#"def double(x):
    return 2 * x


if __name__ == "__main__":
    print(f"Résultat : {double(21)}")
"#;

const STARTER: &str = r#"def double(x):
    # À vous : renvoyez le double de x.
    raise NotImplementedError("double n'est pas encore écrite")


if __name__ == "__main__":
    print(f"Résultat : {double(21)}")
"#;
