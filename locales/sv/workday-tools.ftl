# Rådgivarens arbetsdag: att ta ärenden, köns "vems"-filter och ordning,
# färdiga svar (endast personalens sidor).

staff-canned = Färdiga svar

queue-who = Vems
queue-who-all = Allas
queue-who-mine = Mina
queue-who-untaken = Ej tagna
queue-order = Ordning
queue-order-newest = Nyaste först
queue-order-oldest = Äldsta först
queue-order-hint = Mina och ej tagna öppnas äldsta först, så att det ärende som väntat längst sköts först.
queue-caption-oldest = Ärenden, äldsta först
queue-newer = Nyare ärenden
queue-taken-by-you = Du
queue-take-this = { case-take }: { $case }

case-take = Ta ärendet
case-release = Lämna tillbaka ärendet
case-yours = Du ({ $name })
case-taken-by = { $name } har tagit det här ärendet.
case-done-taken = Du har tagit ärendet.
case-taken-by-other = { $name } hann ta ärendet först. Det förblir hens; fråga hen eller använd "Ange ansvarig" för att lämna över det.
case-take-failed = Ärendet kunde inte tas. Försök igen.
case-done-released = Du lämnade tillbaka ärendet. Ingen har det nu.
case-not-yours = Ärendet är inte ditt, så det lämnades inte tillbaka.
case-canned = Färdigt svar
case-canned-hint = "Infoga" lägger till den valda texten efter det du har skrivit, så att du kan redigera den. Inget skickas förrän du trycker på "Skicka svar".
case-canned-manage = Tjänstens färdiga svar
case-canned-none = Tjänsten har inga färdiga svar ännu.
case-canned-insert = Infoga
case-canned-inserted = Det färdiga svaret lades till i ditt svar nedan. Redigera det och skicka när du är klar: inget har skickats ännu.

canned-title = Färdiga svar
canned-intro = Färdiga texter som tjänstens rådgivare infogar i ett svar och redigerar innan de skickar. Skriv dem för vilken klient som helst, aldrig om någon: de lagras okrypterade, till skillnad från meddelanden.
canned-no-services = Du är inte medlem i någon tjänst.
canned-service-title = Färdiga svar: { $service }
canned-list = Texter
canned-empty = Inga färdiga svar ännu.
canned-in = Språk: { $language }
canned-add = Lägg till ett färdigt svar
canned-add-button = Lägg till
canned-all-services = Alla tjänsters färdiga svar
canned-save = Spara
canned-back = Tillbaka till de färdiga svaren
canned-edit-title = Redigera: { $title }
canned-delete-heading = Ta bort
canned-delete-hint = Att ta bort stryker texten ur listan. Svar som redan skickats ändras inte.
canned-delete = Ta bort det här färdiga svaret
canned-lang = Språk
canned-title-label = Rubrik
canned-title-hint = Visas i listan på ärendesidan. Högst 100 tecken.
canned-body-label = Text
canned-body-hint = Högst 5000 tecken.
canned-error-title = Skriv en rubrik på 1–100 tecken.
canned-error-body = Skriv en text på 1–5000 tecken.
canned-error-lang = Välj textens språk.
canned-error-full = Tjänsten har redan så många färdiga svar som den kan ha (200). Ta bort ett för att lägga till ett nytt.
canned-notice-added = Det färdiga svaret lades till.
canned-notice-saved = Det färdiga svaret sparades.
canned-notice-deleted = Det färdiga svaret togs bort.

audit-action-take = Tog ett ärende
audit-action-release = Lämnade tillbaka ett ärende
audit-action-canned-reply = Ändrade färdiga svar
