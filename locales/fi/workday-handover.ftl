# A case handed to another service, as its client sees it (queue::handover).
thread-handed = Palvelun viesti
thread-handed-to = Yhteydenottosi siirrettiin palvelulle { $service }. Se vastaa sinulle tästä lähtien, täällä samalla kuittikoodilla.
