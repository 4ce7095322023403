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
repl-help-title = Commandes :
repl-help-help = cette aide
repl-help-toc = le sommaire de la leçon (sections, ancres, démos, exercices)
repl-help-next = section suivante (Entrée sur une ligne vide fait de même)
repl-help-prev = section précédente
repl-help-goto = aller à une section (numéro ou ancre)
repl-help-show = réafficher la section courante (ou une autre)
repl-help-solution = déplier la solution de l'exercice N (--give-up : avant de l'avoir réussi, si le cours l'exige)
repl-help-quiz = les questions clés : votre réponse, puis la réponse modèle
repl-help-demo = la démo en direct de la section (de vrais processus), ou la démo nommée
repl-help-run = exécuter l'exemple Python de la section avec python3
repl-help-exercise = l'énoncé de l'exercice N et un fichier de départ à compléter (reset : le remettre, l'ancien gardé en .bak)
repl-help-exercises = tous les exercices, où vous en êtes, et le prochain à faire
repl-help-edit = ouvrir votre fichier de l'exercice N dans $VISUAL / $EDITOR
repl-help-check = vérifier votre programme (dans un bac à sable) et expliquer ce qui ne va pas
repl-help-hint = un indice pour l'exercice en cours
repl-help-watch = vérifier à chaque enregistrement du fichier (Ctrl-C arrête)
repl-help-progress = votre progression (progress reset l'efface)
repl-help-lesson = les leçons du cours, ou passer à l'une d'elles (next : la suivante)
repl-help-reload = relire les fichiers du cours (leçons, exercices) après une modification
repl-help-quit = quitter (Ctrl-D aussi)
repl-help-keys = Entrée sur une ligne vide : section suivante. Ctrl-C efface la ligne (deux fois : quitter), Ctrl-D quitte.
repl-usage-goto = N|ancre
repl-usage-show = [N|ancre]
repl-usage-solution = N [--give-up]
repl-usage-demo = [nom]
repl-usage-exercise = [reset] N
repl-usage-edit = N
repl-usage-check = N [fichier] [--only nom]
repl-usage-hint = [N]
repl-usage-watch = N [fichier]
repl-usage-progress = [reset]
repl-usage-lesson = [N|slug|next|prev]
repl-unknown-command = Commande inconnue « { $word } ». (tapez « aide » pour la liste)
repl-unknown-command-did-you-mean = Commande inconnue « { $word } ». Vouliez-vous dire « { $name } » ? (tapez « aide » pour la liste)
repl-lesson-end = Fin de la leçon. Tapez « quiz » pour les questions clés, « toc » pour le sommaire, « leçon suivante » pour continuer.
repl-first-section = Vous êtes à la première section.
repl-goto-usage = Usage : goto N|ancre (voir « toc »)
repl-which-exercise = Quel exercice ? Numéros : { $numbers }
repl-no-solution = Cet exercice n'a pas de solution dans la leçon.
repl-progress-unknown-argument = Argument inconnu « { $argument } » (progress | progress reset)
repl-no-other-lesson = Pas d'autre leçon dans ce sens.
repl-reload-builtin = Le cours intégré est compilé dans atelier : rien à relire (lancez atelier --course DOSSIER pour éditer un cours).
repl-reload-no-lesson = Aucune leçon ne se charge : le cours précédent reste affiché.
repl-reloaded = Cours relu : { $lessons }, { $exercises }.
lesson-count = { $count ->
    [one] { $count } leçon
   *[other] { $count } leçons
}
repl-exercise-count = { $count ->
    [one] { $count } exercice
   *[other] { $count } exercices
}
repl-progress-not-saved = progression non enregistrée : { $error }
repl-no-exercise-folder = Pas de dossier d'exercice pour { $id }
repl-file-already-there = Votre fichier (déjà là) : { $path }
repl-starter-written = Fichier de départ écrit dans : { $path }
repl-exercise-next-steps = Complétez-le, puis « check { $number } » (ou « watch { $number } »), un indice : « hint ».
repl-no-such-file = Fichier introuvable : { $path } (voir « exercise { $id } »)
repl-checking = Vérification de { $path } ({ $id })…
repl-check-interrupted = Vérification interrompue (Ctrl-C) : tous les processus du programme ont été arrêtés.
repl-passed = Réussi ! La solution de référence : « solution { $number } ».
repl-hint = 💡 { $check } : { $text }
repl-watch-once = (pas de terminal : une seule vérification)
repl-watching = Surveillance de { $path } — Ctrl-C pour arrêter
repl-watch-waiting = (en attente d'une modification…)
repl-watch-stopped = Surveillance arrêtée.
repl-status-not-started = pas commencé
repl-status-started = commencé, pas encore vérifié
repl-status-failing = échoue { $score }/{ $max_score }
repl-status-passed = réussi
repl-no-exercise-in-course = Ce cours n'a pas d'exercice.
repl-next-exercise = Prochain exercice : { $id } (« exercise { $number } »)
repl-all-passed = Tous les exercices sont réussis !
repl-file-kept = Votre fichier est gardé dans : { $path }
repl-starter-restored = Fichier de départ remis dans : { $path }
repl-no-editor = Aucun éditeur : définissez VISUAL ou EDITOR (par exemple export EDITOR=nano), ou ouvrez { $path } (vous-même)
repl-saved-check-it = Fichier enregistré ? Vérifiez-le : « check { $number } ».
repl-solution-after-pass = La solution se montre une fois l'exercice réussi : « check { $number } ». Pour la voir quand même (c'est noté) : « solution { $number } --give-up ».
repl-quiz-none = Cette leçon n'a pas de questions clés.
repl-quiz-question = Question { $index }/{ $total } : { $question }
repl-quiz-your-answer = Votre réponse ›{" "}
repl-quiz-stopped = Quiz interrompu.
repl-quiz-model-answer = Réponse modèle : { $answer }
repl-quiz-were-you-right = Aviez-vous juste ? (o/n) ›{" "}
repl-quiz-yes-or-no = Répondez o ou n.
repl-quiz-score = Justes cette fois : { $right } ; en tout : { $recorded }/{ $total }
repl-no-demo-in-course = Ce cours n'a pas de démo.
repl-course-demos = Les démos du cours :
repl-unknown-demo = Démo inconnue « { $name } ».
repl-no-demo-here = Pas de démo pour cette section.
repl-other-demos = Autre démo de cette section (demo NOM) : { $names }
repl-no-example = Cette section n'a pas d'exemple Python à exécuter (pour un exercice : « solution N » puis « check N »).
repl-run-start = ▶ python3 exemple.py (Ctrl-C pour arrêter)
repl-exit-code = ◀ code de sortie { $code }
repl-pager-more = -- suite ({ $shown }/{ $total }) : Entrée/Espace continue, q arrête --
repl-progress-counts = { $seen }/{ $sections } sections vues · quiz { $right }/{ $questions } · exercices réussis { $passed }/{ $exercises }
repl-progress-unseen = à voir : { $sections }
repl-progress-place = Position : { $lesson }#{ $section }
lesson-folded-solution = tapez « solution { $number } »
lesson-folded = replié
lesson-admonition-note = Note
lesson-admonition-tip = Astuce
lesson-admonition-info = Info
lesson-admonition-warning = Attention
lesson-admonition-danger = Danger
lesson-tab = Onglet « { $label } »
lesson-demos = ▶ Démo : { $names } (tapez « demo »)
derive-no-solution = { $file } : l'exercice { $number } n'a pas de solution Python dans un bloc <details> : le squelette simple a été écrit (modifiez sa spec à la main)
derive-file = fichier : { $file } (le nom sous lequel les étudiants enregistrent leur programme)
derive-exit-status = code de sortie { $code } (celui de la solution, { $runs } exécutions)
derive-concurrent = la solution importe { $module } : l'ordre de ses lignes n'est pas exigé
derive-output-lines = sortie : { $count ->
    [one] { $count } ligne attendue
   *[other] { $count } lignes attendues
} : { $lines }
derive-no-output = sortie : la solution n'affiche rien, donc pas de vérification de la sortie
derive-expected-differs = remarque : le résultat attendu de la leçon a { $expected ->
    [one] { $expected } ligne
   *[other] { $expected } lignes
}, la solution en a affiché { $printed } : vérifiez la leçon
derive-no-named-function = l'énoncé ne nomme aucune fonction sous la forme `nom(…)` : toutes les fonctions de la solution sont prises en compte
derive-traced-calls = { $count ->
    [one] { $count } appel de { $functions } relevé
   *[other] { $count } appels de { $functions } relevés
} pendant l'exécution de la solution (elle n'en fait aucun avec des arguments littéraux)
derive-not-importable = la solution ne s'importe pas sans s'exécuter (son niveau principal fait le travail) : pas de vérification d'appel ; mettez le programme sous `if __name__ == "__main__":` dans la leçon
derive-call-timeout = { $call } n'a pas répondu à temps : écarté
derive-call-left-out = { $call } : { $why } : écarté
derive-not-literal = renvoie un { $type_name }, qui ne s'écrit pas comme un littéral
derive-call-ended = l'appel de la solution elle-même a fini en `{ $status }`
derive-no-literal-call = { $function } : la solution ne l'appelle jamais avec des arguments littéraux, donc pas de vérification d'appel (ajoutez-en une à la spec à la main)
derive-returns-none = { $function } : renvoie None à chaque appel (elle affiche) : jugée par la sortie seulement
derive-call-check = vérification d'appel `{ $name }-returns` : { $count ->
    [one] { $count } appel de { $function } tel que la solution le fait
   *[other] { $count } appels de { $function } tels que la solution les fait
}, avec les valeurs qu'elle renvoie
derive-no-call-check = la solution n'appelle aucune de ses fonctions avec des arguments littéraux : pas de vérification d'appel
derive-no-main-guard = la solution n'a pas de bloc `if __name__ == "__main__":`
derive-starter-comments = fichier de départ : l'énoncé en commentaires (la solution n'a pas de fonction à vider)
derive-starter-todo = fichier de départ : la solution, le corps de chaque fonction remplacé par un TODO et `pass`
derive-starter-fallback = les fonctions vidées passaient encore (les vérifications ne lisent que la sortie) : le fichier de départ est l'énoncé en commentaires
derive-lines-left-out = { $count ->
    [one] { $count } ligne n'est pas venue à chaque exécution : écartée de la vérification de la sortie
   *[other] { $count } lignes ne sont pas venues à chaque exécution : écartées de la vérification de la sortie
}
derive-order-varies = l'ordre des lignes a changé d'une exécution à l'autre : tout ordre est accepté
derive-numbers-masked = { $count ->
    [one] { $count } nombre masqué
   *[other] { $count } nombres masqués
} (ils changeaient d'une exécution à l'autre, diffèrent du résultat attendu de la leçon, ou sont des durées ou des PID)
derive-created = créé : { $path }
derive-lint-hint = atelier lint { $dir }  # pour vérifier
repl-backup-failed = { $path } : impossible d'en garder une copie ({ $error })
repl-no-lesson-loaded = aucune leçon n'a pu être chargée
repl-progress-unknown-action = action inconnue `{ $action }` (attendu : `reset` ou rien)
repl-progress-unreadable = { $path } : lecture impossible ({ $error })
repl-progress-corrupt-set-aside = { $path } : fichier de progression corrompu ({ $error }) ; mis de côté sous { $aside }, nouveau départ
repl-progress-corrupt = { $path } : fichier de progression corrompu ({ $error }) ; nouveau départ
derive-already-exists = { $path } : existe déjà (rien n'a été écrit)
derive-slug-empty = le slug de la leçon doit avoir des lettres ou des chiffres (par exemple `asyncio`)
derive-bad-exercise-id = identifiant d'exercice `{ $id }` : attendu <chapitre>.<numéro>, comme 44.1
derive-no-lesson-create-first = pas de leçon { $chapter } dans { $dir } : créez-la d'abord (atelier new lesson { $chapter } SLUG), puis cet exercice
derive-no-exercise-section = { $file } : pas de section `### Exercice { $number } - Titre {"{"}#ancre{"}"}` à laquelle lier l'exercice { $id }
derive-no-lesson = pas de leçon { $chapter } dans { $dir }
derive-no-exercise-section-for = { $file } : pas de section `### Exercice { $number } - Titre {"{"}#ancre{"}"}` pour l'exercice { $id }
derive-solution-fails = { $file } : la solution de l'exercice { $number } ne s'exécute pas proprement ({ $status }) : { $last }
derive-exit-code-varies = { $file } : le code de sortie de la solution change d'une exécution à l'autre
derive-solution-not-python = la solution de la leçon n'est pas du Python valide : { $last }
derive-spec-fails-solution = la spec dérivée ne fait pas passer la solution de la leçon, donc rien n'a été gardé (sa sortie n'est peut-être pas stable d'une exécution à l'autre) : { $failed }
    { $spec }

# Live demos (src/demos): keys `demo-…`
# (messages of this section)

# Course and spec problems, lint (src/course, src/lint.rs, spec validation): keys `course-…`, `spec-…`, `lint-…`
# (messages of this section)
