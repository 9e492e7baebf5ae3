# Status: draft, needs review by a native speaker
# Lättläst svenska (easy Swedish, lättläst). Staff-only messages are copied from locales/sv/ unchanged.
## Tidsbokning: klienter

booking-link = Vill du prata i telefon eller vara med i en grupp? Boka en tid här.
booking-title = Boka en tid: { $service }
booking-intro = Välj en ledig tid eller en grupp. Du behöver inte säga ditt namn. Vi skyddar allt du skriver. Bara medarbetarna på den här tjänsten kan läsa det.
booking-zone-note = Tiderna är i lokal tid. Platsen är { $city }.
booking-zone-note-finland = Tiderna är i finsk tid.
booking-zone-note-utc = Tiderna är i världstid (UTC). I Finland är klockan 2 eller 3 timmar mer.
booking-choose = Välj en tid
booking-times = Tider för samtal
booking-choose-group = Välj en grupp
booking-none-free = Just nu finns det inga lediga tider.
booking-none-free-title = Just nu finns det inga lediga tider och inga grupper
booking-none-free-later = Medarbetarna lägger ut nya tider och grupper på den här sidan. Titta på sidan igen om några dagar.
booking-none-free-write = Du kan också skriva till oss nu. Skicka ett meddelande här.
booking-groups = Grupper
booking-seats-free = { $label } ({ $n ->
    [one] 1 plats ledig
   *[other] { $n } platser lediga
})
booking-group-detail = { $meetings ->
    [one] 1 träff
   *[other] { $meetings } träffar
}: { $first } – { $last }. { $free ->
    [one] 1 plats ledig.
   *[other] { $free } platser lediga.
}
booking-group-meetings = Träffar
booking-group-name-hint = Vi använder det här namnet i gruppen. Du kan hitta på vilket namn som helst. Det behöver inte vara ditt riktiga namn.
booking-group-submit = Anmäl mig till gruppen
booking-call = Vem ringer?
booking-call-we_call = Vi ringer dig
booking-call-you_call = Du ringer oss
booking-line-number = Vårt telefonnummer: { $phone }
booking-phone = Ditt telefonnummer (om vi ringer dig)
booking-phone-hint = Bara medarbetarna ser numret. Om du ringer oss lämnar du det här tomt.
booking-topic = Ämne (om du vill)
booking-topic-none = Jag väljer inget ämne
booking-submit = Boka den här tiden
booking-taken = Någon annan bokade just den här tiden. Välj en annan tid. Det andra du skrev finns kvar här.
booking-group-full = Någon annan fick just den sista platsen i gruppen. Välj en annan grupp eller en tid. Det andra du skrev finns kvar här.
booking-error-choice = Välj en tid.
booking-error-group = Välj en grupp.
booking-error-call = Välj vem som ringer.
booking-error-phone = Skriv ett telefonnummer som vi kan ringa. Använd bara siffror, mellanslag och tecknen + - ( ). Du kan också välja att du ringer oss.
booking-error-phone-unused = Du valde att du ringer oss. Lämna därför telefonnumret tomt.
booking-booked-title = Din tid är bokad
booking-booked-at = Vi har sparat din bokning. Tjänsten är { $service }.
booking-group-booked-title = Du har en plats i gruppen
booking-group-booked-at = Vi har sparat din anmälan till gruppen { $group }. Tjänsten är { $service }.
booking-time = Tid
booking-line = Vårt telefonnummer
booking-we-call-you-at = Vi ringer dig på { $phone }
booking-you-call-us = Du ringer oss
booking-receipt-use = Skriv upp den här koden. Med koden ser du din bokning. Du kan också flytta bokningen eller avboka den. Du kan också läsa våra meddelanden.
booking-group-receipt-use = Skriv upp den här koden. Med koden ser du din anmälan och gruppens träffar. Du kan också lämna din plats i gruppen. Du kan också läsa våra meddelanden.
booking-manage-open = Se, flytta eller avboka
booking-manage-title = Din bokning
booking-group-manage-title = Din plats i gruppen
booking-group = Grupp
booking-state-booked = Bokad
booking-state-cancelled = Avbokad
booking-state-moved = Flyttad
booking-state-done = Klar
booking-state-no_show = Blev inte av
booking-group-state-booked = Du är med i gruppen
booking-not-current = Du kan inte ändra den här bokningen längre.
booking-move = Byt till en annan tid
booking-move-submit = Byt tid
booking-cancel = Avboka
booking-cancel-hint = Sedan kan någon annan boka tiden. Dina meddelanden finns kvar.
booking-cancel-submit = Avboka
booking-group-cancel = Lämna din plats
booking-group-cancel-hint = Sedan kan någon annan få din plats. Dina meddelanden finns kvar.
booking-group-cancel-submit = Lämna min plats
booking-cancelled-notice = Din tid är nu avbokad.
booking-group-cancelled-notice = Du har lämnat din plats i gruppen.
booking-moved-notice = Din bokning har nu en ny tid.
booking-back-to-thread = Tillbaka till dina meddelanden
booking-doc-moved = Bokningen är flyttad. Den nya tiden är { $when }.
booking-doc-cancelled = Bokningen är avbokad.
booking-line-we_call-client = Din tid: { $when }. Vi ringer dig.
booking-line-you_call-client = Din tid: { $when }. Du ringer oss.
booking-line-we_call-staff = Bokad tid: { $when }. Vi ringer klienten.
booking-line-you_call-staff = Bokad tid: { $when }. Klienten ringer oss.
booking-line-group-client = Du har en plats i gruppen { $group }. Den första träffen är { $first }. Den sista träffen är { $last }.
booking-line-group-staff = Plats i gruppen { $group }. Första träffen är { $first } och sista { $last }.
booking-weekday-1 = måndag
booking-weekday-2 = tisdag
booking-weekday-3 = onsdag
booking-weekday-4 = torsdag
booking-weekday-5 = fredag
booking-weekday-6 = lördag
booking-weekday-7 = söndag

