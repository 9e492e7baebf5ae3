# A case handed to another service, as its client sees it (queue::handover).
thread-handed = Viesti palvelulta
thread-handed-to = Viestisi siirrettiin palvelulle { $service }. Nyt { $service } vastaa sinulle. Käytä samaa kuittikoodia kuin ennen.
