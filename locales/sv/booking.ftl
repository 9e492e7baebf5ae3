## Tidsbokning: klienter

booking-link = Vill du hellre boka en tid för ett samtal eller anmäla dig till en grupp? Boka här.
booking-title = Boka en tid: { $service }
booking-intro = Välj en ledig tid eller en grupp. Du behöver inte uppge ditt namn. Det du skriver förseglas så att endast tjänstens rådgivare kan läsa det.
booking-zone-note = Tiderna anges i lokal tid ({ $city }).
booking-zone-note-finland = Tiderna anges i finsk tid.
booking-zone-note-utc = Tiderna anges i UTC.
booking-choose = Tid
booking-times = Samtalstider
booking-choose-group = Grupp
booking-none-free = Det finns inga lediga tider att boka just nu.
booking-none-free-title = Just nu finns inga lediga tider eller grupper
booking-none-free-later = Rådgivarna lägger ut nya tider och grupper på den här sidan. Titta in igen om några dagar.
booking-none-free-write = Du kan också skriva till oss nu: skicka ett meddelande
booking-groups = Grupper
booking-seats-free = { $label } ({ $n ->
    [one] 1 plats ledig
   *[other] { $n } platser lediga
})
booking-group-detail = { $meetings ->
    [one] 1 träff
   *[other] { $meetings } träffar
}, { $first } – { $last }, { $free ->
    [one] 1 plats ledig
   *[other] { $free } platser lediga
}
booking-group-meetings = Träffar
booking-group-name-hint = Det namn du vill att vi använder i gruppen. Vilket namn som helst går bra; det behöver inte vara ditt riktiga namn.
booking-group-submit = Anmäl mig till gruppen
booking-call = Vem ringer
booking-call-we_call = Vi ringer dig
booking-call-you_call = Du ringer oss
booking-line-number = Vår linjes nummer: { $phone }
booking-phone = Ditt telefonnummer (om vi ringer)
booking-phone-hint = Endast rådgivarna kan läsa det. Lämna tomt om du ringer oss.
booking-topic = Ämne (frivilligt)
booking-topic-none = Inget ämne
booking-submit = Boka den här tiden
booking-taken = Tyvärr hann någon annan boka den tiden. Välj en annan tid; allt annat du skrev finns kvar.
booking-group-full = Tyvärr hann den sista platsen i gruppen gå till någon annan. Välj en annan grupp eller tid; allt annat du skrev finns kvar.
booking-error-choice = Välj en tid.
booking-error-group = Välj en grupp.
booking-error-call = Välj vem som ringer.
booking-error-phone = Ange ett telefonnummer vi kan ringa (endast siffror, mellanslag och + - ( )), eller välj att du ringer oss.
booking-error-phone-unused = Du valde att ringa oss, så lämna telefonnumret tomt.
booking-booked-title = Din tid är bokad
booking-booked-at = Din bokning hos { $service } är sparad.
booking-group-booked-title = Du har en plats i gruppen
booking-group-booked-at = Din anmälan till gruppen { $group } ({ $service }) är sparad.
booking-time = Tid
booking-line = Linjens nummer
booking-we-call-you-at = Vi ringer dig på { $phone }
booking-you-call-us = Du ringer oss
booking-receipt-use = Med den här koden kan du se din bokning, flytta eller avboka den och läsa våra meddelanden.
booking-group-receipt-use = Med den här koden ser du din anmälan och gruppens träffar, kan återta anmälan och läsa våra meddelanden.
booking-manage-open = Se, flytta eller avboka bokningen
booking-manage-title = Din bokning
booking-group-manage-title = Din plats i gruppen
booking-group = Grupp
booking-state-booked = Bokad
booking-state-cancelled = Avbokad
booking-state-moved = Flyttad
booking-state-done = Genomförd
booking-state-no_show = Uteblev
booking-group-state-booked = Anmäld
booking-not-current = Den här bokningen kan inte längre ändras.
booking-move = Flytta till en annan tid
booking-move-submit = Flytta bokningen
booking-cancel = Avboka
booking-cancel-hint = Tiden blir ledig för någon annan. Dina meddelanden finns kvar.
booking-cancel-submit = Avboka
booking-group-cancel = Återta anmälan
booking-group-cancel-hint = Din plats blir ledig för någon annan. Dina meddelanden finns kvar.
booking-group-cancel-submit = Återta anmälan
booking-cancelled-notice = Din bokning är avbokad.
booking-group-cancelled-notice = Din anmälan är återtagen.
booking-moved-notice = Din bokning är flyttad.
booking-back-to-thread = Tillbaka till dina meddelanden
booking-doc-moved = Bokningen flyttades till { $when }.
booking-doc-cancelled = Bokningen avbokades.
booking-line-we_call-client = Din tid: { $when }. Vi ringer dig.
booking-line-you_call-client = Din tid: { $when }. Du ringer oss.
booking-line-we_call-staff = Bokad tid: { $when }. Vi ringer klienten.
booking-line-you_call-staff = Bokad tid: { $when }. Klienten ringer oss.
booking-line-group-client = Du har en plats i gruppen { $group }. Första träffen är { $first } och sista { $last }.
booking-line-group-staff = Plats i gruppen { $group }. Första träffen är { $first } och sista { $last }.
booking-weekday-1 = mån
booking-weekday-2 = tis
booking-weekday-3 = ons
booking-weekday-4 = tors
booking-weekday-5 = fre
booking-weekday-6 = lör
booking-weekday-7 = sön

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
thread-phone-by = Ditt samtal, antecknat av { $name }
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
