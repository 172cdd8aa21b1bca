# The command line: clap's own words in --help, man page headings, shared errors.

cli-help-usage = Usage:
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-commands = Commands
cli-help-command-value = COMMAND
cli-help-help = Print help
cli-help-help-short = Print help (see more with '--help')
cli-help-help-long = Print help (see a summary with '-h')
cli-help-version = Print version
cli-help-help-command = Print this message or the help of the given subcommand(s)
cli-help-help-subcommand = Print help for the subcommand(s)
cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-options = OPTIONS
cli-man-subcommands = SUBCOMMANDS
cli-man-extra = EXTRA
cli-man-version = VERSION
cli-man-authors = AUTHORS
cli-man-wrote = wrote the man pages to { $dir }
cli-no-breathing-pattern = no breathing pattern { $id }; known: { $known } (see `serein breathe --list`)
cli-cant-breathe = can't breathe like that: { $error }
cli-breathe-cycles = { $n ->
    [one] { $n } cycle
   *[other] { $n } cycles
}
cli-session-id-not-box-id = { $id } is a session id (as in `serein log`), not a box id; box ids look like #{ $n } or { $n } (see `serein plan list`)
cli-not-a-box-id = { $id } is not a box id; expected #N or N, as in `serein plan list`
cli-box-id-not-session-id = { $id } is a box id (as in `serein plan list`), not a session id; session ids look like s{ $n } or { $n } (see `serein log`)
cli-not-a-session-id = { $id } is not a session id; expected sN or N, as in `serein log`
cli-breathe-needs-terminal = serein breathe needs a terminal
cli-review-needs-terminal = serein review needs a terminal
