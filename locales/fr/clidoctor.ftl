# serein doctor : une ligne par vérification (après ✓ ou ✗).

clidoctor-failed = { $n ->
    [one] { $n } vérification a échoué (voir ci-dessus)
   *[other] { $n } vérifications ont échoué (voir ci-dessus)
}
clidoctor-logs = journaux       { $path }
clidoctor-daemon-running = démon          en marche
clidoctor-daemon-not-running = démon          arrêté (lancé quand une séance commence)
clidoctor-dnd-no-backend = ne pas déranger  aucun moyen pris en charge ici ({ $backends }) ; le reste de serein fonctionne normalement
clidoctor-config = configuration  { $path } ({ $n ->
    [one] { $n } avertissement
   *[other] { $n } avertissements
})
clidoctor-warning = attention : { $warning }
clidoctor-config-none = configuration  { $path } (absente ; les valeurs par défaut s’appliquent)
clidoctor-config-error = configuration  { $error }
clidoctor-data = données        { $path } ({ $n ->
    [one] { $n } créneau
   *[other] { $n } créneaux
})
clidoctor-data-error = données        { $error }
clidoctor-notifications = notifications  { $name } ({ $vendor }) { $version }
clidoctor-no-notifications = notifications  aucun serveur de notifications ne tourne : serein continue sans notifications de bureau ni Ne pas déranger
clidoctor-journal-error = reprise        { $error }
clidoctor-journal-none = reprise        rien en suspens
clidoctor-journal-held = reprise        { $backend } : tenu par un serein en marche (pid { $pid }), qui le rétablira
clidoctor-journal-restored = reprise        laissé par un serein arrêté brutalement : { $backend } rétabli à votre réglage
clidoctor-journal-changed = reprise        laissé par un serein arrêté brutalement : { $backend } déjà changé par vous, laissé tel quel
clidoctor-journal-kept = reprise        en suspens pour { $backend }, gardé pour plus tard : { $why }
clidoctor-dnd-on-already = ne pas déranger  { $name } : déjà activé (votre réglage) : pas touché
clidoctor-dnd-error = ne pas déranger  { $name } : { $error }
clidoctor-dnd-no-journal = ne pas déranger  { $name } : impossible d’enregistrer l’état actuel ; pas essayé
clidoctor-dnd-works = ne pas déranger  { $name } : lecture, activation et rétablissement fonctionnent (votre réglage est revenu)
clidoctor-dnd-failed = ne pas déranger  { $name } : activation { $on }, lecture { $query }, rétablissement { $restore }
clidoctor-note-no-bus = pas de bus de session : { $error }
clidoctor-note-call = { $call } : { $error }
clidoctor-note-no-server = { $name } n’a pas de propriétaire
clidoctor-note-backend = { $backend } : { $error }
clidoctor-note-kde-capability = kde (capacité inhibitions) : { $error }
clidoctor-note-mako-mode = mako : { $config } n’a pas de section [mode=do-not-disturb], donc Ne pas déranger ne cachera rien : ajoutez-en une avec invisible=1
clidoctor-note-mako-mode-default = mako : la configuration de mako n’a pas de section [mode=do-not-disturb], donc Ne pas déranger ne cachera rien : ajoutez-en une avec invisible=1
clidoctor-note-not-gnome = gnome : XDG_CURRENT_DESKTOP ne nomme pas GNOME
