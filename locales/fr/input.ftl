# Lecture de ce qui est tapé : jours, réponses oui/non, formes françaises. Les deux langues
# sont toujours acceptées ; seuls les messages suivent la langue de l'interface.

input-date-unknown = date « { $value } » non comprise ; attendu : aujourd'hui, demain, hier, un jour de la semaine (lundi, lun), JJ/MM, JJ/MM/AAAA ou AAAA-MM-JJ (l'anglais marche aussi : today, tomorrow, monday)
input-date-month-day = date « { $value } » non comprise : le jour s'écrit en premier, { $day }/{ $month } (l'ordre américain mois/jour n'est pas accepté)
input-date-year = date « { $value } » hors limites ; attendu : une année de 1000 à 9999
input-template-bare-hour = { $place } : modèle « { $template } » : « { $line } » commence à { $start }, hors de votre journée ({ $day_start }–{ $day_end }) : une heure seule est une heure de début. Pour un bloc de cette durée, écrivez « { $length } { $rest } »
input-forms = 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)
input-at-column = colonne { $column } : { $problem }
input-with-forms = { $problem } ; formes acceptées : { $forms }
input-as-length = { $problem } ; pour une durée, écrivez +{ $text } (par exemple `+{ $text } Titre`)
input-control = le caractère de contrôle U+{ $code } n’est pas permis dans un créneau
input-empty = rien à ajouter : tapez une heure et un titre
input-unknown-domain = domaine inconnu « { $tag } » : les domaines connus sont { $known } (ou #break)
input-unknown-domain-none = domaine inconnu « { $tag } » : aucun domaine n’est configuré (seulement #break)
input-two-domains = un créneau a un seul domaine : reçu #{ $first } et #{ $second }
input-no-title = il manque un titre, par exemple `09:00-10:30 Rédiger le rapport #work`
input-no-time = il manque une heure au début, par exemple 14:00, 14h, 14h30 ou 14:00 +30m
input-no-end = « { $text } » demande une heure de fin, par exemple 09:00-10:30
input-not-an-end = « { $text } » n’est pas une heure de fin
input-start-at-24 = « { $text } » : 24:00 ne peut que finir un créneau ; commencez plutôt à 00:00
input-hours = « { $text } » : les heures vont de 00 à 23 (24:00 seulement comme fin)
input-minutes = « { $text } » : les minutes vont de 00 à 59
input-end-before-start = la fin { $end } est avant le début { $start } ; un créneau ne passe pas minuit : prévoyez `22:00-24:00` aujourd’hui et `00:00-01:00` demain
input-span-too-short = { $start }-{ $end } est trop court : un créneau dure au moins { $min } minutes
input-no-unit = « { $text } » n’est pas une durée : donnez une unité, par exemple +45m ou +1h30
input-too-short = « { $text } » est trop court : un créneau dure au moins { $min } minutes
input-too-long = « { $text } » est trop long : un créneau dure au plus 24h
input-past-midnight = { $start } +{ $length } finit après minuit ; un créneau ne passe pas minuit : prévoyez `22:00-24:00` aujourd’hui et `00:00-01:00` demain
