# Status: draft, needs review by a native speaker
# Selkosuomi (plain Finnish, selkokieli). Staff-only messages are copied from locales/fi/ unchanged.
# Chat: asiakkaan sivut.
chat-offer-heading = Keskustele chatissa nyt
chat-open = Chatissa kirjoitat viestejä työntekijälle. Työntekijä vastaa sinulle heti. Voit aloittaa chatin nyt. Et tarvitse käyttäjätunnusta. Sinun ei tarvitse kertoa nimeäsi.
chat-closed = Chat on nyt kiinni.
chat-closed-next = Chat on nyt kiinni. Chat on seuraavan kerran auki: { $when }.
chat-no-one = Chat on auki. Kaikki työntekijät ovat nyt kiireisiä. Yritä hetken päästä uudelleen. Voit myös kirjoittaa viestin alla.
chat-full = Chatin jono on nyt täynnä. Yritä myöhemmin uudelleen. Voit myös kirjoittaa viestin alla. Silloin vastaamme sinulle kirjoittamalla.
chat-closed-now = Chat ei alkanut. Chat on kiinni, tai kukaan työntekijä ei ole nyt paikalla.
chat-name = Millä nimellä kutsumme sinua? Voit jättää tämän tyhjäksi.
chat-name-hint = Voit keksiä minkä tahansa nimen. Sen ei tarvitse olla oikea nimesi.
chat-start = Aloita chat
chat-or-write = Voit myös kirjoittaa viestin
chat-title = Chat – { $service }
chat-receipt-hint = Tämä on kuittikoodisi. Kirjoita koodi muistiin nyt. Näet koodin vain tämän kerran. Koodilla voit lukea tämän keskustelun myöhemmin. Koodilla voit myös lukea uudet vastaukset ja kirjoittaa meille lisää.
chat-status-next = Olet jonossa seuraava.
chat-status-ahead = { $ahead ->
    [one] Jonossa on 1 ihminen ennen sinua.
   *[other] Jonossa on { $ahead } ihmistä ennen sinua.
}
chat-status-usually = Odotat yleensä alle { $minutes ->
    [one] 1 minuutin.
   *[other] { $minutes } minuuttia.
}
chat-status-with = Keskustelet nyt työntekijän kanssa. Työntekijän nimi on { $name }.
chat-status-active = Keskustelet nyt työntekijän kanssa.
chat-waiting-hint = Voit kirjoittaa jo nyt, kun odotat. Työntekijä lukee viestisi, kun chat alkaa. Joskus tämä sivu ei päivity itse. Paina silloin välillä nappia ”Katso uudet viestit”. Näin tiedämme, että olet vielä paikalla.
chat-conversation = Keskustelu
chat-empty = Täällä ei ole vielä viestejä.
chat-your-message = Viestisi
chat-message-hint = Paina nappia ”Lähetä”, niin viesti lähtee. Me salaamme viestisi, ennen kuin tallennamme sen.
chat-send = Lähetä
chat-check = Katso uudet viestit
chat-sending = Viesti lähtee…
chat-connection-lost = Yhteys katkesi. Viestisi on vielä tässä. Yritä lähettää se uudelleen.
chat-too-fast = Lähetät viestejä liian nopeasti. Odota hetki. Lähetä sitten uudelleen. Viestisi on vielä tässä.
chat-to-written = Lähde jonosta ja saa vastaus kirjoittamalla
chat-end = Lopeta chat
chat-you = Sinä
chat-counsellor = Työntekijä
chat-ended-title = Chat on loppunut
chat-ended = Chat on loppunut.
chat-ended-by-counsellor = Työntekijä lopetti chatin.
chat-ended-gone = Chat loppui. Emme kuulleet sinusta vähään aikaan.
chat-ended-read-later = Voit lukea keskustelun myöhemmin kuittikoodilla. Voit myös kirjoittaa meille uudelleen.
chat-ended-not-kept = Tämä palvelu poistaa chatin viestit, kun chat loppuu. Siksi et voi lukea keskustelua uudelleen. Voit silti kirjoittaa meille kuittikoodilla.
chat-written-title = Viestisi on lähetetty
chat-written = { $service } vastaa sinulle kirjoittamalla. Voit lukea vastauksen kuittikoodilla.
chat-not-started-title = Chat ei alkanut
chat-none-title = Chat ei ole auki
chat-none = Tässä selaimessa ei ole chattia auki. Chat on ehkä loppunut. Selain on ehkä myös unohtanut chatin.
chat-draft-kept = Teksti, jonka kirjoitit. Kopioi teksti, jos haluat säilyttää sen.
chat-link-check = Lue vastaukset kuittikoodilla
chat-link-services = Kaikki palvelut
chat-link-service = Takaisin: { $service }
kind-chat = Chat
topic-chat = Chat

