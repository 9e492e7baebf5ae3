# A case handed to another service, as its client sees it (queue::handover).
thread-handed = Meddelande från tjänsten
thread-handed-to = Ditt meddelande har skickats vidare till { $service }. Nu svarar { $service } dig. Använd samma kvittokod som förut.
