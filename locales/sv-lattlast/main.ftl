# Status: draft, needs review by a native speaker
# Lättläst svenska (easy Swedish, lättläst). Staff-only messages are copied from locales/sv/ unchanged.
site-name = suoja
skip-to-content = Gå till sidans innehåll
language-nav = Språk
quick-exit = Lämna sidan snabbt
footer-privacy = Vi sparar inte din dators eller telefons adress på internet. Vi sparar inte uppgifter om din webbläsare. Vi skyddar ditt meddelande med kryptering. Bara medarbetarna på tjänsten du väljer kan öppna det. Organisationen har också en reservnyckel. Den kan också öppna meddelandet.
title-with-error = Fel: { $title }

landing-title = Kontakta oss utan att säga ditt namn
landing-intro = Du kan kontakta en stödtjänst utan att säga ditt namn. Du behöver inget konto. Välj först en tjänst här nedanför. När du skickar ett meddelande får du en kvittokod. Kvittokoden är din egen hemliga kod. Med koden kan du komma tillbaka hit och läsa svaren.
landing-services = Tjänster
landing-return = Har du redan skickat ett meddelande till oss?
landing-check-link = Läs svaren med din kvittokod

contact-title = Kontakta: { $service }
contact-anonymous = Du behöver inte säga ditt namn. Du behöver inte ge ditt telefonnummer eller din e-postadress. Du måste bara skriva ett meddelande. Du kan lämna allt annat tomt.
contact-send = Skicka meddelandet
field-topic = Ämne
field-message = Ditt meddelande
field-message-hint = Skriv det du vill berätta eller fråga. Bara medarbetarna på den här tjänsten kan läsa meddelandet.
field-name-optional = Vad ska vi kalla dig? Du kan lämna det här tomt.
field-name = Namnet vi kallar dig
field-name-hint = Du kan hitta på vilket namn som helst. Det behöver inte vara ditt riktiga namn.
field-way = Hur ska vi svara dig?
way-none = Kontakta mig inte. Jag kommer tillbaka med min kvittokod om jag vill.
way-reply_here = Svara här. Jag läser svaret med min kvittokod.
way-phone = Med telefon
way-email = Med e-post
field-detail = Telefonnummer eller e-postadress
field-detail-hint = Skriv här bara om du valde telefon eller e-post. Annars lämnar du det här tomt.

topic-general = Allmän fråga
topic-crisis = Kris eller stor oro just nu
topic-relationships = Relationer
topic-sexuality = Sexualitet
topic-gender = Kön och identitet
topic-mental-health = Psykisk hälsa
topic-housing = Boende
topic-host = Jag vill ta emot en person i mitt hem
topic-guest = Jag söker ett hem
topic-relatives = För närstående
topic-other = Något annat

error-summary = Rätta det här
error-topic = Välj ett ämne i listan.
error-message-empty = Skriv ett meddelande. Skicka det sedan.
error-thread-full-client = Det här samtalet är för långt. Det finns inte plats för fler meddelanden. Din text finns kvar här. Kopiera texten. Skicka den sedan som ett nytt meddelande.
error-thread-full-staff = Ärendet har nått sin maximala längd och inget mer kan läggas till. Din text finns kvar.
error-message-long = Meddelandet är för långt. Det får vara högst 10 000 tecken. Gör meddelandet kortare.
error-name-long = Namnet är för långt. Det får vara högst 100 tecken. Skriv namnet på en rad.
error-detail-unused = Du skrev ett telefonnummer eller en e-postadress. Välj då telefon eller e-post längre upp. Du kan också ta bort numret eller adressen.
error-phone = Skriv ett telefonnummer. Numret ska ha 5–20 siffror.
error-email = Skriv en e-postadress så här: namn@exempel.fi
error-way = Välj hur vi ska svara dig.
notice-too-fast = Du skickade formuläret mycket snabbt. Läs ditt meddelande en gång till. Skicka det sedan igen.
notice-expired = Formuläret var för gammalt. Din text finns kvar här. Skicka den igen.
notice-expired-receipt = Formuläret var för gammalt. Skriv din kvittokod igen.
notice-too-many = Det kom just för många meddelanden från ditt nätverk. Din text finns kvar här. Vänta en stund. Försök sedan igen.

receipt-title = Ditt meddelande är skickat
receipt-sent-to = Vi skickade ditt meddelande säkert till { $service }.
receipt-code = Din kvittokod
receipt-write-down = Skriv upp koden på ett papper nu. Du kan också spara den på ett säkert ställe. Du behöver koden när du vill läsa svaren.
receipt-no-recovery = Vi kan inte visa koden för dig igen. Vi vet inte din kod. Var rädd om koden.
receipt-check-link = Se ditt meddelande och svaren

check-title = Se ditt meddelande och svaren
check-intro = Skriv din kvittokod. Du fick koden när du skickade ditt meddelande.
check-receipt = Kvittokod
check-receipt-hint = Koden har 16 bokstäver och siffror. Exempel: ABCD-EFGH-JKMN-PQRS. Du kan skriva koden med eller utan streck och mellanslag.
check-submit = Visa mitt meddelande
check-service = Tjänst
check-opened = Du skickade meddelandet
check-status = Läge
check-thread = Meddelanden
check-leave = Stäng sidan när du är klar. Du behöver koden om du vill se meddelandena igen.
thread-you = Du
thread-counsellor = Medarbetare
error-receipt-format = En kvittokod har 16 bokstäver och siffror. Kontrollera koden. Försök sedan igen.
error-receipt-unknown = Vi hittar inget meddelande med den här koden. Kontrollera koden. Försök sedan igen.

status-new = Meddelandet har kommit fram. Det väntar på en medarbetare.
status-in_progress = En medarbetare arbetar med ditt ärende.
status-waiting = Vi har svarat dig.
status-closed = Ärendet är avslutat.

error-not-found = Sidan finns inte
error-not-found-text = Sidan du letar efter finns inte.
error-too-many = För många meddelanden
error-too-many-text = Det kom just för många meddelanden från ditt nätverk. Vänta en stund. Försök sedan igen.
error-too-large = Meddelandet är för stort
error-too-large-text = Du skickade för mycket text. Gå tillbaka till förra sidan. Gör texten kortare. Skicka den sedan igen.
error-bad-request = Vi kunde inte läsa formuläret
error-bad-request-text = Gå tillbaka till förra sidan. Skicka formuläret igen.
error-internal = Något gick fel
error-internal-text = Vi kunde inte ta emot det du skickade. Vi sparade ingenting. Vänta en stund. Försök sedan igen.
error-id = Du kan fråga tjänsten om felet. Säg då den här koden:
error-home = Gå till startsidan
thread-counsellor-named = Medarbetare { $name }
check-new-reply = Du har fått ett nytt svar. Det kom efter ditt förra besök här.
check-write = Skriv ett svar
check-write-hint = Bara medarbetarna på den här tjänsten kan läsa ditt meddelande. Du ser deras svar här med din kvittokod.
check-sent = Ditt meddelande är skickat.
check-resend-hint = Vi har inte skickat ditt meddelande än. Meddelandet finns kvar här. Vänta en stund. Skicka det sedan igen.

## Språken som en tjänst svarar på
answers-notice = Den här tjänsten svarar på de här språken: { $languages }. Du får ändå skriva på ditt eget språk.
answers-others = De här tjänsterna svarar på ditt språk:
language-fi = finska
language-sv = svenska
language-en = engelska
language-ar = arabiska
language-fa = persiska (dari)
language-ckb = kurdiska (sorani)
language-so = somaliska
language-uk = ukrainska
language-ru = ryska
