# serein import timew|watson|bartib.

cliimport-stdin = standard input: { $error }
cliimport-no-timew = no Timewarrior data found (looked in $TIMEWARRIORDB, { $tried }); give its data folder or a `timew export` file as PATH
cliimport-no-timew-files = { $dir }: no Timewarrior data files (YYYY-MM.data) here; give timew's data folder or a `timew export` file
cliimport-and-more = … and { $n } more
cliimport-bad-lines = { $n ->
    [one] { $n } line can't be read; nothing was imported — fix it, or pass --skip-bad to import the rest
   *[other] { $n } lines can't be read; nothing was imported — fix them, or pass --skip-bad to import the rest
}
# $dry: yes (--dry-run) or no; $time: "2h30: work 2h, health 30m".
cliimport-summary = { $dry ->
    [yes] would import
   *[no] imported
} { $n ->
    [one] { $n } session
   *[other] { $n } sessions
} from { $tool } ({ $time }); { $present } already there; { $skipped } skipped
cliimport-skipped = skipped { $what }
cliimport-dry-run = (dry run: nothing was written)
