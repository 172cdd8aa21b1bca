# serein config path|check|init.

cliconfig-path-exists = { $path } (existe)
cliconfig-path-missing = { $path } (pas encore créé ; les valeurs par défaut s’appliquent)
cliconfig-check-no-file = { $path } : pas de fichier ; les valeurs par défaut intégrées s’appliquent
cliconfig-warning = attention : { $warning }
cliconfig-bad-hooks = { $path } : { $n ->
    [one] { $n } hook ne peut pas s’exécuter
   *[other] { $n } hooks ne peuvent pas s’exécuter
} (voir les avertissements ci-dessus)
cliconfig-ok = { $path } : ok
cliconfig-exists = { $path } existe déjà ; utilisez --force pour l’écraser
cliconfig-wrote = { $path } écrit
