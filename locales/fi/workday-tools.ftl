# Neuvojan työpäivä: tapausten ottaminen, jonon "kenen"-suodatin ja
# järjestys, valmisvastaukset (vain henkilökunnan sivut).

staff-canned = Valmisvastaukset

queue-who = Kenen
queue-who-all = Kaikkien
queue-who-mine = Omat
queue-who-untaken = Ottamattomat
queue-order = Järjestys
queue-order-newest = Uusimmat ensin
queue-order-oldest = Vanhimmat ensin
queue-order-hint = Omat ja ottamattomat avautuvat vanhimmat ensin, jotta kauimmin odottanut hoidetaan ensin.
queue-caption-oldest = Tapaukset, vanhimmat ensin
queue-newer = Uudemmat tapaukset
queue-taken-by-you = Sinä
queue-take-this = { case-take }: { $case }

case-take = Ota tapaus itselle
case-release = Palauta tapaus
case-yours = Sinä ({ $name })
case-taken-by = { $name } on ottanut tämän tapauksen.
case-done-taken = Otit tapauksen itsellesi.
case-taken-by-other = { $name } ehti ottaa tapauksen ensin. Se pysyy hänellä; kysy häneltä tai siirrä se kohdasta "Aseta vastuuhenkilö".
case-take-failed = Tapausta ei voitu ottaa. Yritä uudelleen.
case-done-released = Palautit tapauksen. Se ei ole nyt kenelläkään.
case-not-yours = Tapaus ei ole sinun, joten sitä ei palautettu.
case-canned = Valmisvastaus
case-canned-hint = "Lisää" liittää valitun tekstin kirjoittamasi perään, ja voit muokata sitä. Mitään ei lähetetä ennen kuin painat "Lähetä vastaus".
case-canned-manage = Palvelun valmisvastaukset
case-canned-none = Palvelulla ei ole vielä valmisvastauksia.
case-canned-insert = Lisää
case-canned-inserted = Valmisvastaus lisättiin vastaukseesi alla. Muokkaa sitä ja lähetä, kun olet valmis: mitään ei ole vielä lähetetty.

canned-title = Valmisvastaukset
canned-intro = Valmiita tekstejä, jotka palvelun neuvojat liittävät vastaukseen ja muokkaavat ennen lähettämistä. Kirjoita ne kenelle tahansa asiakkaalle, älä koskaan jostakusta: ne tallennetaan salaamattomina toisin kuin viestit.
canned-no-services = Et ole minkään palvelun jäsen.
canned-service-title = Valmisvastaukset: { $service }
canned-list = Tekstit
canned-empty = Valmisvastauksia ei vielä ole.
canned-in = Kieli: { $language }
canned-add = Lisää valmisvastaus
canned-add-button = Lisää
canned-all-services = Kaikkien palvelujen valmisvastaukset
canned-save = Tallenna
canned-back = Takaisin valmisvastauksiin
canned-edit-title = Muokkaa: { $title }
canned-delete-heading = Poista
canned-delete-hint = Poistaminen vie tekstin luettelosta. Jo lähetettyihin vastauksiin se ei vaikuta.
canned-delete = Poista tämä valmisvastaus
canned-lang = Kieli
canned-title-label = Otsikko
canned-title-hint = Näkyy tapaussivun luettelossa. Enintään 100 merkkiä.
canned-body-label = Teksti
canned-body-hint = Enintään 5000 merkkiä.
canned-error-title = Kirjoita otsikko, jossa on 1–100 merkkiä.
canned-error-body = Kirjoita teksti, jossa on 1–5000 merkkiä.
canned-error-lang = Valitse tekstin kieli.
canned-error-full = Palvelulla on jo niin monta valmisvastausta kuin se voi pitää (200). Poista jokin lisätäksesi uuden.
canned-notice-added = Valmisvastaus lisättiin.
canned-notice-saved = Valmisvastaus tallennettiin.
canned-notice-deleted = Valmisvastaus poistettiin.

audit-action-take = Otti tapauksen
audit-action-release = Palautti tapauksen
audit-action-canned-reply = Muutti valmisvastauksia
