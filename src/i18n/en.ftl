# atelier's messages in English: the keys and $values of fr.ftl.
# Project Fluent syntax (https://projectfluent.org/fluent/guide/): `key = text`; an indented line
# continues the text on a new line; `{ $name }` is a value the code gives; a count chooses its
# words with `{ $n -> [one] … *[other] … }` (French: 0 and 1 are `one`). Leading and trailing spaces
# of a text are dropped: write `{" "}` to keep one.

# The REPL
repl-greeting = atelier — type “help” for the commands, “quit” to leave; Enter: next section.
repl-resuming = Resuming where you left off: §{ $section } (#{ $anchor }).
repl-ctrl-c-again = (Ctrl-C once more to quit)
repl-goodbye = See you soon!

# Commands
progress-cleared = Progress cleared.
demo-unknown = unknown demo '{ $name }'.{ $hint } The demos:
    { $list }
demo-did-you-mean = Did you mean '{ $name }'?

# atelier lint
lint-builtin-course = built-in course

# Tables of contents
toc-key-questions = Key questions: { $count }
toc-exercise = Exercise { $number } — { $title }  [{ $id }]
toc-unknown-anchor = section `{ $anchor }` is not in { $lesson }; anchors: { $anchors }

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