## Tidsbokning: personal

kind-booking = Bokning
staff-availability = Tider
avail-title = Tider och grupper
avail-slots = Publicerade tider
avail-slots-caption = Enskilda tider från och med nu
avail-none = Inget publicerat.
avail-when = Tid
avail-seats = Bokade platser
avail-actions = Åtgärder
avail-remove = Ta bort
avail-booked = Bokad
avail-groups = Grupper
avail-oneoff = Publicera en enskild tid
avail-weekly = Publicera veckojour
avail-group = Publicera en grupp
avail-date = Dag
avail-start = Börjar
avail-until = Slutar
avail-minutes = Längd i minuter
avail-slot-minutes = En tids längd i minuter
avail-capacity = Platser
avail-weekday = Veckodag
avail-from-day = Från och med den här dagen (tomt: i dag)
avail-weeks = Hur många veckor
avail-name-fi = Namn på finska
avail-name-sv = Namn på svenska
avail-name-en = Namn på engelska
avail-first-meeting = Dag för första träffen
avail-meetings = Antal träffar
avail-every-days = Dagar mellan träffarna
avail-publish = Publicera
avail-done-published = Publicerat.
avail-done-removed = Tiden togs bort.
avail-error-service = Välj en av dina tjänster.
avail-error-date = Ange dagen som ÅÅÅÅ-MM-DD.
avail-error-time = Ange tiden som HH:MM.
avail-error-weekday = Välj en veckodag.
avail-error-minutes = Längden ska vara 5–600 minuter.
avail-error-capacity = Platserna ska vara 1–500.
avail-error-weeks = Veckorna ska vara 1–52.
avail-error-meetings = Träffarna ska vara 1–52.
avail-error-every = Dagar mellan träffarna ska vara 1–366.
avail-error-until = Jouren måste sluta efter att den börjar.
avail-error-no-slots = Den här jouren ger inga tider i framtiden.
avail-error-no-such-time = Den tiden finns inte eller inträffar två gånger den dagen (tidsomställning). Välj en annan tid.
avail-error-past = Tiden har redan passerat.
avail-error-group-name = Ge gruppen ett namn på alla tre språk (högst 100 tecken).
avail-error-raced = Någon bokade just den här tiden, så ingenting togs bort. Försök igen.
avail-error-confirm = Ingenting togs bort: tiden är bokad, och att ta bort den avbokar den. Kryssa i ”Jag är säker” för att ta bort den.
avail-error-unreadable = En bokning av den här tiden gjordes innan du kunde öppna ärendet, så klienten kunde inte meddelas. Ingenting ändrades: be en kollega som kan öppna det.
avail-remove-booked = Ta bort och avboka dess bokningar
avail-done-removed-booked = Tiden togs bort. Dess bokningar är avbokade och varje klient har fått ett meddelande om det.
avail-doc-removed = Vi var tvungna att avboka din tid { $when }: tiden finns inte längre. Boka en annan tid eller skriv till oss här.
booking-weekday-long-1 = måndag
booking-weekday-long-2 = tisdag
booking-weekday-long-3 = onsdag
booking-weekday-long-4 = torsdag
booking-weekday-long-5 = fredag
booking-weekday-long-6 = lördag
booking-weekday-long-7 = söndag

