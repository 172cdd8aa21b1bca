# Erreurs de la base de données que l’on voit.

store-session-active = une séance est déjà en cours : « { $title } » (arrêtez-la d’abord, ou utilisez --replace)
store-not-serein = { $path } n’est pas une base de données serein ({ $why }) ; il n’a pas été touché — déplacez-le ou choisissez un autre --data-dir
store-too-new = { $path } a été écrit par un serein plus récent (schéma version { $found }, ce programme connaît jusqu’à { $known }) ; il n’a pas été touché — mettez serein à jour
store-corrupt = { $path } : la base de données est endommagée ({ $detail }) ; elle n’a pas été touchée — restaurez-la depuis une sauvegarde ou avec `sqlite3 { $path } .recover`
store-disk-full = le disque est plein : rien n’a été enregistré ; libérez de la place puis réessayez ({ $error })
store-sqlite = erreur de la base de données : { $error }
store-migration = la mise à jour de la base de données a échoué : { $error }
