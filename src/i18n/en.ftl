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
course-not-utf8 = not UTF-8 text (save the lesson as UTF-8)
course-empty-lesson = empty lesson (expected a `# Title` and `##` sections)
course-frontmatter-unclosed = frontmatter opened with `---` is never closed (expected a `---` line)
course-frontmatter-invalid = invalid frontmatter: { $detail }
course-wrapped-in-fence = the lesson is wrapped in a code fence ({ $fence }), so all of it would show as code: remove this line and the fence that closes it
course-fence-unclosed = code fence is never closed (expected a line of { $fence })
course-duplicate-anchor = duplicate anchor `{ $anchor }` (first used on line { $first })
course-probably-summary = { $problem } — probably because of line { $line }: leave a blank line after </summary>
course-details-unclosed = <details> is never closed (expected </details>)
course-admonition-unclosed = admonition `:::` is never closed (expected a `:::` line)
course-tab-unclosed = <TabItem> is never closed (expected </TabItem>)
course-tab-close-unopened = </TabItem> without an opening <TabItem>
course-details-close-unopened = </details> without an opening <details>
course-demos-anchor-unknown = frontmatter links demos to `{ $anchor }`, which is not a section anchor
course-questions-unrecognised = the key-questions section has content but no question was recognised (expected a numbered list with the question in bold and the answer below, a bullet list with *Réponse : …*, or one ### per question)
course-admonition-close-stray = `:::` closes no admonition and is ignored
course-demo-before-section = a demo link before the first section is ignored
course-summary-outside-details = <summary> outside <details> is ignored
course-fence-in-html = a code fence is inside an HTML block and shows as raw text on a web site: leave a blank line after </summary>
course-number-ambiguous = chapter number { $number } is ambiguous: { $count } lessons have it ({ $slugs }); `show { $number }` cannot choose, their slugs work
course-lesson-ambiguous = chapter { $key } is ambiguous: { $count } lessons have this number ({ $slugs }); give the slug
course-lesson-unknown-none-loads = unknown lesson `{ $key }`: this course has no lesson that loads
course-lesson-unknown = unknown lesson `{ $key }`; lessons: { $known }
course-link-loop = a symbolic link loop: not followed
course-link-dangling = a symbolic link that leads nowhere ({ $error }): not followed
course-link-outside = a symbolic link out of the course folder (to { $target }): not followed
course-link-back = a symbolic link back to { $target } (a loop, or read already): not followed
course-config-invalid = { $detail }
course-exercise-no-spec = an exercise folder needs exercise.yaml (the spec)
spec-missing = missing
spec-not-utf8 = not UTF-8 text
spec-id-mismatch = id: the spec says `{ $id }` but the folder is exercise `{ $folder }`
spec-yaml = { $detail }
spec-version = version: this atelier reads spec version { $expected }, found { $found }
spec-checks-empty = checks: at least one check is needed
spec-run-no-file = run: the command must contain {"{"}file{"}"}
spec-file-name = file: `{ $file }` must be a plain file name such as `premiers.py`
spec-limit-seconds = limits: { $key }: { $value } is not a number of seconds in 0..3600
spec-limit-range = limits: { $key }: { $value } is not in 1..={ $max }
spec-busy-share = busy_share: a share between 0 and 1
spec-in-check = check `{ $name }`: { $key }: { $problem }
spec-check-name-taken = this name is used by another check
spec-expression-invalid = not a valid expression: { $error }
spec-variable-unknown = unknown variable `{ $name }` (known here: { $known }; a capture must come from a `regex` check above)
spec-regex-invalid = not a valid regex: { $error }
spec-patterns-empty = at least one pattern is needed
spec-tolerance-negative = a tolerance is a number ≥ 0
spec-not-fraction = { $value } is not a fraction between 0 and 1
spec-call-in-case = a call check runs in its own run (the harness's), not in a case
spec-detail = { $detail }
lint-section-no-anchor = section `{ $title }` has no anchor: add {"{"}#{ $anchor }{"}"} so that links and progress survive a change of title
lint-demo-unknown = section `{ $anchor }` links to unknown demo `{ $demo }` (demos: { $known })
lint-lesson-number-unknown = lesson: no lesson has chapter number { $number }
lint-anchor-not-section = anchor: `{ $anchor }` is not a section of { $lesson } (anchors: { $anchors })
lint-run-missing = run: `{ $program }` is not installed on this machine (looked in { $path }): the solution and the starter cannot be run
lint-file-missing = missing ({ $name } is required)
lint-checking = checking { $file } …
lint-ok = ok
lint-problem = PROBLEM
lint-could-not-check = could not be checked: { $error }
lint-solution-failed = the reference solution must pass its spec, but failed: { $failed }
lint-starter-passes = the starter passes its spec: the checks cannot tell unfinished work from done
lint-starter-ends = the starter must fail its checks, not end in `{ $verdict }`
lint-lessons = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
lint-exercises = { $count ->
    [one] { $count } exercise
   *[other] { $count } exercises
}
lint-solutions = { $count ->
    [one] { $count } solution checked
   *[other] { $count } solutions checked
}
lint-starters = { $count ->
    [one] { $count } starter checked
   *[other] { $count } starters checked
}
lint-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
lint-summary = { $place }: { $lessons }, { $exercises }, { $solutions } (must pass), { $starters } (must fail) — { $problems }
course-lesson-count = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
course-not-a-folder = { $path }: not a course folder (expected a folder with lessons/ and exercises/, or a site's docs/)
course-folder-unresolved = { $path }: cannot resolve the folder: { $error }
course-folder-unreadable = { $path }: cannot read the folder: { $error }
course-file-unreadable = { $path }: cannot read: { $error }
