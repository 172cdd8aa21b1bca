# Reading what people type: days, yes/no answers, French forms. Both languages are always
# accepted; only the messages follow the interface language.

input-date-unknown = date "{ $value }" not understood; expected today, tomorrow, yesterday, a weekday (monday, mon), DD/MM, DD/MM/YYYY or YYYY-MM-DD (French also works: aujourd'hui, demain, hier, lundi)
input-date-month-day = date "{ $value }" not understood: dates are written day first, as { $day }/{ $month } (US month/day is not accepted)
input-date-year = date "{ $value }" is out of range; expected a year from 1000 to 9999
