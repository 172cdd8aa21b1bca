# Les préfixes de ce que serein écrit sur la sortie d’erreur.

main-error = serein : { $message }
main-warning = avertissement : { $message }
