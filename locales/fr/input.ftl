# Lecture de ce qui est tapé : jours, réponses oui/non, formes françaises. Les deux langues
# sont toujours acceptées ; seuls les messages suivent la langue de l'interface.

input-date-unknown = date « { $value } » non comprise ; attendu : aujourd'hui, demain, hier, un jour de la semaine (lundi, lun), JJ/MM, JJ/MM/AAAA ou AAAA-MM-JJ (l'anglais marche aussi : today, tomorrow, monday)
input-date-month-day = date « { $value } » non comprise : le jour s'écrit en premier, { $day }/{ $month } (l'ordre américain mois/jour n'est pas accepté)
input-date-year = date « { $value } » hors limites ; attendu : une année de 1000 à 9999
input-template-bare-hour = { $place } : modèle « { $template } » : « { $line } » commence à { $start }, hors de votre journée ({ $day_start }–{ $day_end }) : une heure seule est une heure de début. Pour un bloc de cette durée, écrivez « { $length } { $rest } »
