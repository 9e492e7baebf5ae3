# Personalens sidor: inloggning, eget konto, kö och ärende.
staff-site-name = suoja för personal
staff-nav = Personalmeny
staff-queue = Kö
staff-account = Mitt konto
staff-logout = Logga ut ({ $name })
staff-login-title = Inloggning för personal
staff-login = Logga in
staff-username = Användarnamn
staff-password = Lösenord
staff-code = Verifieringskod
staff-code-hint = Bara om du har aktiverat tvåstegsverifiering: de sex siffrorna från din autentiseringsapp.
staff-notice-ended = Din session har tagit slut. Logga in igen för att fortsätta.
staff-notice-locked = Din session kunde inte öppna din nyckel (den började före en uppdatering av servern). Logga in igen för att låsa upp den.
staff-notice-out = Du har loggat ut. Din nyckel togs bort ur serverns minne.
staff-error-form-expired = Inloggningsformuläret hade gått ut. Försök igen.
staff-error-too-many = För många inloggningsförsök. Vänta en stund och försök igen.
staff-error-login = Användarnamnet, lösenordet eller verifieringskoden är fel, eller så används kontot inte.
staff-account-title = Mitt konto
staff-must-change = Välj ett nytt lösenord innan du fortsätter. Lösenordet du fick fungerar bara en gång.
staff-recipient = Din publika nyckel
staff-change-password = Byt lösenord
staff-change-password-hint = Din privata nyckel är sparad låst med ditt lösenord. När du byter lösenord låses nyckeln med det nya.
staff-current-password = Nuvarande lösenord
staff-new-password = Nytt lösenord
staff-new-password-hint = Minst 12 tecken. Några ord som inte hör ihop blir ett bra lösenord.
staff-repeat-password = Nytt lösenord igen
staff-password-changed = Ditt lösenord är bytt och din nyckel låst med det nya.
staff-totp = Tvåstegsverifiering
staff-totp-off-now = Tvåstegsverifiering används inte. När den används frågar inloggningen också efter en kod från en autentiseringsapp.
staff-totp-start = Aktivera tvåstegsverifiering
staff-totp-setup-hint = Lägg till den här nyckeln i din autentiseringsapp (eller öppna adressen nedan med den) och skriv koden som appen visar.
staff-totp-confirm = Bekräfta och aktivera
staff-totp-on = Tvåstegsverifiering används.
staff-totp-off = Stäng av tvåstegsverifiering
error-password-short = Det nya lösenordet är för kort: använd minst 12 tecken.
error-password-long = Det nya lösenordet är för långt.
error-password-repeat = De nya lösenorden stämmer inte överens.
error-password-current = Det nuvarande lösenordet är fel.
error-totp-code = Koden stämde inte. Kontrollera klockan i din telefon och skriv den senaste koden.
error-forbidden = Inte tillgänglig
error-forbidden-text = Sidan finns inte eller är inte tillgänglig för dig.

queue-title = Kö
queue-no-services = Du är ännu inte medlem i någon tjänst. En administratör kan lägga till dig.
queue-no-services-admin = Du är ännu inte medlem i någon tjänst. Lägg till dig själv i en tjänst på sidan Personer:
queue-counts = Ärenden efter status
queue-service = Tjänst
queue-status = Status
queue-all = Alla
queue-filter = Visa
queue-empty = Inga ärenden.
queue-caption = Ärenden, nyaste först
queue-case = Ärende
queue-assignee = Ansvarig
queue-dates = Öppnat – senaste aktivitet
queue-unread = Ny aktivitet
queue-older = Äldre ärenden
queue-unreadable = Förseglat innan du fick tillgång: din nyckel öppnar det inte
queue-deletion = Radering
queue-deletion-any = När som helst
queue-deleted-within = Raderas inom { $days ->
    [one] 1 dag
   *[other] { $days } dagar
}
queue-deletes-on = Raderas { $day }
kind-contact = Kontaktbegäran
staff-status-new = Ny
staff-status-in_progress = Under behandling
staff-status-waiting = Väntar på klienten
staff-status-closed = Stängd

case-title = Ärende
case-kind = Typ
case-updated = Senaste aktivitet
case-deleted-on = Raderas
case-deleted-on-hint = Varje meddelande, anteckning eller statusändring flyttar fram dagen: ett ärende raderas { $open ->
    [one] 1 dag
   *[other] { $open } dagar
} efter den senaste aktiviteten, ett stängt ärende { $closed ->
    [one] 1 dag
   *[other] { $closed } dagar
} efter att det stängdes. Bokningar räknas från sin tid.
case-unreadable = { $count ->
    [one] Ett meddelande förseglades innan du fick tillgång och kan inte öppnas med din nyckel.
   *[other] { $count } meddelanden förseglades innan du fick tillgång och kan inte öppnas med din nyckel.
}
case-client-name = Klientens namn
case-client-way = Kontaktsätt
case-from-client = Klient
case-reply-by = Svar från { $name }
case-note-by = Intern anteckning av { $name }
case-reply = Svara klienten
case-reply-label = Ditt svar
case-reply-hint = Klienten läser detta med sin kvittokod. Det förseglas till klienten och till tjänstens medarbetare.
case-reply-send = Skicka svar
case-note = Intern anteckning
case-note-label = Anteckning
case-note-hint = Bara tjänstens medarbetare kan läsa anteckningar; klienten ser dem aldrig.
case-note-save = Spara anteckning
case-work = Status och ansvarig
case-set-status = Byt status
case-nobody = Ingen
case-assign = Ange ansvarig
case-done-reply = Svaret har skickats.
case-done-note = Anteckningen har sparats.
case-done-status = Statusen har ändrats.
case-done-assign = Ansvarig har ändrats.
case-not-saved-title = Din session tog slut: inget sparades
case-not-saved-text = Din session tog slut innan texten skickades, så den sparades inte. Kopiera texten nedan, logga in igen och skicka den.
case-not-saved-label = Det du skrev
confirm-sure = Jag är säker

## Uppringarens eller klientens språk
phone-lang = Uppringarens språk (frivilligt)
phone-lang-none = Inte antecknat
phone-interpreter = Uppringaren behöver tolk
phone-error-lang = Välj ett språk i listan.
phone-error-interpreter-lang = Välj det språk som tolken behövs för.
case-written-in = Skrivet på
case-spoken-in = Språk
case-interpreter = Tolk
case-interpreter-needed = Behövs
