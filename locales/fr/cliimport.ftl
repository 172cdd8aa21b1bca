# serein import timew|watson|bartib.

cliimport-stdin = entrée standard : { $error }
cliimport-no-timew = aucune donnée Timewarrior trouvée (cherché dans $TIMEWARRIORDB, { $tried }) ; donnez son dossier de données ou un fichier `timew export` comme PATH
cliimport-no-timew-files = { $dir } : pas de fichiers de données Timewarrior (AAAA-MM.data) ici ; donnez le dossier de données de timew ou un fichier `timew export`
cliimport-and-more = … et { $n } de plus
cliimport-bad-lines = { $n ->
    [one] { $n } ligne illisible ; rien n’a été importé — corrigez-la, ou passez --skip-bad pour importer le reste
   *[other] { $n } lignes illisibles ; rien n’a été importé — corrigez-les, ou passez --skip-bad pour importer le reste
}
cliimport-summary = { $dry ->
    [yes] importerait
   *[no] importé
} { $n ->
    [one] { $n } séance
   *[other] { $n } séances
} de { $tool } ({ $time }) ; { $present } déjà là ; { $skipped } sautées
cliimport-skipped = sauté { $what }
cliimport-dry-run = (essai : rien n’a été écrit)
