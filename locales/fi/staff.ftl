# Työntekijöiden sivut: kirjautuminen, oma tili, jono ja tapaus.
staff-site-name = suoja työntekijöille
staff-nav = Työntekijän valikko
staff-queue = Jono
staff-account = Oma tili
staff-logout = Kirjaudu ulos ({ $name })
staff-login-title = Työntekijän kirjautuminen
staff-login = Kirjaudu
staff-username = Käyttäjätunnus
staff-password = Salasana
staff-code = Vahvistuskoodi
staff-code-hint = Vain jos olet ottanut kaksivaiheisen tunnistautumisen käyttöön: todennussovelluksen kuusi numeroa.
staff-notice-ended = Istuntosi on päättynyt. Kirjaudu uudelleen jatkaaksesi.
staff-notice-locked = Istuntosi ei voinut avata avaintasi (se alkoi ennen palvelimen päivitystä). Kirjaudu uudelleen avataksesi sen.
staff-notice-out = Olet kirjautunut ulos. Avaimesi poistettiin palvelimen muistista.
staff-error-form-expired = Kirjautumislomake oli vanhentunut. Yritä uudelleen.
staff-error-too-many = Liian monta kirjautumisyritystä. Odota hetki ja yritä uudelleen.
staff-error-login = Käyttäjätunnus, salasana tai vahvistuskoodi on väärin, tai tili ei ole käytössä.
staff-account-title = Oma tili
staff-must-change = Valitse uusi salasana ennen kuin jatkat. Saamasi salasana toimii vain kerran.
staff-recipient = Julkinen avaimesi
staff-change-password = Vaihda salasana
staff-change-password-hint = Yksityinen avaimesi on tallennettu salasanallasi lukittuna. Kun vaihdat salasanan, avain lukitaan uudella salasanalla.
staff-current-password = Nykyinen salasana
staff-new-password = Uusi salasana
staff-new-password-hint = Vähintään 12 merkkiä. Muutama toisiinsa liittymätön sana on hyvä salasana.
staff-repeat-password = Uusi salasana uudelleen
staff-password-changed = Salasanasi on vaihdettu ja avaimesi lukittu uudella salasanalla.
staff-totp = Kaksivaiheinen tunnistautuminen
staff-totp-off-now = Kaksivaiheinen tunnistautuminen ei ole käytössä. Kun se on käytössä, kirjautuessa kysytään myös todennussovelluksen koodia.
staff-totp-start = Ota kaksivaiheinen tunnistautuminen käyttöön
staff-totp-setup-hint = Lisää tämä avain todennussovellukseesi (tai avaa alla oleva osoite sillä) ja kirjoita sovelluksen näyttämä koodi.
staff-totp-confirm = Vahvista ja ota käyttöön
staff-totp-on = Kaksivaiheinen tunnistautuminen on käytössä.
staff-totp-off = Poista kaksivaiheinen tunnistautuminen käytöstä
error-password-short = Uusi salasana on liian lyhyt: käytä vähintään 12 merkkiä.
error-password-long = Uusi salasana on liian pitkä.
error-password-repeat = Uudet salasanat eivät täsmää.
error-password-current = Nykyinen salasana on väärin.
error-totp-code = Koodi ei täsmännyt. Tarkista puhelimesi kellonaika ja kirjoita uusin koodi.
error-forbidden = Ei saatavilla
error-forbidden-text = Tätä sivua ei ole, tai se ei ole sinun käytettävissäsi.

queue-title = Jono
queue-no-services = Et ole vielä minkään palvelun jäsen. Ylläpitäjä voi lisätä sinut palveluun.
queue-no-services-admin = Et ole vielä minkään palvelun jäsen. Lisää itsesi palveluun Henkilöt-sivulla:
queue-counts = Tapaukset tilan mukaan
queue-service = Palvelu
queue-status = Tila
queue-all = Kaikki
queue-filter = Näytä
queue-empty = Ei tapauksia.
queue-caption = Tapaukset, uusin ensin
queue-case = Tapaus
queue-assignee = Vastuuhenkilö
queue-dates = Avattu – viimeisin toiminta
queue-unread = Uutta toimintaa
queue-older = Vanhemmat tapaukset
queue-unreadable = Sinetöity ennen kuin sait pääsyn: avaimesi ei avaa tätä
queue-deletion = Poisto
queue-deletion-any = Milloin tahansa
queue-deleted-within = Poistetaan { $days ->
    [one] päivän
   *[other] { $days } päivän
} sisällä
queue-deletes-on = Poistetaan { $day }
kind-contact = Yhteydenotto
staff-status-new = Uusi
staff-status-in_progress = Käsittelyssä
staff-status-waiting = Odottaa asiakasta
staff-status-closed = Suljettu

case-title = Tapaus
case-kind = Laji
case-updated = Viimeisin toiminta
case-deleted-on = Poistetaan
case-deleted-on-hint = Jokainen viesti, muistiinpano tai tilan muutos siirtää tätä päivää: tapaus poistetaan { $open ->
    [one] päivän
   *[other] { $open } päivän
} kuluttua viimeisimmästä toiminnasta, suljettu tapaus { $closed ->
    [one] päivän
   *[other] { $closed } päivän
} kuluttua sulkemisesta. Varaukset lasketaan niiden ajankohdasta.
case-unreadable = { $count ->
    [one] Yksi viesti sinetöitiin ennen kuin sait pääsyn, eikä avaimesi avaa sitä.
   *[other] { $count } viestiä sinetöitiin ennen kuin sait pääsyn, eikä avaimesi avaa niitä.
}
case-client-name = Asiakkaan nimi
case-client-way = Yhteydenottotapa
case-from-client = Asiakas
case-reply-by = Vastaus: { $name }
case-note-by = Sisäinen muistiinpano: { $name }
case-reply = Vastaa asiakkaalle
case-reply-label = Vastauksesi
case-reply-hint = Asiakas lukee tämän kuittikoodillaan. Se sinetöidään hänelle ja tämän palvelun työntekijöille.
case-reply-send = Lähetä vastaus
case-note = Sisäinen muistiinpano
case-note-label = Muistiinpano
case-note-hint = Vain tämän palvelun työntekijät voivat lukea muistiinpanot; asiakas ei näe niitä koskaan.
case-note-save = Tallenna muistiinpano
case-work = Tila ja vastuuhenkilö
case-set-status = Vaihda tila
case-nobody = Ei kukaan
case-assign = Aseta vastuuhenkilö
case-done-reply = Vastaus lähetetty.
case-done-note = Muistiinpano tallennettu.
case-done-status = Tila vaihdettu.
case-done-assign = Vastuuhenkilö vaihdettu.
case-not-saved-title = Istuntosi päättyi: mitään ei tallennettu
case-not-saved-text = Istuntosi päättyi ennen lähettämistä, joten tekstiä ei tallennettu. Kopioi alla oleva teksti, kirjaudu uudelleen ja lähetä se.
case-not-saved-label = Kirjoittamasi teksti
confirm-sure = Olen varma

## Soittajan tai asiakkaan kieli
phone-lang = Soittajan kieli (vapaaehtoinen)
phone-lang-none = Ei merkitty
phone-interpreter = Soittaja tarvitsee tulkin
phone-error-lang = Valitse kieli luettelosta.
phone-error-interpreter-lang = Valitse kieli, johon tulkkia tarvitaan.
case-written-in = Kirjoitettu kielellä
case-spoken-in = Kieli
case-interpreter = Tulkki
case-interpreter-needed = Tarvitaan
