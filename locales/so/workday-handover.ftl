# A case handed to another service, as its client sees it (queue::handover).
thread-handed = Fariin adeegga
thread-handed-to = Codsigaaga waxaa loo gudbiyay { $service }. Hadda kadib iyagaa ku soo jawaabaya, halkan isla koodhka rasiidka.
