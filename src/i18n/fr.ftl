# atelier's messages in French, the reference catalog (every other language has the same keys and
# the same {values}). `key = text`; an indented line continues the text on a new line.

# The REPL
repl-greeting = atelier — tapez « aide » pour les commandes, « quitter » pour sortir ; Entrée : section suivante.
repl-resuming = Reprise là où vous en étiez : §{section} (#{anchor}).
repl-ctrl-c-again = (Ctrl-C encore une fois pour quitter)
repl-goodbye = À bientôt !

# Commands
progress-cleared = Progression effacée.
demo-unknown = démo inconnue « {name} ».{hint} Les démos :
    {list}
demo-did-you-mean = Vouliez-vous dire « {name} » ?

# atelier lint
lint-builtin-course = cours intégré

# Tables of contents
toc-key-questions = Questions clés : {count}
toc-exercise = Exercice {number} — {title}  [{id}]
toc-unknown-anchor = section `{anchor}` inconnue dans {lesson} ; ancres : {anchors}
