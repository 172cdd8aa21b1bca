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
