# Tjänstens utlovade svarstid, automatiska svar och påminnelser på
# personalens sidor och i meddelandet om försenade ärenden (src/promise, src/notify/late.rs).
promise-form-heading = Svarstid och automatiskt svar
promise-form-hint = Klienter ser den utlovade svarstiden när de kontrollerar sitt ärende. Ett ärende som fortfarande är nytt efter den utlovade tiden markeras i kön, och medlemmar med e-postadress får en gång om dagen veta att tjänsten har sådana ärenden. Det automatiska svaret läggs till en skriftlig kontaktbegäran på klientens språk eller, om det saknas, på finska för lättläst finska, på svenska för lättläst svenska och på engelska för de andra; lämna ett språk tomt för inget svar på det.
services-field-answer-days = Utlovad svarstid i vardagar
services-hint-answer-days = 1–60 vardagar (måndag till fredag, inte finska helgdagar), räknat från dagen ärendet kom. Lämna tomt för inget löfte.
promise-field-auto-reply-in = Automatiskt svar på { $language }
promise-error-answer-days = Ange svarstiden som ett heltal från 1 till 60 vardagar, eller lämna fältet tomt.
promise-error-auto-reply = Det automatiska svaret får vara högst 1000 tecken långt.
promise-queue-late = Utlovad tid har gått ut
promise-queue-count = Utlovad tid har gått ut
promise-case-hint = { $days ->
    [one] Tjänsten lovar att svara inom { $days } vardag från dagen ärendet kom.
   *[other] Tjänsten lovar att svara inom { $days } vardagar från dagen ärendet kom.
}
promise-case-auto-reply = Tjänstens automatiska svar
promise-notify-subject = ärenden väntar efter utlovad tid
promise-notify-intro = Några ärenden i dessa tjänster i suoja väntar efter den utlovade svarstiden:
stats-metric-answered-in-time = Ärenden besvarade inom utlovad tid
stats-line-answered-in-time = Första svaret inom utlovad tid
