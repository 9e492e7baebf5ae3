# Chatt: klientens sidor.
chat-offer-heading = Chatta nu
chat-open = Du kan chatta med en jourhavande nu. Du behöver inget konto och inget namn.
chat-closed = Chatten är stängd nu.
chat-closed-next = Chatten är stängd nu. Den öppnar nästa gång { $when }.
chat-no-one = Chatten är öppen, men ingen jourhavande är ledig just nu. Försök igen om en stund, eller skriv ett meddelande nedan.
chat-full = Chattkön är full just nu. Försök igen senare, eller skriv ett meddelande nedan: vi svarar skriftligt.
chat-closed-now = Chatten kunde inte starta: den är stängd eller ingen har jour just nu.
chat-name = Vad får vi kalla dig? (frivilligt)
chat-name-hint = Vilket namn som helst går bra. Du kan lämna fältet tomt.
chat-start = Starta en chatt
chat-or-write = Eller skriv ett meddelande
chat-title = Chatt – { $service }
chat-receipt-hint = Det här är ditt kvitto. Skriv upp det nu: det visas bara en gång. Med det kan du läsa det här samtalet och senare svar, och skriva till oss igen.
chat-status-next = Du är näst på tur i kön.
chat-status-ahead = { $ahead ->
    [one] En person är före dig i kön.
   *[other] { $ahead } personer är före dig i kön.
}
chat-status-usually = Det brukar ta mindre än { $minutes ->
    [one] en minut
   *[other] { $minutes } minuter
}.
chat-status-with = Du chattar med { $name }.
chat-status-active = En jourhavande chattar med dig.
chat-waiting-hint = Du kan skriva medan du väntar: den jourhavande läser det när chatten börjar. Om sidan inte uppdateras av sig själv, tryck då och då på ”Visa nya meddelanden”, så vet vi att du fortfarande är kvar.
chat-conversation = Samtal
chat-empty = Inga meddelanden ännu.
chat-your-message = Ditt meddelande
chat-message-hint = Tryck på ”Skicka” för att skicka. Det du skriver krypteras innan det sparas.
chat-send = Skicka
chat-check = Visa nya meddelanden
chat-sending = Skickar…
chat-connection-lost = Anslutningen bröts. Ditt meddelande finns kvar här: försök skicka det igen.
chat-too-fast = Du skickar meddelanden mycket snabbt. Vänta en stund och skicka igen: ditt meddelande finns kvar.
chat-to-written = Lämna kön och få ett skriftligt svar
chat-end = Avsluta chatten
chat-you = Du
chat-counsellor = Jourhavande
chat-ended-title = Chatten har avslutats
chat-ended = Chatten har avslutats.
chat-ended-by-counsellor = Den jourhavande avslutade chatten.
chat-ended-gone = Chatten avslutades eftersom vi inte hörde av dig på en stund.
chat-ended-read-later = Du kan läsa samtalet senare med ditt kvitto och skriva till oss igen.
chat-ended-not-kept = Den här tjänsten sparar inte chattsamtal, så samtalet kan inte läsas igen. Med ditt kvitto kan du ändå skriva till oss.
chat-written-title = Ditt meddelande har skickats
chat-written = { $service } svarar skriftligt. Läs svaret med ditt kvitto.
chat-not-started-title = Chatten startade inte
chat-none-title = Ingen öppen chatt
chat-none = Det finns ingen öppen chatt i den här webbläsaren. Den kan ha avslutats, eller så har webbläsaren glömt den.
chat-draft-kept = Texten du skrev (kopiera den för att spara den)
chat-link-check = Läs svar med ditt kvitto
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
