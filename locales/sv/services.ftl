# Tjänster: administratörernas lista och formulär.
staff-services = Tjänster
services-title = Tjänster
services-intro = Varje tjänst är en ingång för klienterna: dess namn och beskrivning på tre språk, ämnena klienten väljer bland och de age-nycklar som det klienten skriver förseglas till (utöver tjänstens medlemmar och reservnyckeln). En avslutad tjänst döljs för klienterna; dess ärenden finns kvar tills lagringstiden går ut.
services-new = Skapa en tjänst
services-none = Inga tjänster ännu.
services-caption = Alla tjänster, öppna och avslutade
services-col-name = Namn
services-col-slug = Adress
services-col-keys = Egna nycklar
services-col-retention = Sparas
services-col-state = Läge
services-col-actions = Åtgärder
services-state-open = Öppen för klienter
services-state-retired = Avslutad
services-recipient-count = { $count ->
    [0] inga (endast medlemmarna och reservnyckeln)
    [one] en nyckel
   *[other] { $count } nycklar
}
services-retention-summary = { $days ->
    [one] 1 dag
   *[other] { $days } dagar
}; stängda ärenden { $closed ->
    [one] 1 dag
   *[other] { $closed } dagar
}
services-edit = Redigera { $name }
services-retire = Avsluta { $name }
services-restore = Öppna { $name } igen
services-notice-created = Tjänsten skapades. Klienterna ser den genast.
services-notice-updated = Ändringarna sparades.
services-notice-retired = Tjänsten avslutades: klienterna ser den inte längre.
services-notice-restored = Tjänsten är öppen för klienter igen.
services-new-title = Ny tjänst
services-edit-title = Redigera { $name }
services-errors = Kontrollera följande:
services-slug-fixed = Adress: /…/services/{ $slug } (kan inte ändras efter att tjänsten skapats).
services-recipients-warning = Om du ändrar nycklarna förseglas nya meddelanden genast till de nya nycklarna, och en nyckelrotation börjar försegla tjänstens tidigare meddelanden på nytt med de nycklar som är inloggade nu. Meddelanden som de nycklarna inte kan öppna räknas upp på rotationssidan; slutför dem på kommandoraden med kommandot suoja rotate och reservidentiteten.
services-save = Spara ändringarna
services-create = Skapa tjänsten
services-back = Tillbaka till tjänsterna
services-field-slug = Adress (slug)
services-field-name-fi = Namn på finska
services-field-name-sv = Namn på svenska
services-field-name-en = Namn på engelska
services-field-description-fi = Beskrivning på finska
services-field-description-sv = Beskrivning på svenska
services-field-description-en = Beskrivning på engelska
services-field-topics = Ämnen
services-field-time-zone = Tidszon
services-field-retention-days = Spara alla ärenden i (dagar)
services-field-closed-retention-days = Spara stängda ärenden i (dagar)
services-field-phone = Telefonnummer (frivilligt)
services-field-recipients = Age-nycklar (mottagare)
services-hint-slug = 1–40 tecken: a–z, 0–9 och -. Den ingår i tjänstens adress och kan inte ändras senare.
services-hint-topics = Ett per rad: ett allmänt ämne (general, crisis, relationships, sexuality, gender, mental-health, housing, host, guest, relatives, other) eller ett eget ämne för tjänsten i formen: id | finska | svenska | engelska
services-hint-time-zone = Namnet på en IANA-tidszon, till exempel Europe/Helsinki eller Europe/Stockholm.
services-hint-retention-days = Dagar efter den senaste händelsen, 1–3650.
services-hint-closed-retention-days = Dagar efter att ett ärende stängts, högst antalet ovan.
services-hint-phone = Visas för klienter som bokar ett samtal som ni ringer.
services-hint-recipients = Klistra in en age-mottagarfil: en age1…-nyckel per rad; rader som börjar med # är kommentarer. Tjänstens medlemmar och reservnyckeln läggs till automatiskt.
service-error-slug = Ange en adress på 1–40 tecken: a–z, 0–9 och -.
service-error-slug-taken = Det finns redan en tjänst med den här adressen: välj en annan.
service-error-name = Ange namnet på varje språk (högst 120 tecken).
service-error-description = Ange beskrivningen på varje språk (högst 2 000 tecken).
service-error-topics = Ange 1–30 ämnen, ett per rad.
service-error-topic-unknown = Ett ämne ensamt på en rad måste vara ett av de allmänna ämnena; ange ett eget ämne som id | finska | svenska | engelska.
service-error-topic-line = Skriv ett eget ämne som id | finska | svenska | engelska, med id av a–z, 0–9 och -.
service-error-topic-twice = Ett ämne finns två gånger i listan.
service-error-time-zone = Den här tidszonen känner vi inte till: använd ett IANA-namn, till exempel Europe/Helsinki.
service-error-days = Ange ett helt antal dagar från 1 till 3650.
service-error-closed-longer = Stängda ärenden kan inte sparas längre än alla ärenden.
service-error-phone = Ange ett telefonnummer: 5–20 siffror; mellanslag och + - ( ) är tillåtna.
service-error-recipient = En rad är inte en age X25519-mottagare (age1…).
service-error-recipients-many = Högst 100 nycklar.
service-error-no-reader = Ingen skulle kunna läsa tjänstens meddelanden: ange minst en nyckel (ingen reservnyckel är konfigurerad).
audit-action-service-created = Skapade en tjänst
audit-action-service-updated = Ändrade en tjänst
audit-action-service-retired = Avslutade en tjänst
audit-action-service-restored = Öppnade en tjänst igen
rotation-kind-recipients = Tjänstens nycklar ändrades
services-notice-not-confirmed = Tjänsten avslutades inte: bekräfta genom att kryssa i ”Jag är säker”.

