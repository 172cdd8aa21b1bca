# L’aide (`?`).

help-title = touches
help-close = une touche quelconque ferme l’aide
help-digits-label = chiffres :
help-digits = 1-9 et 0 donnent une note ou un bilan (0 vaut 10 pour les notes)
help-review-note = Les notes ne regardent que vous : votre satisfaction dans chaque domaine de la vie, de 1 à 10. Le bilan énergie et détachement est propre à serein, ce n’est pas une échelle validée.
help-week-note = Barres : minutes enregistrées par jour et par domaine, chacun avec son motif ; le trait fin est work_hours_per_day, le nombre à droite le travail du jour. Les remarques sont des faits avec leur source, jamais un diagnostic ; [balance] dans la configuration règle quand elles apparaissent.
help-add-label = ajouter :
help-domains-label = domaines :
