# La ligne de commande : les mots de clap dans --help, les titres de la page de manuel,
# les erreurs communes. Les titres finissent par une espace insécable : clap y ajoute « : ».

cli-help-usage = Utilisation :
cli-help-arguments = Arguments 
cli-help-options = Options 
cli-help-commands = Commandes 
cli-help-command-value = COMMANDE
cli-help-help = Afficher l’aide
cli-help-help-short = Afficher l’aide (plus de détails avec « --help »)
cli-help-help-long = Afficher l’aide (un résumé avec « -h »)
cli-help-version = Afficher la version
cli-help-help-command = Afficher ce message ou l’aide des sous-commandes données
cli-help-help-subcommand = Les sous-commandes dont afficher l’aide
cli-man-name = NOM
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-options = OPTIONS
cli-man-subcommands = SOUS-COMMANDES
cli-man-extra = COMPLÉMENTS
cli-man-version = VERSION
cli-man-authors = AUTEURS
cli-man-wrote = pages de manuel écrites dans { $dir }
cli-no-breathing-pattern = pas de rythme de respiration { $id } ; connus : { $known } (voir `serein breathe --list`)
cli-cant-breathe = impossible de respirer ainsi : { $error }
cli-breathe-cycles = { $n ->
    [one] { $n } cycle
   *[other] { $n } cycles
}
cli-session-id-not-box-id = { $id } est un numéro de séance (comme dans `serein log`), pas de créneau ; les numéros de créneau s’écrivent #{ $n } ou { $n } (voir `serein plan list`)
cli-not-a-box-id = { $id } n’est pas un numéro de créneau ; attendu #N ou N, comme dans `serein plan list`
cli-box-id-not-session-id = { $id } est un numéro de créneau (comme dans `serein plan list`), pas de séance ; les numéros de séance s’écrivent s{ $n } ou { $n } (voir `serein log`)
cli-not-a-session-id = { $id } n’est pas un numéro de séance ; attendu sN ou N, comme dans `serein log`
cli-breathe-needs-terminal = serein breathe a besoin d’un terminal
cli-review-needs-terminal = serein review a besoin d’un terminal
