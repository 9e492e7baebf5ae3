# Activity notices by e-mail (src/notify). They say only that a service has
# new activity: never a case, a count, a time or anything a client wrote.
notify-subject = uutta toimintaa
notify-intro = Suojassa on uutta toimintaa näissä palveluissa:
notify-outro = Tämä viesti ei kerro muuta. Yhteydenotot voit lukea suojassa.