## The client languages (a list under the services)
languages-heading = Klientsidornas språk
languages-intro = Klientsidorna finns på vart och ett av dessa språk, personalens sidor på finska, svenska och engelska. En översättning som är ett utkast behöver granskas av någon med språket som modersmål: TRANSLATING.md i källkoden berättar hur. Tjänsternas namn och beskrivningar skrivs på finska, svenska och engelska; sidor på andra språk visar de engelska.
languages-col-language = Språk
languages-col-code = I adressen
languages-col-status = Status
languages-col-coverage = Översatt
languages-status-reviewed = Granskad
languages-status-draft = Utkast, behöver granskas av en person med språket som modersmål
languages-status-missing = Inte översatt än: erbjuds inte klienter
languages-coverage = { $have } / { $all } meddelanden

## Tjänstens språk
services-answers = Språk som rådgivarna svarar på
services-answers-hint = En klient som skriver från en sida på ett annat språk får veta det innan hen skriver och ser de tjänster som svarar på hens språk. Om inget är valt: finska, svenska och engelska.
services-translations = Namn och beskrivning på andra språk
services-translations-hint = Frivilligt. Ange namnet och beskrivningen tillsammans. Där de saknas visar sidorna på selkosuomi den finska texten, sidorna på lättläst svenska den svenska texten och de övriga sidorna den engelska texten.
services-field-name-in = Namn: { $language }
services-field-description-in = Beskrivning: { $language }
service-error-translation-name = Ange namnet också på det här språket, eller lämna beskrivningen tom.
service-error-translation-description = Ange beskrivningen också på det här språket, eller lämna namnet tomt.
language-name-fi = finska
language-name-sv = svenska
language-name-en = engelska
language-name-fi-selko = lätt finska (selkosuomi)
language-name-sv-lattlast = lättläst svenska
language-name-ar = arabiska
language-name-fa = persiska (dari)
language-name-ckb = kurdiska (sorani)
language-name-so = somaliska
language-name-uk = ukrainska
language-name-ru = ryska
