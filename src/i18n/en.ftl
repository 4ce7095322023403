# atelier's messages in English: the keys and {values} of fr.ftl.

# The REPL
repl-greeting = atelier — type “help” for the commands, “quit” to leave; Enter: next section.
repl-resuming = Resuming where you left off: §{section} (#{anchor}).
repl-ctrl-c-again = (Ctrl-C once more to quit)
repl-goodbye = See you soon!

# Commands
progress-cleared = Progress cleared.
demo-unknown = unknown demo '{name}'.{hint} The demos:
    {list}
demo-did-you-mean = Did you mean '{name}'?

# atelier lint
lint-builtin-course = built-in course

# Tables of contents
toc-key-questions = Key questions: {count}
toc-exercise = Exercise {number} — {title}  [{id}]
toc-unknown-anchor = section `{anchor}` is not in {lesson}; anchors: {anchors}
