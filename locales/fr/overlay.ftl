# L’aide (`?`).

overlay-title = touches
overlay-close = une touche quelconque ferme l’aide
overlay-digits-label = chiffres :
overlay-digits = 1-9 et 0 donnent une note ou un bilan (0 vaut 10 pour les notes)
overlay-review-note = Les notes ne regardent que vous : votre satisfaction dans chaque domaine de la vie, de 1 à 10. Le bilan énergie et détachement est propre à serein, ce n’est pas une échelle validée.
overlay-week-note = Barres : minutes enregistrées par jour et par domaine, chacun avec son motif ; le trait fin est work_hours_per_day, le nombre à droite le travail du jour. Les remarques sont des faits avec leur source, jamais un diagnostic ; [balance] dans la configuration règle quand elles apparaissent.
overlay-add-label = ajouter :
overlay-domains-label = domaines :
