# Nyckelbyte: förloppssidan, medlemskap i tjänster, byte av egen nyckel.
staff-rotation = Nyckelbyte
staff-members = Medlemskap
staff-replace-key = Byt min nyckel
staff-replace-key-hint = Skapar en ny privat nyckel åt dig, låst med ditt lösenord. Allt som krypterats till din gamla nyckel i dina tjänster krypteras sedan om till den nya i bakgrunden; dina andra sessioner avslutas. Använd detta om din nyckel kan ha röjts.
rotation-title = Nyckelbyte
rotation-intro = Ett nyckelbyte krypterar om varje objekt i en tjänst till de nycklar tjänsten har nu. Objekten öppnas med en nyckel som finns till hands och skrivs tillbaka ett i taget, så ett avbrutet jobb förlorar ingenting.
rotation-none = Inget nyckelbyte har körts ännu.
rotation-caption = Nyckelbyten, nyaste först
rotation-kind = Orsak
rotation-state = Läge
rotation-progress = Hanterade objekt
rotation-unreadable = Kunde inte öppnas
rotation-check = Slutkontroll
rotation-check-result = { $passed ->
    [one] 1 objekt godkänt
   *[other] { $passed } objekt godkända
}, { $failed ->
    [one] 1 underkänt
   *[other] { $failed } underkända
}
rotation-resume = Fortsätt med min nyckel
rotation-running = Ett jobb pågår. Ladda om sidan för att se förloppet.
rotation-reload = Ladda om sidan
rotation-unreadable-hint = Objekt som ingen nyckel till hands kunde öppna förblir som de var. En administratör kan kryptera om dem från kommandoraden med organisationens återställningsnyckel: suoja rotate --identity FIL.
rotation-kind-reseal = Kommandoraden
rotation-kind-own-key = En anställd bytte sin nyckel
rotation-kind-membership = En medlem lämnade tjänsten
rotation-state-running = Pågår
rotation-state-done = Klart
rotation-state-incomplete = Klart, vissa objekt öppnades inte
rotation-state-failed = Kontrollen misslyckades
rotation-state-superseded = Ersatt av ett nyare jobb
members-title = Medlemskap i tjänster
members-intro = Vem som arbetar i vilken tjänst. När du tar bort en person krypteras nya objekt inte längre till hens nyckel, och tjänstens tidigare objekt krypteras om utan den, med din nyckel och nycklarna för tjänstens medlemmar som är inloggade nu.
members-none = Inga medlemmar.
members-remove = Ta bort { $name } från { $service }
