# Status: draft, needs review by a native speaker
# Lättläst svenska (easy Swedish, lättläst). Staff-only messages are copied from locales/sv/ unchanged.
# Chatt: klientens sidor.
chat-offer-heading = Chatta nu
chat-open = I chatten skriver du meddelanden till en medarbetare. Medarbetaren svarar dig direkt. Du kan börja chatta nu. Du behöver inget konto. Du behöver inte säga ditt namn.
chat-closed = Chatten är stängd nu.
chat-closed-next = Chatten är stängd nu. Chatten är öppen nästa gång: { $when }.
chat-no-one = Chatten är öppen. Alla medarbetare är upptagna just nu. Försök igen om en stund. Du kan också skriva ett meddelande här nedanför.
chat-full = Kön till chatten är full just nu. Försök igen senare. Du kan också skriva ett meddelande här nedanför. Då svarar vi dig skriftligt.
chat-closed-now = Chatten startade inte. Chatten är stängd, eller så finns ingen medarbetare här just nu.
chat-name = Vad ska vi kalla dig? Du kan lämna det här tomt.
chat-name-hint = Du kan hitta på vilket namn som helst. Det behöver inte vara ditt riktiga namn.
chat-start = Börja chatta
chat-or-write = Du kan också skriva ett meddelande
chat-title = Chatt – { $service }
chat-receipt-hint = Det här är din kvittokod. Skriv upp koden nu. Du ser koden bara den här gången. Med koden kan du läsa det här samtalet senare. Med koden kan du också läsa nya svar och skriva till oss igen.
chat-status-next = Du är nästa person i kön.
chat-status-ahead = { $ahead ->
    [one] Det står 1 person före dig i kön.
   *[other] Det står { $ahead } personer före dig i kön.
}
chat-status-usually = Du brukar få vänta mindre än { $minutes ->
    [one] 1 minut.
   *[other] { $minutes } minuter.
}
chat-status-with = Du chattar nu med en medarbetare. Medarbetaren heter { $name }.
chat-status-active = Du chattar nu med en medarbetare.
chat-waiting-hint = Du kan skriva redan nu medan du väntar. Medarbetaren läser det när chatten börjar. Ibland visar sidan inte nya meddelanden av sig själv. Tryck då ibland på knappen ”Visa nya meddelanden”. Då vet vi att du är kvar.
chat-conversation = Samtal
chat-empty = Här finns inga meddelanden än.
chat-your-message = Ditt meddelande
chat-message-hint = Tryck på knappen ”Skicka” för att skicka. Vi krypterar ditt meddelande innan vi sparar det.
chat-send = Skicka
chat-check = Visa nya meddelanden
chat-sending = Skickar…
chat-connection-lost = Kontakten bröts. Ditt meddelande finns kvar här. Försök skicka det igen.
chat-too-fast = Du skickar meddelanden för snabbt. Vänta en stund. Skicka sedan igen. Ditt meddelande finns kvar här.
chat-to-written = Lämna kön och få ett skriftligt svar
chat-end = Sluta chatta
chat-you = Du
chat-counsellor = Medarbetare
chat-ended-title = Chatten är slut
chat-ended = Chatten är slut.
chat-ended-by-counsellor = Medarbetaren avslutade chatten.
chat-ended-gone = Chatten är slut. Vi hörde inget från dig på en stund.
chat-ended-read-later = Du kan läsa samtalet senare med din kvittokod. Du kan också skriva till oss igen.
chat-ended-not-kept = Den här tjänsten tar bort meddelandena när chatten är slut. Därför kan du inte läsa samtalet igen. Du kan ändå skriva till oss med din kvittokod.
chat-written-title = Ditt meddelande är skickat
chat-written = { $service } svarar dig skriftligt. Du kan läsa svaret med din kvittokod.
chat-not-started-title = Chatten startade inte
chat-none-title = Ingen chatt är öppen
chat-none = Det finns ingen öppen chatt i den här webbläsaren. Chatten kanske är slut. Webbläsaren kanske har glömt chatten.
chat-draft-kept = Texten som du skrev. Kopiera texten om du vill spara den.
chat-link-check = Läs svaren med din kvittokod
chat-link-services = Alla tjänster
chat-link-service = Tillbaka till { $service }
kind-chat = Chatt
topic-chat = Chatt

