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
