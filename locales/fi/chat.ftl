# Chat: asiakkaan sivut.
chat-offer-heading = Chattaa nyt
chat-open = Voit chatata nyt päivystäjän kanssa. Et tarvitse tunnusta etkä nimeä.
chat-closed = Chat on nyt kiinni.
chat-closed-next = Chat on nyt kiinni. Se aukeaa seuraavan kerran { $when }.
chat-no-one = Chat on auki, mutta kukaan päivystäjä ei ole juuri nyt vapaana. Yritä hetken päästä uudelleen tai kirjoita viesti alla.
chat-full = Chatin jono on nyt täynnä. Yritä myöhemmin uudelleen tai kirjoita viesti alla: vastaamme kirjallisesti.
chat-closed-now = Chat ei alkanut: se on kiinni tai kukaan ei ole juuri nyt päivystämässä.
chat-name = Millä nimellä voimme puhutella sinua? (vapaaehtoinen)
chat-name-hint = Mikä tahansa nimi käy. Voit jättää tämän tyhjäksi.
chat-start = Aloita chat
chat-or-write = Tai kirjoita viesti
chat-title = Chat – { $service }
chat-receipt-hint = Tämä on kuittisi. Kirjoita se talteen nyt: se näytetään vain kerran. Sillä voit lukea tämän keskustelun ja myöhemmät vastaukset ja kirjoittaa meille lisää.
chat-status-next = Olet jonossa seuraavana.
chat-status-ahead = { $ahead ->
    [one] Edelläsi jonossa on yksi ihminen.
   *[other] Edelläsi jonossa on { $ahead } ihmistä.
}
chat-status-usually = Odotus kestää yleensä alle { $minutes ->
    [one] minuutin
   *[other] { $minutes } minuuttia
}.
chat-status-with = { $name } keskustelee kanssasi.
chat-status-active = Päivystäjä chattailee kanssasi.
chat-waiting-hint = Voit kirjoittaa jo odottaessasi: päivystäjä lukee sen, kun chat alkaa. Jos tämä sivu ei päivity itsestään, paina välillä ”Katso uudet viestit”, niin tiedämme, että olet yhä paikalla.
chat-conversation = Keskustelu
chat-empty = Ei vielä viestejä.
chat-your-message = Viestisi
chat-message-hint = Lähetä painamalla ”Lähetä”. Kirjoittamasi salataan ennen tallentamista.
chat-send = Lähetä
chat-check = Katso uudet viestit
chat-sending = Lähetetään…
chat-connection-lost = Yhteys katkesi. Viestisi on yhä tallessa tässä: yritä lähettää se uudelleen.
chat-too-fast = Lähetät viestejä hyvin nopeasti. Odota hetki ja lähetä uudelleen: viestisi on yhä tässä.
chat-to-written = Poistu jonosta ja saa vastaus kirjallisesti
chat-end = Lopeta chat
chat-you = Sinä
chat-counsellor = Päivystäjä
chat-ended-title = Chat on päättynyt
chat-ended = Chat on päättynyt.
chat-ended-by-counsellor = Päivystäjä lopetti chatin.
chat-ended-gone = Chat päättyi, koska sinusta ei kuulunut hetkeen mitään.
chat-ended-read-later = Voit lukea keskustelun myöhemmin kuittisi avulla ja kirjoittaa meille uudelleen.
chat-ended-not-kept = Tämä palvelu ei säilytä chat-keskusteluja, joten keskustelua ei voi lukea uudelleen. Kuittisi avulla voit silti kirjoittaa meille.
chat-written-title = Viestisi lähti
chat-written = { $service } vastaa sinulle kirjallisesti. Lue vastaus kuittisi avulla.
chat-not-started-title = Chat ei alkanut
chat-none-title = Ei avointa chattia
chat-none = Tässä selaimessa ei ole avointa chattia. Se on ehkä päättynyt, tai selain on unohtanut sen.
chat-draft-kept = Kirjoittamasi teksti (kopioi se talteen)
chat-link-check = Lue vastaukset kuitin avulla
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
