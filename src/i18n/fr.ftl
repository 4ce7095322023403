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
course-not-utf8 = pas du texte UTF-8 (enregistrez la leçon en UTF-8)
course-empty-lesson = leçon vide (attendu : un `# Titre` et des sections `##`)
course-frontmatter-unclosed = le frontmatter ouvert par `---` n'est jamais fermé (attendu : une ligne `---`)
course-frontmatter-invalid = frontmatter invalide : { $detail }
course-wrapped-in-fence = la leçon est enveloppée dans un bloc de code ({ $fence }) et s'afficherait tout entière comme du code : supprimez cette ligne et celle qui ferme le bloc
course-fence-unclosed = le bloc de code n'est jamais fermé (attendu : une ligne de { $fence })
course-duplicate-anchor = ancre `{ $anchor }` en double (déjà utilisée ligne { $first })
course-probably-summary = { $problem } — sans doute à cause de la ligne { $line } : laissez une ligne vide après </summary>
course-details-unclosed = <details> n'est jamais fermé (attendu : </details>)
course-admonition-unclosed = l'encadré `:::` n'est jamais fermé (attendu : une ligne `:::`)
course-tab-unclosed = <TabItem> n'est jamais fermé (attendu : </TabItem>)
course-tab-close-unopened = </TabItem> sans <TabItem> ouvrant
course-details-close-unopened = </details> sans <details> ouvrant
course-demos-anchor-unknown = le frontmatter lie des démos à `{ $anchor }`, qui n'est pas une ancre de section
course-questions-unrecognised = la section des questions clés a du contenu mais aucune question n'a été reconnue (attendu : une liste numérotée avec la question en gras et la réponse dessous, une liste à puces avec *Réponse : …*, ou un ### par question)
course-admonition-close-stray = `:::` ne ferme aucun encadré : ligne ignorée
course-demo-before-section = un lien de démo avant la première section est ignoré
course-summary-outside-details = <summary> hors de <details> est ignoré
course-fence-in-html = un bloc de code se trouve dans un bloc HTML et s'affiche en texte brut sur un site web : laissez une ligne vide après </summary>
course-number-ambiguous = le numéro de chapitre { $number } est ambigu : { $count } leçons le portent ({ $slugs }) ; `show { $number }` ne peut pas choisir, leurs slugs fonctionnent
course-lesson-ambiguous = le chapitre { $key } est ambigu : { $count } leçons portent ce numéro ({ $slugs }) ; donnez le slug
course-lesson-unknown-none-loads = leçon `{ $key }` inconnue : aucune leçon de ce cours ne se charge
course-lesson-unknown = leçon `{ $key }` inconnue ; leçons : { $known }
course-link-loop = une boucle de liens symboliques : non suivie
course-link-dangling = un lien symbolique qui ne mène nulle part ({ $error }) : non suivi
course-link-outside = un lien symbolique qui sort du dossier du cours (vers { $target }) : non suivi
course-link-back = un lien symbolique qui revient vers { $target } (une boucle, ou un dossier déjà lu) : non suivi
course-config-invalid = réglages du cours invalides : { $detail }
course-exercise-no-spec = un dossier d'exercice doit contenir exercise.yaml (sa spec)
spec-missing = absent
spec-not-utf8 = pas du texte UTF-8
spec-id-mismatch = id : la spec indique `{ $id }` mais le dossier est celui de l'exercice `{ $folder }`
spec-yaml = YAML invalide : { $detail }
spec-version = version : cet atelier lit la version { $expected } des specs, trouvé { $found }
spec-checks-empty = checks : il faut au moins un check
spec-run-no-file = run : la commande doit contenir {"{"}file{"}"}
spec-file-name = file : `{ $file }` doit être un simple nom de fichier, comme `premiers.py`
spec-limit-seconds = limits : { $key } : { $value } n'est pas un nombre de secondes dans 0..3600
spec-limit-range = limits : { $key } : { $value } n'est pas dans 1..={ $max }
spec-busy-share = busy_share : une part entre 0 et 1
spec-in-check = check `{ $name }` : { $key } : { $problem }
spec-check-name-taken = ce nom est déjà celui d'un autre check
spec-expression-invalid = expression invalide : { $error }
spec-variable-unknown = variable `{ $name }` inconnue (connues ici : { $known } ; une capture doit venir d'un check `regex` plus haut)
spec-regex-invalid = regex invalide : { $error }
spec-patterns-empty = il faut au moins un motif
spec-tolerance-negative = une tolérance est un nombre ≥ 0
spec-not-fraction = { $value } n'est pas une fraction entre 0 et 1
spec-call-in-case = un check call s'exécute dans son propre lancement (celui du harnais), pas dans un cas
spec-detail = { $detail }
lint-section-no-anchor = la section `{ $title }` n'a pas d'ancre : ajoutez {"{"}#{ $anchor }{"}"} pour que les liens et la progression survivent à un changement de titre
lint-demo-unknown = la section `{ $anchor }` renvoie à une démo inconnue `{ $demo }` (démos : { $known })
lint-lesson-number-unknown = lesson : aucune leçon n'a le numéro de chapitre { $number }
lint-anchor-not-section = anchor : `{ $anchor }` n'est pas une section de { $lesson } (ancres : { $anchors })
lint-run-missing = run : `{ $program }` n'est pas installé sur cette machine (cherché dans { $path }) : la solution et le starter ne peuvent pas être lancés
lint-file-missing = absent ({ $name } est requis)
lint-checking = vérifie { $file } …
lint-ok = ok
lint-problem = PROBLÈME
lint-could-not-check = n'a pas pu être vérifié : { $error }
lint-solution-failed = la solution de référence doit réussir sa spec, mais a échoué : { $failed }
lint-starter-passes = le starter réussit sa spec : les checks ne distinguent pas un travail inachevé d'un travail fini
lint-starter-ends = le starter doit échouer à ses checks, pas finir en `{ $verdict }`
lint-lessons = { $count ->
    [one] { $count } leçon
   *[other] { $count } leçons
}
lint-exercises = { $count ->
    [one] { $count } exercice
   *[other] { $count } exercices
}
lint-solutions = { $count ->
    [one] { $count } solution vérifiée
   *[other] { $count } solutions vérifiées
}
lint-starters = { $count ->
    [one] { $count } starter vérifié
   *[other] { $count } starters vérifiés
}
lint-problems = { $count ->
    [one] { $count } problème
   *[other] { $count } problèmes
}
lint-summary = { $place } : { $lessons }, { $exercises }, { $solutions } (doivent réussir), { $starters } (doivent échouer) — { $problems }
course-lesson-count = { $count ->
    [one] { $count } leçon
   *[other] { $count } leçons
}
course-not-a-folder = { $path }: ce n'est pas un dossier de cours (attendu : un dossier avec lessons/ et exercises/, ou le docs/ d'un site)
course-folder-unresolved = { $path }: impossible de résoudre le dossier : { $error }
course-folder-unreadable = { $path }: impossible de lire le dossier : { $error }
course-file-unreadable = { $path }: impossible de lire le fichier : { $error }
