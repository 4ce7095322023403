# atelier's messages in French, the reference catalog (every other language has the same keys and
# the same $values).
# Project Fluent syntax (https://projectfluent.org/fluent/guide/): `key = text`; an indented line
# continues the text on a new line; `{ $name }` is a value the code gives; a count chooses its
# words with `{ $n -> [one] … *[other] … }` (French: 0 and 1 are `one`). Leading and trailing spaces
# of a text are dropped: write `{" "}` to keep one.

# The REPL
repl-greeting = atelier — tapez « aide » pour les commandes, « quitter » pour sortir ; Entrée : section suivante.
repl-resuming = Reprise là où vous en étiez : §{ $section } (#{ $anchor }).
repl-ctrl-c-again = (Ctrl-C encore une fois pour quitter)
repl-goodbye = À bientôt !

# Commands
progress-cleared = Progression effacée.
demo-unknown = démo inconnue « { $name } ».{ $hint } Les démos :
    { $list }
demo-did-you-mean = Vouliez-vous dire « { $name } » ?

# atelier lint
lint-builtin-course = cours intégré

# Tables of contents
toc-key-questions = Questions clés : { $count }
toc-exercise = Exercice { $number } — { $title }  [{ $id }]
toc-unknown-anchor = section `{ $anchor }` inconnue dans { $lesson } ; ancres : { $anchors }

# Checks and their outcomes (src/grader/checks, verdicts, cases, specs): keys `check-…`
# (each helper adds its messages at the end of its own section)

# Reports and exports (src/view, src/grader/export, grading a class, gradebook): keys `report-…`, `grade-…`
# (messages of this section)

# The REPL, lessons, exercises workflow, derive, progress, commands: keys `repl-…`, `lesson-…`, `derive-…`
# (messages of this section)

# Live demos (src/demos): keys `demo-…`
# (messages of this section)

# Course and spec problems, lint (src/course, src/lint.rs, spec validation): keys `course-…`, `spec-…`, `lint-…`
# (messages of this section)