# Päivystäjän puoli.
staff-chat = Chat
chat-console-title = Chat
chat-duty = Chat-päivystys
chat-duty-services = Päivystän chatissa palveluissa
chat-duty-no-services = Et ole minkään palvelun jäsen.
chat-duty-capacity = Montako chattia otan kerrallaan
chat-duty-save = Tallenna päivystys
chat-mine = Omat chattini
chat-mine-none = Sinulla ei ole avoimia chatteja.
chat-waiting = Jonossa
chat-waiting-none = Kukaan ei odota.
chat-not-on-duty = Et päivystä chatissa. Valitse palvelusi yllä, niin näet niiden jonon.
chat-waited = { $minutes ->
    [one] odottanut 1 minuutin
   *[other] odottanut { $minutes } minuuttia
}
chat-gone = poistunut?
chat-take-next = Ota seuraava asiakas
chat-anonymous = Nimetön
chat-console-done-duty = Päivystyksesi tallennettiin.
chat-console-done-none-waiting = Jonossa ei ole ketään, jonka voisi ottaa.
chat-console-done-full = Sinulla on jo niin monta chattia kuin otat kerrallaan.
chat-console-done-taken-by-other = Joku muu otti jo sen asiakkaan.
chat-console-done-ended = Chat lopetettiin.
chat-console-done-handed = Chat siirrettiin.
chat-staff-title = Chat: { $name }
chat-back-to-console = Takaisin chat-näkymään
chat-open-case = Avaa yhteydenotto
chat-client = Asiakas
chat-staff-active = Asiakas on paikalla.
chat-staff-gone = Asiakkaasta ei ole kuulunut hetkeen: hän on ehkä poistunut.
chat-staff-ended = Chat on päättynyt.
chat-staff-ended-client = Asiakas lopetti chatin.
chat-staff-ended-gone = Chat päättyi: asiakas oli poistunut.
chat-staff-ended-exit = Asiakas poistui pikapoistumisella.
chat-staff-handed = Tämä chat on nyt toisella päivystäjällä.
chat-note = Oma muistiinpano
chat-note-hint = Vain palvelun päivystäjät voivat lukea muistiinpanot.
chat-note-save = Tallenna muistiinpano
chat-note-by = Muistiinpano: { $name }
chat-hand-over-to = Siirrä chat päivystäjälle
chat-hand-over = Siirrä
chat-staff-end = Lopeta chat
chat-error-ended = Chat on päättynyt; mitään ei voi enää lähettää.
chat-error-hand-over = Chattia ei voitu siirtää: valitse päivystäjä, joka on päivystämässä.
chat-settings-heading = Chatin aukioloajat
chat-settings-link = Chatin aukioloajat: { $service }
chat-settings-title = Chatin asetukset – { $service }
chat-settings-hours = Aukioloajat
chat-settings-hours-hint = Palvelun omalla aikavyöhykkeellä, muodossa HH:MM (keskiyö 24:00). Jätä päivä tyhjäksi, jos chat ei ole silloin auki.
chat-settings-from = Alkaa
chat-settings-until = Päättyy
chat-settings-queue-max = Montako voi odottaa jonossa
chat-settings-keep = Säilytä keskustelu chatin päätyttyä
chat-settings-keep-hint = Jos keskustelua ei säilytetä, viestit poistetaan chatin päättyessä; yhteydenotto ja asiakkaan kuitti säilyvät.
chat-settings-save = Tallenna
chat-settings-saved = Chatin asetukset tallennettiin.
chat-settings-error-hours = { $day }: anna molemmat ajat muodossa HH:MM, alku ennen loppua.
chat-settings-error-queue = Anna jonon koko lukuna 1–1000.
audit-action-chat-take = Otti chatin
audit-action-chat-end = Lopetti chatin
audit-action-chat-hand-over = Siirsi chatin
audit-action-chat-settings = Muutti chatin asetuksia