# Den jourhavandes sida.
staff-chat = Chatt
chat-console-title = Chatt
chat-duty = Chattjour
chat-duty-services = Jag har chattjour för
chat-duty-no-services = Du är inte medlem i någon tjänst.
chat-duty-capacity = Hur många chattar jag tar åt gången
chat-duty-save = Spara min jour
chat-mine = Mina chattar
chat-mine-none = Du har inga öppna chattar.
chat-waiting = Väntar
chat-waiting-none = Ingen väntar.
chat-not-on-duty = Du har inte chattjour. Välj dina tjänster ovan för att se deras kö.
chat-waited = { $minutes ->
    [one] har väntat 1 minut
   *[other] har väntat { $minutes } minuter
}
chat-gone = borta?
chat-take-next = Ta nästa klient
chat-anonymous = Anonym
chat-console-done-duty = Din jour har sparats.
chat-console-done-none-waiting = Ingen väntar som kan tas.
chat-console-done-full = Du har redan så många chattar som du tar åt gången.
chat-console-done-taken-by-other = Någon annan tog redan den klienten.
chat-console-done-ended = Chatten avslutades.
chat-console-done-handed = Chatten överläts.
chat-staff-title = Chatt med { $name }
chat-back-to-console = Tillbaka till chattvyn
chat-open-case = Öppna ärendet
chat-client = Klient
chat-staff-active = Klienten är här.
chat-staff-gone = Inget tecken från klienten på en stund: hen kan ha gått.
chat-staff-ended = Chatten har avslutats.
chat-staff-ended-client = Klienten avslutade chatten.
chat-staff-ended-gone = Chatten avslutades: klienten hade gått.
chat-staff-ended-exit = Klienten lämnade med snabbutgången.
chat-staff-handed = Den här chatten har nu en annan jourhavande.
chat-note = Privat anteckning
chat-note-hint = Bara tjänstens jourhavande kan läsa anteckningar.
chat-note-save = Spara anteckningen
chat-note-by = Anteckning av { $name }
chat-hand-over-to = Överlåt chatten till
chat-hand-over = Överlåt
chat-staff-end = Avsluta chatten
chat-error-ended = Chatten har avslutats; inget mer kan skickas.
chat-error-hand-over = Chatten kunde inte överlåtas: välj en jourhavande som har jour.
chat-settings-heading = Chattens öppettider
chat-settings-link = Chattens öppettider för { $service }
chat-settings-title = Chattinställningar – { $service }
chat-settings-hours = Öppettider
chat-settings-hours-hint = I tjänstens egen tidszon, som HH:MM (24:00 för midnatt). Lämna en dag tom om chatten inte är öppen då.
chat-settings-from = Från
chat-settings-until = Till
chat-settings-queue-max = Hur många som får vänta i kön
chat-settings-keep = Spara samtalet när chatten har avslutats
chat-settings-keep-hint = Om samtalet inte sparas raderas meddelandena när chatten avslutas; ärendet och klientens kvitto finns kvar.
chat-settings-save = Spara
chat-settings-saved = Chattinställningarna har sparats.
chat-settings-error-hours = { $day }: ange båda tiderna som HH:MM, början före slutet.
chat-settings-error-queue = Ange köns storlek som ett tal från 1 till 1000.
audit-action-chat-take = Tog en chatt
audit-action-chat-end = Avslutade en chatt
audit-action-chat-hand-over = Överlät en chatt
audit-action-chat-settings = Ändrade chattinställningar
