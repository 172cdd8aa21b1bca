# serein config path|check|init.

cliconfig-path-exists = { $path } (exists)
cliconfig-path-missing = { $path } (not created; defaults apply)
cliconfig-check-no-file = { $path }: no file; the embedded defaults apply
cliconfig-warning = warning: { $warning }
cliconfig-bad-hooks = { $path }: { $n } hook(s) can't run (see the warnings above)
cliconfig-ok = { $path }: ok
cliconfig-exists = { $path } already exists; use --force to overwrite it
cliconfig-wrote = wrote { $path }
