# serein export (the exported data itself stays language-neutral).

cliexport-to-before-from = --to { $to } is before --from { $from }; nothing to export