## Tidsbokning: personalens schema

staff-schedule = Schema
schedule-title = Schema
schedule-nav = Gå i schemat
schedule-previous = Tidigare
schedule-next = Senare
schedule-day = En dag
schedule-week = Hela veckan
schedule-go-to = Dag
schedule-show = Visa
schedule-week-of = Vecka { $first } – { $last }
schedule-none = Inga bokningar under den här tiden.
schedule-call-we_call = Vi ringer klienten
schedule-call-you_call = Klienten ringer oss
schedule-phone = Klientens telefonnummer
schedule-details = Uppgifter
schedule-open-case = Öppna ärendet
schedule-mark-done = Markera som klar
schedule-mark-no-show = Markera som uteblivet
schedule-cancel-message = Meddelande till klienten om avbokningen
schedule-cancel-hint = Klienten läser det med sin kvittokod. Tiden blir ledig för någon annan.
schedule-cancel-submit = Avboka och skicka meddelandet
schedule-done-outcome = Bokningen är markerad.
schedule-done-cancelled = Bokningen är avbokad och ditt meddelande väntar på klienten.
schedule-not-current = Någon har redan ändrat bokningen, så ingenting gjordes.
schedule-unreadable = Bokningen gjordes innan du kunde öppna ärendet, så klienten kan inte få ett meddelande härifrån. Ingenting gjordes: be en kollega som kan öppna det.
schedule-error-summary = Bokningen avbokades inte: skriv först ett meddelande till klienten.
schedule-doc-cancelled = Vi var tvungna att avboka din tid { $when }.

## Samtal som tas emot per telefon

kind-phone = Telefonsamtal
staff-phone = Registrera ett samtal
phone-title = Registrera ett telefonsamtal
phone-intro = Registrera ett samtal för den som ringer. Det förseglas som alla andra ärenden. Du får sedan en kvittokod att läsa upp för den som ringer, så att hen kan fortsätta skriftligt.
phone-errors = Kontrollera följande
phone-off-duty = Ingen av dina tjänster har jourtid just nu, så samtalet kan inte registreras. Samtal registreras under tjänstens veckovisa jourtider och upp till { $minutes ->
    [one] en minut
   *[other] { $minutes } minuter
} efter att de slutat.
phone-on-duty = Jourtid pågår nu: { $services }.
phone-error-off-duty = Tjänsten har ingen jourtid just nu, så samtalet registrerades inte. Det du skrev finns kvar nedan.
phone-name = Namnet på den som ringer (frivilligt)
phone-name-hint = Bara om hen sade det: namnet hen vill bli kallad vid.
phone-text = Vad samtalet gällde
phone-text-hint = Förseglas: bara tjänstens personal, och den som ringer med koden, kan läsa det.
phone-submit = Spara och visa koden
phone-receipt-title = Läs upp den här koden för den som ringer
phone-saved = Samtalet är sparat som ett ärende för { $service }.
phone-read-out = Läs koden långsamt, i grupper om fyra. Med den kan den som ringer läsa våra svar och skriva till oss på sidan där man återvänder med en kod.
phone-shown-once = Koden visas bara den här gången. Den sparas ingenstans och kan inte visas igen.
phone-again = Registrera ett till samtal
thread-phone-by = Ditt samtal. { $name } skrev ner det.
case-phone-by = Telefonsamtal, antecknat av { $name }
avail-edit = Ändra
avail-edit-title = Ändra en tid
avail-edit-now = Nu: { $when }
avail-edit-booked = { $count ->
    [one] En person har bokat den här tiden. Om du ändrar tiden avbokas hens bokning och hen får ett meddelande om den nya tiden.
   *[other] { $count } personer har bokat den här tiden. Om du ändrar tiden avbokas deras bokningar och var och en får ett meddelande om den nya tiden.
}
avail-edit-save = Spara ändringen
avail-edit-back = Tillbaka till tiderna
avail-done-edited = Tiden ändrades.
avail-done-edited-booked = Tiden ändrades. Dess bokningar är avbokade och varje klient har fått ett meddelande om den nya tiden.
avail-error-below-taken = Det kan inte finnas färre platser än det redan finns bokningar.
avail-doc-changed = Vi var tvungna att avboka din tid { $when }: tiden ändrades till { $new }. Du kan boka den nya tiden eller en annan, eller skriva till oss här.
schedule-error-confirm = Bekräfta avbokningen genom att kryssa i ”Jag är säker”.
