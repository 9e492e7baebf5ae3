## Tillgänglighetsutlåtandet: personalens sidor

staff-accessibility = Tillgänglighet
kind-feedback = Respons om tillgänglighet
queue-answer-by = Svara senast { $day }
case-answer-by = Svara senast
case-answer-by-hint = Lagen ger två veckor att svara på respons om tillgänglighet, räknat från dagen den kom.
a11y-admin-title = Tillgänglighetsutlåtande
a11y-admin-intro = Det här är organisationens egna delar av tillgänglighetsutlåtandet; resten (vad suoja uppfyller, hur det testas, tillsynsmyndigheten) är detsamma för alla organisationer. Skriv ren text. En del som du fyller i behöver finsk, svensk och engelsk text. En sida på ett annat språk visar det språkets text om du ger en, och annars den finska, svenska eller engelska texten med språkmärkning.
a11y-admin-view = Se utlåtandet som klienter ser det
a11y-admin-date = Utlåtandets datum
a11y-admin-date-hint = Dagen då utlåtandet upprättades eller senast granskades, som ÅÅÅÅ-MM-DD, t.ex. 2026-12-20.
a11y-admin-service = Responsen går till
a11y-admin-service-hint = Responsen krypteras till den här tjänstens rådgivare som en kontaktbegäran och syns i deras kö. Det kan vara en tjänst som tagits ur bruk, som klienter inte ser på startsidan.
a11y-admin-service-none = Inget formulär (respons endast via kontaktuppgifterna)
a11y-admin-part-organisation = Organisation
a11y-admin-part-answers = Vem svarar på respons
a11y-admin-part-reply-time = Hur snabbt ni svarar (tomt: ”inom två veckor”)
a11y-admin-part-contact = Andra kontaktuppgifter
a11y-admin-part-authority = Tillsynsmyndighet (tomt: standardtexten)
a11y-admin-other-langs = Andra språk (frivilligt)
a11y-admin-save = Spara utlåtandet
a11y-admin-saved = Utlåtandet sparades.
a11y-admin-error-date = Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-20.
a11y-admin-error-service = Välj en tjänst i listan.
a11y-admin-error-part = Skriv den här delen på finska, svenska och engelska, eller lämna den tom på alla språk.
audit-action-accessibility-updated = Tillgänglighetsutlåtandet redigerades
