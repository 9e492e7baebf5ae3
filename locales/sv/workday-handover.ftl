# A case handed to another service, as its client sees it (queue::handover).
thread-handed = Meddelande från tjänsten
thread-handed-to = Ditt ärende har lämnats över till { $service }. De svarar dig från och med nu, här med samma kvittokod.
