# serein export (les données exportées restent neutres).

cliexport-to-before-from = --to { $to } est avant --from { $from } ; rien à exporter
